// Real failures, caught from the app's own Prisma client on a real server,
// and what lib/db/errors.ts makes of each: the database unavailable (503),
// read-only (503 database_read_only), or neither (the query's own fault).
// A server of its own with a small max_connections, so filling it is cheap.
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { freePort, startEmbeddedPostgres, type RunningDatabase } from "../../lib/db/embedded";
import { databaseFailure, isUniqueViolation } from "../../lib/db/errors";
import { migrate } from "../../lib/db/migrate";
import { codeOf, takeEveryConnection } from "../take-every-connection";

let dir: string;
let server: RunningDatabase;
let url: string;
const clients: Db[] = [];

function client(options: Parameters<typeof createDb>[1] = {}, target = url): Db {
  const created = createDb(target, options);
  clients.push(created);
  return created;
}

async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the database to refuse");
}

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("SET default_transaction_read_only = off"); // whatever the database's default
    return await work(c);
  } finally {
    await c.end();
  }
}

const dataset = { connectOrCreate: { where: { code: "test" }, create: { code: "test", name: "Test", publisher: "Test", url: "", kind: "series" as const } } };
const source = (organisation: string) => ({ dataset, organisation, title: "t", url: "https://example.org", publishedOn: new Date("2024-01-01") });

beforeAll(async () => {
  dir = await mkdtemp(path.resolve(".data-test/db-errors-"));
  server = await startEmbeddedPostgres(dir, undefined, { settings: { max_connections: "12" } });
  url = server.url;
  await migrate(url);
});

afterAll(async () => {
  for (const c of clients) await c.$disconnect().catch(() => {});
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("what a database error means", () => {
  it("an unreachable server is unavailable", async () => {
    const gone = client({}, `postgresql://postgres:x@127.0.0.1:${await freePort()}/none`);
    expect(databaseFailure(await failureOf(() => gone.region.count()))).toBe("unavailable");
    expect(databaseFailure(await failureOf(() => gone.$queryRaw`SELECT 1`))).toBe("unavailable");
    expect(databaseFailure(await failureOf(() => gone.$transaction((tx) => tx.region.count())))).toBe("unavailable");
  });

  it("a server whose max_connections are all taken (53300) is unavailable, for queries, raw queries and transactions", async () => {
    const { refusal: refused, release } = await takeEveryConnection(url);
    try {
      expect(codeOf(refused)).toBe("53300");
      expect(databaseFailure(refused)).toBe("unavailable");
      const app = client();
      expect(databaseFailure(await failureOf(() => app.region.findMany()))).toBe("unavailable");
      expect(databaseFailure(await failureOf(() => app.$queryRaw`SELECT 1`))).toBe("unavailable");
      expect(databaseFailure(await failureOf(() => app.$transaction((tx) => tx.region.count())))).toBe("unavailable");
    } finally {
      await release();
    }
  });

  it("a pool whose connections are all busy is unavailable (pg's pool timeout, a transaction's maxWait)", async () => {
    const app = client({ max: 1, connectionTimeoutMillis: 300 });
    const busy = app.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(1.5)::text`, { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 200));
    const timedOut = await failureOf(() => app.region.count());
    // pg gives this one no code: the pool marks it (lib/db/pool.ts).
    expect((timedOut as { code?: unknown }).code).toBeUndefined();
    expect(databaseFailure(timedOut)).toBe("unavailable");
    expect(databaseFailure(await failureOf(() => app.$transaction((tx) => tx.region.count(), { maxWait: 100 })))).toBe("unavailable");
    await busy;
  });

  it("a connection the server ends under a query (57P01) is unavailable", async () => {
    const app = client({ max: 1 });
    const pid = (await app.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
    const query = failureOf(() => app.$queryRaw`SELECT pg_sleep(5)::text`);
    await new Promise((r) => setTimeout(r, 300));
    await admin((c) => c.query("SELECT pg_terminate_backend($1)", [pid]));
    expect(databaseFailure(await query)).toBe("unavailable");
  });

  it("a read-only database (25006) is read_only for every kind of write, and reads still work", async () => {
    const app = client();
    await app.source.create({ data: source("before") });
    await admin((c) => c.query(`ALTER DATABASE ${new URL(url).pathname.slice(1)} SET default_transaction_read_only = on`));
    try {
      const readOnly = client(); // new sessions take the setting
      expect(await readOnly.source.count()).toBe(1);
      expect(databaseFailure(await failureOf(() => readOnly.source.create({ data: source("a") })))).toBe("read_only");
      expect(databaseFailure(await failureOf(() => readOnly.source.updateMany({ data: { title: "x" } })))).toBe("read_only");
      expect(databaseFailure(await failureOf(() => readOnly.$executeRaw`UPDATE sources SET title = 'x'`))).toBe("read_only");
      expect(databaseFailure(await failureOf(() => readOnly.$transaction((tx) => tx.source.create({ data: source("b") }))))).toBe("read_only");
    } finally {
      await admin((c) => c.query(`ALTER DATABASE ${new URL(url).pathname.slice(1)} SET default_transaction_read_only = off`));
    }
  });

  it("the query's own faults are neither, whatever their text says", async () => {
    const app = client();
    await app.source.create({ data: source("unique") });
    const duplicate = await failureOf(() => app.source.create({ data: source("unique") }));
    expect(databaseFailure(duplicate)).toBeNull();
    expect(isUniqueViolation(duplicate)).toBe(true);
    const rawDuplicate = await failureOf(() => app.$executeRaw`INSERT INTO sources (dataset_id, organisation, title, url, published_on) SELECT id, 'unique', 't', 'https://example.org', '2024-01-01' FROM datasets WHERE code = 'test'`);
    expect(isUniqueViolation(rawDuplicate)).toBe(true);
    expect(databaseFailure(await failureOf(() => app.$queryRawUnsafe("SELEC 1")))).toBeNull();
    // Text alone means nothing: the same words as pg's pool timeout, from elsewhere.
    expect(databaseFailure(new Error("timeout exceeded when trying to connect"))).toBeNull();
    expect(databaseFailure(new Error("Can't reach database server: Connection terminated unexpectedly"))).toBeNull();
  });

  it("a connection that drops without a word from the server (a proxy or the network closing it) is unavailable", async () => {
    // A TCP proxy in front of the server, as a pooler or load balancer would be, that closes its sockets mid-query.
    const sockets: net.Socket[] = [];
    const proxy = net.createServer((downstream) => {
      const upstream = net.connect(Number(new URL(url).port), "127.0.0.1");
      downstream.pipe(upstream).pipe(downstream);
      const drop = () => [downstream, upstream].forEach((s) => s.destroy());
      downstream.on("error", drop);
      upstream.on("error", drop);
      sockets.push(downstream, upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    try {
      const proxied = new URL(url);
      proxied.port = String((proxy.address() as net.AddressInfo).port);
      const app = client({ max: 1 }, proxied.toString());
      await app.region.count();
      const query = failureOf(() => app.$queryRaw`SELECT pg_sleep(2)::text`);
      await new Promise((r) => setTimeout(r, 300));
      for (const s of sockets) s.end();
      const dropped = await query;
      expect((dropped as { code?: unknown }).code).toBeUndefined(); // pg: "Connection terminated unexpectedly"
      expect(databaseFailure(dropped)).toBe("unavailable");
    } finally {
      for (const s of sockets) s.destroy();
      proxy.close();
    }
  });
});
