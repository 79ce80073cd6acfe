// Lockout and the per-IP limit, against the real PostgreSQL: the counters
// live in the database (shared by every app instance), survive a new pool,
// and hold under parallel attempts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { createUser } from "../../lib/data/users";
import { attemptLogin, clientIp, type LoginOutcome } from "../../lib/auth/login";
import { accountKey, ipKey } from "../../lib/data/login-throttle";

const PASSWORD = "a perfectly fine passphrase";
let ipCounter = 0;
/** A fresh client address per test, so the IP budget of one test never leaks into the next. */
let ip: string;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("login");
  await migrate(process.env.DATABASE_URL);
  for (const name of ["ana", "bo", "cy", "di", "ed"]) await createUser({ email: `${name}@example.org`, role: "analyst", password: PASSWORD });
});

beforeEach(() => {
  ip = `192.0.2.${++ipCounter}`;
});

afterAll(async () => {
  await disconnectDb();
});

const login = (email: string, password: string, from = ip) => attemptLogin({ email, password, ip: from });
const reason = (o: LoginOutcome) => (o.ok ? "ok" : o.reason);
const auditCount = (action: string) => db().auditEvent.count({ where: { action } });

/** Moves an account's failures and lock back in time, as if `minutes` had passed. */
async function age(key: string, minutes: number): Promise<void> {
  await db().$executeRaw`UPDATE login_throttles SET
    failures = ARRAY(SELECT f - ${minutes}::int * interval '1 minute' FROM unnest(failures) f),
    locked_until = locked_until - ${minutes}::int * interval '1 minute' WHERE key = ${key}`;
}

describe("account lockout", () => {
  it("5 failures lock the account for 15 minutes: the right password is refused, as a wrong one is", async () => {
    const lockouts = await auditCount("auth.lockout");
    for (let i = 0; i < 5; i++) expect(reason(await login("ana@example.org", `wrong guess number ${i}`))).toBe("bad_credentials");
    expect(await auditCount("auth.lockout")).toBe(lockouts + 1);
    expect(reason(await login("ana@example.org", PASSWORD))).toBe("account_locked");
    // Still locked after 14 minutes, open after 15.
    await age(accountKey("ana@example.org"), 14);
    expect(reason(await login("ana@example.org", PASSWORD))).toBe("account_locked");
    await age(accountKey("ana@example.org"), 1);
    expect(reason(await login("ana@example.org", PASSWORD))).toBe("ok");
  });

  it("counts failures within 15 minutes only, and a success forgives them", async () => {
    for (let i = 0; i < 4; i++) await login("bo@example.org", "wrong wrong wrong");
    await age(accountKey("bo@example.org"), 16);
    for (let i = 0; i < 4; i++) await login("bo@example.org", "wrong wrong wrong");
    expect(reason(await login("bo@example.org", PASSWORD))).toBe("ok");
    for (let i = 0; i < 4; i++) await login("bo@example.org", "wrong wrong wrong");
    expect(reason(await login("bo@example.org", PASSWORD))).toBe("ok");
  });

  it("lives in the database: a new connection pool (another instance) sees the lock", async () => {
    for (let i = 0; i < 5; i++) await login("cy@example.org", "wrong wrong wrong");
    await disconnectDb();
    expect(reason(await login("cy@example.org", PASSWORD))).toBe("account_locked");
  });

  it("lets no more than 5 of 15 parallel guesses reach the password check", async () => {
    const outcomes = await Promise.all(Array.from({ length: 15 }, (_, i) => login("di@example.org", `parallel guess ${i}`, `198.51.100.${i}`)));
    const reasons = outcomes.map(reason);
    expect(reasons.filter((r) => r === "bad_credentials")).toHaveLength(5);
    expect(reasons.filter((r) => r === "account_locked")).toHaveLength(10);
    const row = await db().loginThrottle.findUniqueOrThrow({ where: { key: accountKey("di@example.org") } });
    expect(row.failures).toHaveLength(5);
  });

  it("locks unknown emails the same way, so a lockout reveals no account", async () => {
    for (let i = 0; i < 5; i++) expect(reason(await login("ghost@example.org", "wrong wrong wrong"))).toBe("bad_credentials");
    expect(reason(await login("ghost@example.org", "wrong wrong wrong"))).toBe("account_locked");
  });

  it("answers an unknown email and a wrong password in about the same time", async () => {
    const time = async (email: string) => {
      const t0 = performance.now();
      await login(email, "not the password at all");
      return performance.now() - t0;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    // Alternating, 4 each (under the lockout limit of each address).
    for (let i = 0; i < 4; i++) {
      known.push(await time("ed@example.org"));
      unknown.push(await time(`nobody${i}@example.org`));
    }
    const [a, b] = [median(known), median(unknown)];
    expect(Math.max(a, b) / Math.min(a, b)).toBeLessThan(2);
  });
});

describe("per-IP limit", () => {
  it("blocks an address after 20 failures on any accounts, audits it, and leaves other addresses alone", async () => {
    const blocked = await auditCount("auth.ip_blocked");
    for (let i = 0; i < 20; i++) expect(reason(await login(`spray${i}@example.org`, "wrong wrong wrong"))).toBe("bad_credentials");
    expect(await auditCount("auth.ip_blocked")).toBe(blocked + 1);
    await db().loginThrottle.deleteMany({ where: { key: accountKey("ed@example.org") } });
    expect(reason(await login("ed@example.org", PASSWORD))).toBe("ip_blocked");
    expect(reason(await login("ed@example.org", PASSWORD, "203.0.113.9"))).toBe("ok");
    const row = await db().loginThrottle.findUniqueOrThrow({ where: { key: ipKey(ip) } });
    expect(row.failures).toHaveLength(20);
  });

  it("does not count successful logins: an office behind one address logs in all day", async () => {
    for (let i = 0; i < 30; i++) expect(reason(await login("ed@example.org", PASSWORD))).toBe("ok");
    const row = await db().loginThrottle.findUnique({ where: { key: ipKey(ip) } });
    expect(row?.failures ?? []).toHaveLength(0);
  });

  it("takes the address from the header the server sets, else the last forwarded hop", () => {
    expect(clientIp({ "x-client-ip": "10.0.0.7", "x-forwarded-for": "1.2.3.4" })).toBe("10.0.0.7");
    expect(clientIp({ "x-forwarded-for": "6.6.6.6, 10.0.0.8" })).toBe("10.0.0.8");
    expect(clientIp(new Headers({ "x-client-ip": "::1" }))).toBe("::1");
    expect(clientIp(undefined)).toBe("unknown");
  });
});
