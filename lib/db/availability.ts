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

const lastWarned = new Map<string, number>();

/**
 * A bookkeeping write that goes with a read (a token's last use, the audit
 * event of an export): when the database cannot take it (read-only, or gone
 * meanwhile) it is skipped with a warning and the read goes on; null then.
 * Security controls (the login throttle) never go through here: they refuse.
 */
export async function bookkeeping<T>(what: string, write: () => Promise<T>): Promise<T | null> {
  try {
    return await write();
  } catch (error) {
    const failure = noteDatabaseFailure(error);
    if (!failure) throw error;
    // Once a minute per kind: a read-only database would otherwise log every request.
    if (Date.now() - (lastWarned.get(what) ?? 0) > 60_000) {
      lastWarned.set(what, Date.now());
      console.warn(`Not recorded (the database is ${failure === "read_only" ? "read-only" : "unavailable"}): ${what}`);
    }
    return null;
  }
}
