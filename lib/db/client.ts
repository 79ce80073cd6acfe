// One Prisma client per process (hot reload would otherwise open a new pool
// on every change and exhaust connections).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { databasePoolSize, databaseUrl, isExportProcess } from "../env";
import { createPool } from "./pool";

export type Db = PrismaClient;

/**
 * A client on `url`, with at most DATABASE_POOL_SIZE connections (through
 * PgBouncer in transaction mode too: every query is an unnamed statement, and
 * the app's advisory locks are transaction-level ones).
 */
export function createDb(url: string, options: { max?: number; connectionTimeoutMillis?: number } = {}): Db {
  const pool = createPool({ connectionString: url, max: databasePoolSize(), connectionTimeoutMillis: 5_000, ...options });
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

const globalForDb = globalThis as unknown as { situationRoomDb?: Db };

/**
 * The export process runs at a low CPU priority: on a busy machine opening a
 * connection (SCRAM) can take it seconds, and an export waits for one rather
 * than failing halfway through a file. Pages keep the short timeout.
 */
const EXPORT_CONNECTION_TIMEOUT_MS = 60_000;

export function db(): Db {
  globalForDb.situationRoomDb ??= createDb(databaseUrl(), isExportProcess() ? { connectionTimeoutMillis: EXPORT_CONNECTION_TIMEOUT_MS } : {});
  return globalForDb.situationRoomDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.situationRoomDb?.$disconnect();
  globalForDb.situationRoomDb = undefined;
}
