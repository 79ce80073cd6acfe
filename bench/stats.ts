// Latency percentiles for the benchmark (nearest-rank, on milliseconds), and
// the machine's CPU times.
import { readFile } from "node:fs/promises";

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

/** The machine's CPU times (/proc/stat, in clock ticks of 10 ms): stolen, all, and busy (this machine's work: neither idle, waiting for I/O nor stolen). */
export async function cpuTimes(): Promise<{ steal: number; total: number; busy: number } | null> {
  try {
    const fields = (await readFile("/proc/stat", "utf8")).split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    return { steal: fields[7] ?? 0, total, busy: total - (fields[3] ?? 0) - (fields[4] ?? 0) - (fields[7] ?? 0) };
  } catch {
    return null;
  }
}
