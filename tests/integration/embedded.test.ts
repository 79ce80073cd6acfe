// The embedded PostgreSQL lifecycle: first start, clean stop, restart on the
// same data, and recovery from the stale lock a crash leaves behind.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../lib/db/embedded";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "sr-embedded-"));
const lockFile = path.join(dataDir, "pg", "postmaster.pid");

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("initialises a data directory, keeps data across restarts and stops cleanly", async () => {
    const first = await startEmbeddedPostgres(dataDir);
    expect(first.owned).toBe(true);
    expect(first.url).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/situation_room$/);
    await query(first.url, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
    await first.stop();
    expect(existsSync(lockFile)).toBe(false);

    const second = await startEmbeddedPostgres(dataDir);
    expect(await query(second.url, "SELECT n FROM kept")).toEqual([{ n: 42 }]);
    await second.stop();
  });

  it("reuses a server already running on the same data directory", async () => {
    const owner = await startEmbeddedPostgres(dataDir);
    const guest = await startEmbeddedPostgres(dataDir);
    expect(guest.owned).toBe(false);
    expect(guest.url).toBe(owner.url);
    await guest.stop(); // a guest never stops the owner's server
    expect(await query(owner.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    await owner.stop();
  });

  it("recovers the stale lock left by a crash", async () => {
    const server = await startEmbeddedPostgres(dataDir);
    const lock = readFileSync(lockFile, "utf8");
    await server.stop();
    // A crash leaves postmaster.pid naming a process that no longer exists.
    writeFileSync(lockFile, lock.replace(/^\d+/, "4194000"));
    const restarted = await startEmbeddedPostgres(dataDir);
    expect(restarted.owned).toBe(true);
    expect(await query(restarted.url, "SELECT n FROM kept")).toEqual([{ n: 42 }]);
    await restarted.stop();
  });
});
