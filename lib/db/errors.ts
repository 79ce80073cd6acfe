// What a database error means for the request that met it, told by type:
// SQLSTATE codes (pg), Node's socket error codes, the kinds of Prisma 7's
// driver-adapter errors and Prisma's own error codes, never by message text.
// The one place that classifies database errors; lib/db/errors.test.ts and
// tests/integration/database-errors.test.ts hold real failures of each kind.

/** "unavailable": no connection could be had or kept; "read_only": the database refuses writes. */
export type DatabaseFailure = "unavailable" | "read_only";

/** Set (lib/db/pool.ts) on an error raised while acquiring or holding a pool connection: pg gives some of these no code. */
export const CONNECTION_FAILURE = Symbol.for("situation-room.db.connection-failure");

export function markConnectionFailure<E>(error: E): E {
  if (typeof error === "object" && error !== null && !Object.isFrozen(error)) {
    Object.defineProperty(error, CONNECTION_FAILURE, { value: true, configurable: true });
  }
  return error;
}

// SQLSTATE: class 08 (connection exception), 53 (insufficient resources:
// 53300 too_many_connections), 57P01–57P03 (shutdown, crash, cannot connect
// now), 3D000 (no such database), 28000/28P01 (refused credentials).
const UNAVAILABLE_STATES = new Set(["53000", "53200", "53300", "53400", "57P01", "57P02", "57P03", "3D000", "28000", "28P01"]);
// 25006 read_only_sql_transaction (default_transaction_read_only, a hot
// standby); 53100 disk_full (the primary cannot write until space is freed).
const READ_ONLY_STATES = new Set(["25006", "53100"]);
const UNIQUE_VIOLATION = "23505";

const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "EHOSTDOWN", "ENETUNREACH", "ENETDOWN", "EPIPE"]);

// @prisma/driver-adapter-utils DriverAdapterError causes (adapter-pg's convertDriverError).
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError", "DatabaseDoesNotExist", "DatabaseAccessDenied", "AuthenticationFailed"]);

// Prisma's codes for the same, where no adapter error is attached:
// P1000 auth, P1001 unreachable, P1002/P1008 timeouts, P1003 no database,
// P1010 access denied, P1011 TLS, P1017 connection closed, P2024 pool
// timeout, P2037 too many connections, P2028 a transaction that could not
// start within maxWait (every pool connection busy).
const UNAVAILABLE_PRISMA_CODES = new Set(["P1000", "P1001", "P1002", "P1003", "P1008", "P1010", "P1011", "P1017", "P2024", "P2028", "P2037"]);

const SQLSTATE = /^[0-9A-Z]{5}$/;

interface Facts {
  sqlStates: Set<string>;
  nodeCodes: Set<string>;
  kinds: Set<string>;
  prismaCodes: Set<string>;
  connectionFailure: boolean;
}

/** Everything typed that the error and the errors it wraps say (cause, Prisma's meta.driverAdapterError, AggregateError). */
function facts(error: unknown): Facts {
  const found: Facts = { sqlStates: new Set(), nodeCodes: new Set(), kinds: new Set(), prismaCodes: new Set(), connectionFailure: false };
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (typeof value !== "object" || value === null || seen.has(value) || depth > 6) return;
    seen.add(value);
    const e = value as Record<PropertyKey, unknown>;
    if (e[CONNECTION_FAILURE] === true) found.connectionFailure = true;
    for (const key of ["code", "originalCode", "errorCode"]) {
      const code = e[key];
      if (typeof code !== "string") continue;
      if (/^P\d{4}$/.test(code)) found.prismaCodes.add(code);
      else if (/^E[A-Z_]+$/.test(code)) found.nodeCodes.add(code);
      else if (SQLSTATE.test(code)) found.sqlStates.add(code);
    }
    if (typeof e.kind === "string") found.kinds.add(e.kind);
    visit(e.cause, depth + 1);
    const meta = e.meta as Record<string, unknown> | undefined;
    if (meta && typeof meta === "object") visit(meta.driverAdapterError, depth + 1);
    if (Array.isArray(e.errors)) for (const inner of e.errors) visit(inner, depth + 1);
  };
  visit(error, 0);
  return found;
}

/** Whether the error means the database is unavailable or read-only; null for any other error (a bad query, a bug, a constraint). */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  const f = facts(error);
  if ([...f.sqlStates].some((s) => READ_ONLY_STATES.has(s))) return "read_only";
  if (
    f.connectionFailure ||
    [...f.sqlStates].some((s) => s.startsWith("08") || UNAVAILABLE_STATES.has(s)) ||
    [...f.nodeCodes].some((c) => UNAVAILABLE_NODE_CODES.has(c)) ||
    [...f.kinds].some((k) => UNAVAILABLE_KINDS.has(k)) ||
    [...f.prismaCodes].some((c) => UNAVAILABLE_PRISMA_CODES.has(c))
  ) {
    return "unavailable";
  }
  return null;
}

/** A unique constraint refused the write (two writers raced to insert the same row). */
export function isUniqueViolation(error: unknown): boolean {
  const f = facts(error);
  return f.sqlStates.has(UNIQUE_VIOLATION) || f.kinds.has("UniqueConstraintViolation") || f.prismaCodes.has("P2002");
}
