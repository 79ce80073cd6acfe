// Applies prisma/migrations/<timestamp>_<name>/migration.sql in order, each
// in its own transaction, recording it in Prisma's `_prisma_migrations` table
// (same layout and checksum) so `prisma migrate deploy` agrees wherever the
// native engine is available. The Prisma CLI cannot run here (no engines).
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

// Any constant works; it keeps two processes (app instances, CLI) from migrating, or seeding, at once.
const LOCK_KEY = 72_707_001;

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    message: string,
    rolledBack = true,
  ) {
    super(rolledBack ? `Migration ${migration} failed and was rolled back: ${message}` : `Migration ${migration}: ${message}`);
    this.name = "MigrationError";
  }
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Runs `work` while holding the migration lock, on a connection of its own
 * (an advisory lock belongs to the session that took it). Whatever else
 * `work` does on other connections, no other process (app instance, CLI)
 * runs its own `work` meanwhile: they wait for the lock.
 */
export async function withMigrationLock<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    return await work(client);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/** Applies pending migrations; returns the names applied by this call. */
export async function migrate(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  return withMigrationLock(databaseUrl, (client) => applyMigrations(client, dir));
}

/** Applies pending migrations on `client`, which holds the migration lock. */
export async function applyMigrations(client: pg.Client, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const applied: string[] = [];
  await client.query(CREATE_TABLE);
  const { rows } = await client.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  for (const migration of migrations) {
    const recorded = done.get(migration.name);
    if (recorded !== undefined) {
      if (recorded !== migration.checksum) {
        throw new MigrationError(migration.name, "its migration.sql changed after it was applied; add a new migration instead", false);
      }
      continue;
    }
    try {
      await client.query("BEGIN");
      await client.query(migration.sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      await client.query("COMMIT");
      applied.push(migration.name);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw new MigrationError(migration.name, (error as Error).message);
    }
  }
  return applied;
}
