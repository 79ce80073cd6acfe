// The migration runner against real PostgreSQL, and the proof that
// prisma/migrations and schema.prisma describe the same database.
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, MigrationError, MIGRATIONS_DIR, readMigrations } from "../../lib/db/migrate";
import { diffSql, schemaTarget } from "../../lib/db/schema-engine";
import { createTestDatabase } from "./test-database";

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

// Hand-written in migrations because Prisma's schema cannot express them.
const HAND_WRITTEN_INDEXES = ["figures_series_idx"];

/** What Prisma's schema describes: tables, columns, indexes, foreign keys, enums. */
async function catalog(url: string): Promise<Record<string, unknown[]>> {
  return withClient(url, async (client) => {
    const q = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows;
    return {
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
                               numeric_precision, numeric_scale
                          FROM information_schema.columns
                         WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
                         ORDER BY table_name, column_name`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
                         WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
                           AND indexname <> ALL($1::text[])
                         ORDER BY tablename, indexname`, [HAND_WRITTEN_INDEXES]),
      foreignKeys: await q(`SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def
                              FROM pg_constraint WHERE contype IN ('f', 'p', 'u')
                               AND connamespace = 'public'::regnamespace
                               AND conrelid::regclass::text <> '_prisma_migrations'
                             ORDER BY 1, 2`),
      enums: await q(`SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text AS labels
                        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
                       GROUP BY t.typname ORDER BY t.typname`),
    };
  });
}

async function tempMigrations(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "sr-migrations-"));
  scratch.push(dir);
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrations", () => {
  it("agree with schema.prisma (no drift)", async () => {
    const migrated = await createTestDatabase("drift_a");
    await migrate(migrated);

    const fromSchema = await createTestDatabase("drift_b");
    const schema = await readFile(path.resolve("prisma/schema.prisma"), "utf8");
    const sql = await diffSql(fromSchema, { tag: "empty" }, schemaTarget(schema));
    await withClient(fromSchema, (c) => c.query(sql));

    expect(await catalog(migrated)).toEqual(await catalog(fromSchema));
  });

  it("keeps the dashboard version current on every write", async () => {
    const url = await createTestDatabase("version");
    await migrate(url);
    const version = () => withClient(url, async (c) => Number((await c.query(`SELECT version FROM data_versions WHERE name = 'dashboard'`)).rows[0].version));
    const before = await version();
    await withClient(url, (c) => c.query(`INSERT INTO sources (dataset_id, organisation, title, url, published_on) SELECT id, 'o', 't', 'https://x', '2024-01-01' FROM datasets WHERE code = 'iom-dtm-mali'`));
    expect(await version()).toBe(before + 1);
    await withClient(url, (c) => c.query(`UPDATE sources SET title = 'u'`));
    expect(await version()).toBe(before + 2);
    // An admin's change of what an indicator prefers changes what the dashboards draw.
    await withClient(url, (c) => c.query(`UPDATE indicator_datasets SET rank = rank + 100`));
    expect(await version()).toBe(before + 3);
    await withClient(url, (c) => c.query(`UPDATE datasets SET name = name || ' '`));
    expect(await version()).toBe(before + 4);
    // A pending revision and an import's review change what a reviewer's pages show (the queue's count).
    await withClient(url, (c) => c.query(`INSERT INTO imports (file_name, file_sha256, mapping_name, review) VALUES ('f.csv', 'x', 'hxl', 'submitted')`));
    expect(await version()).toBe(before + 5);
    await withClient(url, (c) => c.query(`UPDATE imports SET review = 'published'`));
    expect(await version()).toBe(before + 6);
  });

  it("applies each migration once and records it like Prisma does", async () => {
    const url = await createTestDatabase("once");
    const first = await migrate(url);
    expect(first).toEqual((await readMigrations()).map((m) => m.name));
    expect(await migrate(url)).toEqual([]);

    const rows = await withClient(url, async (c) => (await c.query(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count
         FROM _prisma_migrations ORDER BY migration_name`,
    )).rows);
    const expected = (await readMigrations(MIGRATIONS_DIR)).map((m) => ({
      migration_name: m.name,
      checksum: m.checksum,
      finished: true,
      applied_steps_count: 1,
    }));
    expect(rows).toEqual(expected);
  });

  it("rolls a failing migration back whole and names it", async () => {
    const url = await createTestDatabase("failing");
    const dir = await tempMigrations({
      "20260101000000_good": `CREATE TABLE good (id int);`,
      "20260102000000_bad": `CREATE TABLE half (id int);\nINSERT INTO missing_table VALUES (1);`,
    });
    const error = await migrate(url, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe("20260102000000_bad");
    expect((error as Error).message).toMatch(/missing_table/);

    const state = await withClient(url, async (c) => ({
      tables: (await c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).rows,
      applied: (await c.query(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`)).rows,
    }));
    expect(state.tables).toEqual([{ table_name: "_prisma_migrations" }, { table_name: "good" }]);
    expect(state.applied).toEqual([{ migration_name: "20260101000000_good" }]);
  });

  it("refuses to start when an applied migration was edited afterwards", async () => {
    const url = await createTestDatabase("edited");
    const dir = await tempMigrations({ "20260101000000_a": `CREATE TABLE a (id int);` });
    await migrate(url, dir);
    await writeFile(path.join(dir, "20260101000000_a", "migration.sql"), `CREATE TABLE a (id bigint);`);
    await expect(migrate(url, dir)).rejects.toThrow(/20260101000000_a.*(changed|modified|checksum)/i);
  });

  it("lets two processes migrate the same database at once", async () => {
    const url = await createTestDatabase("race");
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect([...a, ...b].sort()).toEqual((await readMigrations()).map((m) => m.name));
  });
});
