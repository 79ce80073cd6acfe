// Several app instances on one database: two first starts at once on an empty
// database (each in its own process, as two machines would), and an instance
// that would sign sessions with a secret of its own.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { disconnectDb } from "../../lib/db/client";
import { freePort } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { prepareDatabase, seedDatabase } from "../../lib/data/seed";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function node(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn("node", ["--import", "tsx", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every table's rows, ids and timestamps aside: what a seed leaves behind. */
async function contents(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const [name, sql] of Object.entries({
      migrations: `SELECT count(*) FROM "_prisma_migrations"`,
      regions: "SELECT count(*) FROM regions",
      indicators: "SELECT count(*) FROM indicators",
      sources: "SELECT count(*) FROM sources",
      distinctSources: "SELECT count(DISTINCT (organisation, title, url, published_on)) FROM sources",
      figures: "SELECT count(*) FROM figures",
      users: "SELECT count(*) FROM users",
      auditEvents: "SELECT count(*) FROM audit_events WHERE action NOT LIKE 'maintenance.%'",
      // A start's once-per-database upkeep (prepareDatabase), done by one of the instances only.
      maintenance: "SELECT count(*) FROM audit_events WHERE action LIKE 'maintenance.%'",
    })) {
      counts[name] = Number((await client.query<{ count: string }>(sql)).rows[0]!.count);
    }
    return counts;
  } finally {
    await client.end();
  }
}

let reference: Record<string, number>;

beforeAll(async () => {
  const url = await createTestDatabase("single");
  process.env.DATABASE_URL = url;
  const { seeded } = await prepareDatabase(url, { demoUsers: true });
  expect(seeded).not.toBeNull();
  await disconnectDb();
  reference = await contents(url);
  expect(reference.maintenance).toBe(1);
});

afterAll(async () => {
  await disconnectDb();
});

describe("two instances starting at once on an empty database", () => {
  it.each([1, 2, 3, 4])("both start, and the database holds one seed (run %i)", async () => {
    const url = await createTestDatabase("twostarts");
    const startAt = Date.now() + 2_500; // both processes loaded and waiting by then
    const env = { ...process.env, DATABASE_URL: url };
    const runs = await Promise.all([0, 1].map(() => node(["tests/integration/children/first-start.ts", String(startAt)], env)));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const reports = runs.map((r) => JSON.parse(r.stdout.trim().split("\n").at(-1)!) as { seeded: boolean });
    expect(reports.filter((r) => r.seeded)).toHaveLength(1);
    expect(await contents(url)).toEqual(reference);
  });
});

describe("two seeds at once (`npm run cli -- seed` beside a first start)", () => {
  it("both succeed and add the data once", async () => {
    const url = await createTestDatabase("twoseeds");
    await migrate(url);
    await disconnectDb();
    process.env.DATABASE_URL = url;
    const reports = await Promise.all([seedDatabase(url, { demoUsers: true }), seedDatabase(url, { demoUsers: true })]);
    await disconnectDb();
    expect(reports[0]!.figuresCreated + reports[1]!.figuresCreated).toBe(reference.figures);
    expect(reports[0]!.users + reports[1]!.users).toBe(reference.users);
    expect(await contents(url)).toEqual({ ...reference, maintenance: 0 }); // seeds alone do no upkeep
  });
});

describe("an instance on a shared database", () => {
  it("refuses to start without NEXTAUTH_SECRET, saying what to set, before touching the database", async () => {
    const dataDir = await mkdtemp(path.resolve(".data-test/no-secret-"));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `postgresql://nobody:nothing@127.0.0.1:${await freePort()}/none`, DATA_DIR: dataDir };
      delete env.NEXTAUTH_SECRET;
      const run = await node(["scripts/start.ts"], env);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain("NEXTAUTH_SECRET");
      expect(run.stderr).toContain("Running several instances");
      // It stopped before the database: no connection attempt, no generated secret.
      expect(run.stderr + run.stdout).not.toMatch(/ECONNREFUSED|Can't reach/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
