// Heavy exports in the background of a page benchmark (issue 14): clients
// that download files in a loop, each as its own user's token, while
// autocannon measures the pages. A refused download (429) waits the
// Retry-After it was given, as a browser user would, then asks again.
import { summarise, type Summary } from "./stats";

export interface ExportClientPlan {
  kind: string;
  path: string;
  /** Each client downloads as one token (a user); two clients may share one. */
  tokens: string[];
}

export interface ExportLoadStats {
  kind: string;
  clients: number;
  /** Files received whole; a download cut by the end of the run is not counted. */
  completed: number;
  refused: number;
  failed: number;
  /** Seconds from request to last byte of the completed files. */
  seconds: Summary;
}

export interface ExportLoad {
  /** Downloads in progress now (answered 200 and still streaming), as the clients see them. */
  running(): number;
  /** Files received whole so far, by every client. */
  completed(): number;
  stop(): Promise<ExportLoadStats[]>;
}

export function startExportLoad(base: string, plans: ExportClientPlan[]): ExportLoad {
  const stopping = new AbortController();
  let running = 0;
  const loops = plans.map((plan) => {
    const stats = { kind: plan.kind, clients: plan.tokens.length, completed: 0, refused: 0, failed: 0, durations: [] as number[] };
    const clients = plan.tokens.map(async (token) => {
      while (!stopping.signal.aborted) {
        const t0 = performance.now();
        try {
          const res = await fetch(base + plan.path, { headers: { authorization: `Bearer ${token}` }, signal: stopping.signal });
          if (res.status === 200) {
            running += 1;
            try {
              await res.arrayBuffer();
            } finally {
              running -= 1;
            }
            stats.completed += 1;
            stats.durations.push((performance.now() - t0) / 1000);
          } else {
            await res.arrayBuffer();
            if (res.status === 429) stats.refused += 1;
            else stats.failed += 1;
            await pause(res.status === 429 ? Number(res.headers.get("retry-after") ?? 5) * 1000 : 1000, stopping.signal);
          }
        } catch {
          if (!stopping.signal.aborted) stats.failed += 1;
        }
      }
    });
    return { stats, clients };
  });
  return {
    running: () => running,
    completed: () => loops.reduce((n, l) => n + l.stats.completed, 0),
    async stop() {
      stopping.abort();
      await Promise.all(loops.flatMap((l) => l.clients));
      return loops.map(({ stats }) => ({ kind: stats.kind, clients: stats.clients, completed: stats.completed, refused: stats.refused, failed: stats.failed, seconds: summarise(stats.durations, 0) }));
    },
  };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}
