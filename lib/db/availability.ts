// Whether the database is known to be down, shared in-process with the HTTP
// server (scripts/serve.mjs reads the same globalThis key): while it is, the
// server answers 503 itself and probes the database until it is back, and a
// page that failed for that reason is answered 503, not 500.
import { databaseFailure, type DatabaseFailure } from "./errors";

const KEY = "__situationRoomDatabase";

interface DatabaseState {
  /** When a query last failed for want of a database (ms since epoch), 0 when it is up. */
  downSince: number;
}

function state(): DatabaseState {
  const g = globalThis as unknown as Record<string, DatabaseState | undefined>;
  return (g[KEY] ??= { downSince: 0 });
}

/** True for errors that mean the database cannot be reached (not a bad query); see lib/db/errors.ts. */
export function isDatabaseDown(error: unknown): boolean {
  return databaseFailure(error) === "unavailable";
}

export function markDatabaseDown(): void {
  state().downSince ||= Date.now();
}

export function databaseDownSince(): number {
  return state().downSince;
}

/**
 * What the error means for the request (unavailable, read-only, or null for
 * any other error); an unavailable database is marked down, so the server
 * answers 503 and probes it until it is back. A read-only one still serves reads.
 */
export function noteDatabaseFailure(error: unknown): DatabaseFailure | null {
  const failure = databaseFailure(error);
  if (failure === "unavailable") markDatabaseDown();
  return failure;
}
