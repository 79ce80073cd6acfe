// The operator CLI as an operator runs it: a child process, stdin, exit codes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { db, disconnectDb } from "../../lib/db/client";
import { userForToken } from "../../lib/data/users";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { verifyPassword } from "../../lib/auth/password";

let url: string;

function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync("node", ["--import", "tsx", "scripts/cli.ts", ...args], {
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url, ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  url = await createTestDatabase("cli");
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await disconnectDb();
});

describe("npm run cli", () => {
  it("migrate applies the migrations once", () => {
    const first = cli(["migrate"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migration/);
    expect(cli(["migrate"]).stdout).toContain("Database is up to date");
  });

  it("user add reads the password from stdin and refuses duplicates and short passwords", async () => {
    const added = cli(["user", "add", "Ana@Example.org", "--role", "analyst", "--password-stdin"], { input: "correct horse battery\n" });
    expect(added.code, added.stderr).toBe(0);
    const user = await db().user.findUniqueOrThrow({ where: { email: "ana@example.org" } });
    expect(user.role).toBe("analyst");
    expect(user.passwordHash).not.toContain("correct horse");

    const again = cli(["user", "add", "ana@example.org", "--role", "viewer", "--password-stdin"], { input: "another long password" });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("already exists");

    const short = cli(["user", "add", "bo@example.org", "--role", "viewer", "--password-stdin"], { input: "short" });
    expect(short.code).not.toBe(0);
    expect(short.stderr).toMatch(/at least 12 characters/);

    const common = cli(["user", "add", "cy@example.org", "--role", "viewer", "--password-stdin"], { input: "qwerty123456\n" });
    expect(common.code).not.toBe(0);
    expect(common.stderr).toContain("one of the most common");
    expect(await db().user.findUnique({ where: { email: "cy@example.org" } })).toBeNull();
  });

  it("user set-password applies the policy, changes the password and ends the sessions", async () => {
    const before = await db().user.findUniqueOrThrow({ where: { email: "ana@example.org" } });
    const weak = cli(["user", "set-password", "ana@example.org", "--password-stdin"], { input: "password1234" });
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain("one of the most common");
    const changed = cli(["user", "set-password", "ana@example.org", "--password-stdin"], { input: "a brand new passphrase\n" });
    expect(changed.code, changed.stderr).toBe(0);
    const after = await db().user.findUniqueOrThrow({ where: { email: "ana@example.org" } });
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, "a brand new passphrase")).toBe(true);
  });

  it("rejects bad roles and unknown commands on stderr with a non-zero exit", () => {
    const badRole = cli(["user", "add", "x@example.org", "--role", "root", "--password-stdin"], { input: "a long enough password" });
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain("role must be one of admin, reviewer, analyst, viewer");
    const unknown = cli(["frobnicate"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const missing = cli(["user", "disable", "nobody@example.org"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("no user nobody@example.org");
  });

  it("token create prints a working token alone on its last line", async () => {
    const res = cli(["token", "create", "ana@example.org", "--name", "reports"]);
    expect(res.code, res.stderr).toBe(0);
    const token = res.stdout.trim().split("\n").pop()!;
    expect(token).toMatch(/^sr_[A-Za-z0-9_-]{40,}$/);
    expect((await userForToken(token))?.email).toBe("ana@example.org");
    const stored = await db().apiToken.findFirstOrThrow({ where: { name: "reports" } });
    expect(stored.tokenHash).not.toBe(token);
  });

  it("set-role and disable take effect and end sessions and tokens", async () => {
    const token = cli(["token", "create", "ana@example.org"]).stdout.trim().split("\n").pop()!;
    const before = await db().user.findUniqueOrThrow({ where: { email: "ana@example.org" } });
    expect(cli(["user", "set-role", "ana@example.org", "viewer"]).code).toBe(0);
    const after = await db().user.findUniqueOrThrow({ where: { email: "ana@example.org" } });
    expect(after.role).toBe("viewer");
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);

    expect(cli(["user", "disable", "ana@example.org"]).code).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { email: "ana@example.org" } })).active).toBe(false);
    expect(await userForToken(token)).toBeNull();
  });

  it("seed loads the demo data and is idempotent", () => {
    const first = cli(["seed"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Seeded \d+ regions, \d+ indicators, \d+ sources, [1-9]\d+ new figures/);
    expect(cli(["seed"]).stdout).toMatch(/ 0 new figures, 0 new events, 0 new users/);
  });

  it("user add and set-scope set a scope of existing regions and datasets, audited; no list means everywhere", async () => {
    const added = cli(["user", "add", "partner@example.org", "--role", "reviewer", "--regions", "ml05, ML06", "--datasets", "iom-dtm-mali", "--password-stdin"], { input: "a long enough password" });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain("Created reviewer partner@example.org, in ML05, ML06, datasets iom-dtm-mali");
    const scopeOf = async () => {
      const u = await db().user.findUniqueOrThrow({ where: { email: "partner@example.org" } });
      return { regions: u.scopeRegions, datasets: u.scopeDatasets, readScoped: u.readScoped };
    };
    expect(await scopeOf()).toEqual({ regions: ["ML05", "ML06"], datasets: ["iom-dtm-mali"], readScoped: false });

    const set = cli(["user", "set-scope", "partner@example.org", "--regions", "ML05", "--read-scoped"]);
    expect(set.code, set.stderr).toBe(0);
    expect(await scopeOf()).toEqual({ regions: ["ML05"], datasets: [], readScoped: true });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.set_scope" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ userId: null, before: { regions: ["ML05", "ML06"], datasets: ["iom-dtm-mali"], readScoped: false }, after: { regions: ["ML05"], datasets: [], readScoped: true } });

    // Omitting --read-scoped sets it false; no list: everywhere.
    expect(cli(["user", "set-scope", "partner@example.org"]).code).toBe(0);
    expect(await scopeOf()).toEqual({ regions: [], datasets: [], readScoped: false });

    const unknownRegion = cli(["user", "set-scope", "partner@example.org", "--regions", "ML05,ML99"]);
    expect(unknownRegion.code).toBe(2);
    expect(unknownRegion.stderr).toContain('unknown region "ML99"');
    const cercle = cli(["user", "set-scope", "partner@example.org", "--regions", "ML0501"]);
    expect(cercle.stderr).toContain('"ML0501" is not a region P-code');
    const unknownDataset = cli(["user", "add", "gao@example.org", "--role", "analyst", "--datasets", "no-such-set", "--password-stdin"], { input: "a long enough password" });
    expect(unknownDataset.code).toBe(2);
    expect(unknownDataset.stderr).toContain('unknown dataset "no-such-set"');
    expect(await db().user.findUnique({ where: { email: "gao@example.org" } })).toBeNull();
    expect(await scopeOf()).toEqual({ regions: [], datasets: [], readScoped: false });

    const misplaced = cli(["user", "disable", "partner@example.org", "--regions", "ML05"]);
    expect(misplaced.stderr).toContain("--regions, --datasets and --read-scoped go with user add and user set-scope");
    expect(cli(["--help"]).stdout).toContain("user set-scope <email> [--regions ML05,ML06] [--datasets CODE,…] [--read-scoped]");
  });

  it("without DATABASE_URL uses the embedded server in DATA_DIR, also while it is already running", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "sr-cli-"));
    try {
      const env = { DATABASE_URL: "", DATA_DIR: dataDir };
      const alone = cli(["user", "add", "solo@example.org", "--role", "admin", "--password-stdin"], { input: "a long enough password", env });
      expect(alone.code, alone.stderr).toBe(0);
      // Now with the server running (as when the app is up): the CLI reuses it.
      const server = await startEmbeddedPostgres(dataDir);
      try {
        const token = cli(["token", "create", "solo@example.org"], { env });
        expect(token.code, token.stderr).toBe(0);
        expect(token.stdout.trim()).toMatch(/^sr_/);
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
