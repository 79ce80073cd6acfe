// An import whose process dies mid-commit leaves nothing behind: the commit is
// one transaction, and PostgreSQL rolls it back when the connection drops.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";

let url: string;
let dir: string;
let client: pg.Client;

beforeAll(async () => {
  url = await createTestDatabase("killed");
  process.env.DATABASE_URL = url;
  await migrate(url);
  await seed({ demoUsers: false });
  await disconnectDb();
  client = new pg.Client({ connectionString: url });
  await client.connect();
  dir = mkdtempSync(path.join(os.tmpdir(), "sr-killed-"));
});

afterAll(async () => {
  await client.end();
  rmSync(dir, { recursive: true, force: true });
});

const counts = async () =>
  (await client.query("SELECT (SELECT count(*) FROM figures) AS figures, (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM imports) AS imports, (SELECT count(*) FROM audit_events) AS audit")).rows[0];

it("a SIGKILL in the middle of a 60,000-row import writes nothing", { timeout: 120_000 }, async () => {
  const regions = ["ML01", "ML02", "ML03", "ML04", "ML05", "ML06", "ML07", "ML08", "ML09", "ML10"];
  const rows = ["#adm1+code,#date,#affected+idps+ind"];
  for (let day = 0; day < 6_000; day++) {
    const date = new Date(Date.UTC(2040, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    for (const r of regions) rows.push(`${r},${date},${1000 + day}`);
  }
  const file = path.join(dir, "big.csv");
  writeFileSync(file, rows.join("\n"));
  const before = await counts();

  const child = spawn("node", ["--import", "tsx", "scripts/cli.ts", "import", file, "--source-org", "Killed import test"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  // Wait until the import is writing inside its transaction, then kill it.
  let writing = false;
  for (let i = 0; i < 600 && !writing; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const active = await client.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query ~* 'insert into (figures|sources|imports|audit_events)|import_rows'");
    writing = (active.rowCount ?? 0) > 0;
  }
  expect(writing, "the import never started writing").toBe(true);
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");

  // PostgreSQL ends the orphaned backend (its transaction rolls back) once it notices the closed socket.
  for (let i = 0; i < 200; i++) {
    const left = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
    if (left.rows[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await counts()).toEqual(before);
});
