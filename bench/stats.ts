// Latency percentiles for the benchmark (nearest-rank, on milliseconds).
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Summary {
  requests: number;
  p50: number;
  p95: number;
  errors: number;
}

export function summarise(latencies: number[], errors: number): Summary {
  return { requests: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors };
}
