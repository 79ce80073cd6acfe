// `npm run cli -- backup|restore` round-trip: backup → change data → restore
// gives back identical rows (an md5 of each table's ordered rows) and sequences.
// pg_dump cannot dump a server newer than itself: the round trip runs on the
// suite's server when the tools found are as new, else on a temporary server
// of the tools' own version (Debian's postgresql-<major> beside its client).
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { freePort } from "../../lib/db/embedded";
import { findTools, serverMajor } from "../../lib/db/backup";

const work = mkdtempSync(path.join(os.tmpdir(), "sr-backup-"));
let url: string;
let stopServer = async () => {};
let suiteMajor: number;
let toolMajor: number;

function cli(args: string[], databaseUrl = url) {
  const result = spawnSync("node", ["--import", "tsx", "scripts/cli.ts", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A throwaway server from Debian's PostgreSQL <major> packages, on loopback, trust auth. */
async function startDebianServer(major: number): Promise<string> {
  const bin = `/usr/lib/postgresql/${major}/bin`;
  if (!existsSync(`${bin}/initdb`)) {
    throw new Error(`pg_dump ${major} cannot dump the suite's newer server, and no PostgreSQL ${major} server is installed to test against: apt-get install postgresql-${major} (.ci/run does), or set PG_BIN_DIR to newer tools`);
  }
  const dir = path.join(work, "pg");
  chmodSync(work, 0o755);
  const asPostgres = (command: string, args: string[]) => {
    const [cmd, argv] = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    const r = spawnSync(cmd, argv, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr || r.error}`);
  };
  mkdirSync(dir, { mode: 0o700 });
  if (process.getuid?.() === 0) spawnSync("chown", ["postgres:postgres", dir]);
  asPostgres(`${bin}/initdb`, ["-D", dir, "-A", "trust", "-U", "postgres", "-E", "UTF8"]);
  const port = await freePort();
  asPostgres(`${bin}/pg_ctl`, ["-D", dir, "-l", path.join(dir, "log"), "-w", "-o", `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`, "start"]);
  stopServer = async () => asPostgres(`${bin}/pg_ctl`, ["-D", dir, "-m", "fast", "-w", "stop"]);
  const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query("CREATE DATABASE backup_test");
  await admin.end();
  return `postgresql://postgres@127.0.0.1:${port}/backup_test`;
}

/** Each table's row count and md5 of its rows in order, and each sequence's position. */
async function checksums(): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, string> = {};
    const tables = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    for (const { name } of tables.rows) {
      const { rows } = await client.query(`SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS sum FROM "${name}" t`);
      out[name] = `${rows[0].n} ${rows[0].sum}`;
    }
    const sequences = await client.query<{ name: string }>("SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1");
    for (const { name } of sequences.rows) {
      const { rows } = await client.query(`SELECT last_value::text AS v, is_called FROM "${name}"`);
      out[`sequence ${name}`] = `${rows[0].v} ${rows[0].is_called}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

/** The dashboards' cache version is meant to move on a restore (every instance reads afresh). */
function withoutCacheVersion(sums: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(sums).filter(([name]) => name !== "data_versions"));
}

beforeAll(async () => {
  suiteMajor = (await serverMajor(inject("serverUrl"))).major;
  toolMajor = (await findTools("pg_dump"))[0]?.major ?? 0;
  if (!toolMajor) throw new Error("no pg_dump found: install PostgreSQL's client tools (Debian: postgresql-client) or set PG_BIN_DIR");
  url = toolMajor >= suiteMajor ? await createTestDatabase("backup") : await startDebianServer(toolMajor);
  process.env.DATABASE_URL = url;
  await migrate(url);
  await seed({ demoUsers: true });
  await db().auditEvent.create({ data: { userId: null, action: "test.event", entity: "test", after: { text: "accents é and quotes ' \" and a\nnewline" } } });
  await db().$executeRaw`INSERT INTO login_throttles (key, failures, locked_until) VALUES ('ip:192.0.2.1', ARRAY[now()], now() + interval '1 minute')`;
}, 180_000);

afterAll(async () => {
  await disconnectDb();
  await stopServer();
  rmSync(work, { recursive: true, force: true });
});

describe("npm run cli -- backup / restore", () => {
  it("backup → change data → restore gives back identical rows and sequences", async () => {
    const before = await checksums();
    expect(Number(before.figures!.split(" ")[0])).toBeGreaterThan(1000);
    const file = path.join(work, "situation-room.dump");
    const backup = cli(["backup", file]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backed up to .*situation-room\.dump \(\d+ kB\)/);

    // Changes of every kind: an edit, a delete, an insert, a new table row elsewhere.
    const figure = await db().figure.findFirstOrThrow({ orderBy: { id: "asc" } });
    await db().figure.update({ where: { id: figure.id }, data: { note: "changed after the backup" } });
    await db().user.delete({ where: { email: "viewer@example.org" } });
    await db().auditEvent.create({ data: { userId: null, action: "test.after_backup", entity: "test" } });
    await db().$executeRaw`DELETE FROM login_throttles`;
    const changed = await checksums();
    expect(changed).not.toEqual(before);

    const restore = cli(["restore", file]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("Restored");
    const after = await checksums();
    expect(withoutCacheVersion(after)).toEqual(withoutCacheVersion(before));
    expect(after.data_versions).not.toEqual(changed.data_versions);
    // The restored database works for the app: a new figure gets the next id.
    await disconnectDb();
    const next = await db().$queryRaw<{ id: number }[]>`SELECT nextval('figures_id_seq')::int AS id`;
    expect(next[0]!.id).toBeGreaterThan(figure.id);
  });

  it("refuses a file that is not a backup, or is missing, with a clear error and nothing changed", async () => {
    const before = await checksums();
    const notADump = path.join(work, "notes.txt");
    writeFileSync(notADump, "hello");
    const bad = cli(["restore", notADump]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("is not a backup made by `npm run cli -- backup`");
    const missing = cli(["restore", path.join(work, "nope.dump")]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/cannot read .*nope\.dump/);
    const noFile = cli(["backup"]);
    expect(noFile.code).not.toBe(0);
    expect(noFile.stderr).toContain("backup needs a file");
    expect(await checksums()).toEqual(before);
  });

  it("says which pg_dump to install when the tools are older than the server", async (context) => {
    if (toolMajor >= suiteMajor) context.skip();
    const other = await createTestDatabase("backup_new");
    const result = cli(["backup", path.join(work, "x.dump")], other);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`pg_dump ${suiteMajor} or newer is needed for this PostgreSQL`);
    expect(result.stderr).toContain("PG_BIN_DIR");
  });
});
