// The app through PgBouncer in transaction mode (DATABASE_URL at the pooler,
// DATABASE_DIRECT_URL at the server): a real PgBouncer (Debian's package;
// scripts/ensure-pg-tools.sh installs it as root) with fewer server
// connections than the app has clients, so that statements of different
// clients share server connections. What would break there, and does not:
// prepared statements (every query is an unnamed statement), the import's
// transaction-level advisory lock, interactive transactions; and the
// migration lock, a session's advisory lock that a pooled server connection
// would carry over to other clients, goes to the direct URL.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { db, disconnectDb } from "../../lib/db/client";
import { freePort } from "../../lib/db/embedded";
import { prepareDatabase } from "../../lib/data/seed";
import { listFigures } from "../../lib/data/figures";
import { runImport } from "../../lib/data/import-run";
import { headlineTile } from "../../lib/data/tiles";
import { PUBLISHED_ONLY } from "../../lib/auth/visibility";
import { parseFiguresQuery } from "../../lib/validation/figures-query";

const PGBOUNCER = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"].find((p) => existsSync(p));
/** Server connections per database and user: fewer than the app's pool, so clients take turns on them. */
const SERVER_CONNECTIONS = 2;

const work = mkdtempSync(path.join(os.tmpdir(), "sr-pgbouncer-"));
let bouncer: ChildProcess | null = null;
let poolerUrl: string;
let directUrl: string;
const saved = { url: process.env.DATABASE_URL, direct: process.env.DATABASE_DIRECT_URL, size: process.env.DATABASE_POOL_SIZE };

/** Waits until the pooler answers a query (it connects to the server lazily). */
async function ready(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(`PgBouncer did not answer at ${url}; its log: ${path.join(work, "pgbouncer.log")}`);
}

beforeAll(async () => {
  if (!PGBOUNCER) throw new Error("PgBouncer is not installed: apt-get install pgbouncer (scripts/ensure-pg-tools.sh does as root)");
  directUrl = await createTestDatabase("pooler");
  const server = new URL(directUrl);
  const port = await freePort();
  // Settings the README's "Running at scale" recommends, with a small server pool.
  writeFileSync(
    path.join(work, "pgbouncer.ini"),
    `[databases]
* = host=${server.hostname} port=${server.port} user=${decodeURIComponent(server.username)} password=${decodeURIComponent(server.password)}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = any
admin_users = monitor
pool_mode = transaction
default_pool_size = ${SERVER_CONNECTIONS}
max_client_conn = 500
server_reset_query =
ignore_startup_parameters = extra_float_digits,options
logfile = ${path.join(work, "pgbouncer.log")}
pidfile = ${path.join(work, "pgbouncer.pid")}
`,
  );
  chmodSync(work, 0o777); // PgBouncer refuses to run as root: as postgres, it writes its log and pid here.
  const [command, args] = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", PGBOUNCER, path.join(work, "pgbouncer.ini")]] : [PGBOUNCER, [path.join(work, "pgbouncer.ini")]];
  bouncer = spawn(command, args, { stdio: "ignore" });
  poolerUrl = `postgresql://app@127.0.0.1:${port}${server.pathname}`;
  await ready(poolerUrl);
  process.env.DATABASE_URL = poolerUrl;
  process.env.DATABASE_DIRECT_URL = directUrl;
  process.env.DATABASE_POOL_SIZE = "8";
  await disconnectDb();
  // As `npm start` does: migrations under the migration lock on the server, the seed through the pooler.
  await prepareDatabase(directUrl, { demoUsers: false });
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  bouncer?.kill("SIGTERM");
  if (bouncer && bouncer.exitCode === null) await new Promise((r) => bouncer!.once("exit", r));
  process.env.DATABASE_URL = saved.url;
  if (saved.direct === undefined) delete process.env.DATABASE_DIRECT_URL;
  else process.env.DATABASE_DIRECT_URL = saved.direct;
  if (saved.size === undefined) delete process.env.DATABASE_POOL_SIZE;
  else process.env.DATABASE_POOL_SIZE = saved.size;
  rmSync(work, { recursive: true, force: true });
});

/** PgBouncer's own counters for the test database: transactions and queries it carried. */
async function bouncerStats(): Promise<{ xacts: number; queries: number }> {
  const admin = new pg.Client({ connectionString: poolerUrl.replace(/@([^/]+)\/.*$/, "@$1/pgbouncer").replace("//app@", "//monitor@") });
  await admin.connect();
  try {
    // The admin console speaks the simple protocol only (a query without parameters).
    const stats = await admin.query({ text: "SHOW STATS", rowMode: "array" } as pg.QueryConfig);
    const rows = stats.rows;
    const name = new URL(directUrl).pathname.slice(1);
    const fields = stats.fields.map((f) => f.name);
    const row = (rows as unknown[][]).find((r) => r[fields.indexOf("database")] === name);
    return { xacts: Number(row?.[fields.indexOf("total_xact_count")] ?? 0), queries: Number(row?.[fields.indexOf("total_query_count")] ?? 0) };
  } finally {
    await admin.end();
  }
}

const csv = (rows: string[]) => Buffer.from(["#adm1+code,#date,#affected+idps+ind", ...rows].join("\n"));

describe("the app through PgBouncer in transaction mode", () => {
  it("serves many clients' parameterised reads at once over fewer server connections, without a prepared-statement error", async () => {
    const before = await bouncerStats();
    const query = parseFiguresQuery(new URLSearchParams("indicator=idps&region=ML05&limit=5"));
    if (!query.ok) throw new Error(query.message);
    const reads = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 ? listFigures(PUBLISHED_ONLY, query.value).then((r) => r.total) : headlineTile(PUBLISHED_ONLY, "idps").then((t) => t.latest?.value ?? null),
      ),
    );
    // The same answer forty times: one per kind of read, and real figures (the seed's Mopti IDPs).
    expect(new Set(reads.filter((_, i) => i % 2)).size).toBe(1);
    expect(reads[1]).toBeGreaterThan(0);
    expect(new Set(reads.filter((_, i) => i % 2 === 0)).size).toBe(1);
    expect(reads[0]).toBeGreaterThan(0);
    const after = await bouncerStats();
    expect(after.queries - before.queries).toBeGreaterThanOrEqual(40); // they went through the pooler
  });

  it("runs two imports at once (their transaction-level advisory lock and interactive transactions) and both commit", async () => {
    const imports = await Promise.all(
      ["2044-01-31", "2044-02-29"].map((date, i) =>
        runImport({
          data: csv([`ML05,${date},${100 + i}`, `ML07,${date},${200 + i}`]),
          fileName: `pooled-${i}.csv`,
          commit: true,
          dataset: "iom-dtm-mali",
          source: { organisation: "Pooled partner", title: `Round ${i}`, url: "https://example.org/pooled", date: "2044-03-01" },
          writer: null,
        }),
      ),
    );
    expect(imports.map((r) => r.status)).toEqual(["committed", "committed"]);
    const rows = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM figures WHERE period_end >= DATE '2044-01-01'`;
    expect(rows[0]!.n).toBe(4);
  });

  it("holds the server to its few connections however many clients the app opens", async () => {
    const direct = new pg.Client({ connectionString: directUrl });
    await direct.connect();
    try {
      const { rows } = await direct.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()");
      expect(rows[0].n).toBeGreaterThan(0);
      expect(rows[0].n).toBeLessThanOrEqual(SERVER_CONNECTIONS);
      // A start under the pooler settings on a migrated database: nothing applied, nothing seeded.
      expect(await prepareDatabase(directUrl, { demoUsers: false })).toMatchObject({ applied: [], seeded: null });
    } finally {
      await direct.end();
    }
  });
});

// The pooler as the runtime sees it.
describe("DATABASE_DIRECT_URL", () => {
  it("is what the CLI migrates and backs up: `npm run cli -- migrate` with DATABASE_URL at the pooler", () => {
    const result = spawnSync("node", ["--import", "tsx", "scripts/cli.ts", "migrate"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: poolerUrl, DATABASE_DIRECT_URL: directUrl } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Database is up to date");
  });
});
