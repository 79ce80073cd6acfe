// The demo database as the seed left it at migration 20261202040000 (regions,
// indicators, sources, figures; tests/fixtures/databases), for tests of the
// migrations that come after it: an existing deployment's data, not today's seed.
import { cp, mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type pg from "pg";
import { MIGRATIONS_DIR } from "../../lib/db/migrate";

export const FIXTURE_MIGRATION = "20261202040000_source_urls_http_only";
const FILE = path.resolve(import.meta.dirname, "../fixtures/databases/seeded-20261202040000.json.gz");
const TABLES = ["regions", "indicators", "sources", "figures"] as const;

/** A folder with the migrations up to and including `last` (or before `before`), as a deployment had them. */
export async function migrationsUpTo(bound: { last: string } | { before: string }): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
  for (const name of (await readdir(MIGRATIONS_DIR)).filter((n) => !n.endsWith(".toml") && ("last" in bound ? n <= bound.last : n < bound.before))) {
    await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

/** Loads the frozen rows into a database migrated to FIXTURE_MIGRATION (or to any schema that still has their columns). */
export async function loadSeededFixture(client: pg.Client): Promise<Record<(typeof TABLES)[number], number>> {
  const data = JSON.parse(gunzipSync(await readFile(FILE)).toString("utf8")) as Record<(typeof TABLES)[number], unknown[]>;
  const counts = {} as Record<(typeof TABLES)[number], number>;
  for (const table of TABLES) {
    await client.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(data[table])]);
    await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    counts[table] = data[table].length;
  }
  return counts;
}
