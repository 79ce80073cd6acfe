// Whether the database is known to be down, shared in-process with the HTTP
// server (scripts/serve.mjs reads the same globalThis key): while it is, the
// server answers 503 itself and probes the database until it is back, and a
// page that failed for that reason is answered 503, not 500.
const KEY = "__situationRoomDatabase";

interface DatabaseState {
  /** When a query last failed for want of a database (ms since epoch), 0 when it is up. */
  downSince: number;
}

function state(): DatabaseState {
  const g = globalThis as unknown as Record<string, DatabaseState | undefined>;
  return (g[KEY] ??= { downSince: 0 });
}

/** True for errors that mean the database cannot be reached (not a bad query). */
export function isDatabaseDown(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown } | null | undefined;
  const text = `${String(e?.code ?? "")} ${String(e?.message ?? "")} ${String(e?.cause ?? "")}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|57P0[1-3]|Connection terminated|connect timeout|Can't reach database|DatabaseNotReachable|the database system is (starting up|shutting down)/i.test(text);
}

export function markDatabaseDown(): void {
  state().downSince ||= Date.now();
}

export function databaseDownSince(): number {
  return state().downSince;
}
