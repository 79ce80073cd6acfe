// Which credential opens what, through the real session code, route handlers
// and Server Actions (next/headers replaced by ./fake-request.ts): an API
// token opens /api/v1 and nothing else; creating tokens and changing the
// password need a session, and the current-password check counts towards the
// account lockout.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "./test-database";
import { anonymous, asSession, asToken, withBearer } from "./fake-request";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { createUser, type SessionUser } from "../../lib/data/users";
import { createToken } from "../../lib/data/user-admin";
import { attemptLogin } from "../../lib/auth/login";
import { verifyPassword } from "../../lib/auth/password";
import { currentUser } from "../../lib/auth/session";
import { IDLE } from "../../lib/auth/form-state";
import { changePasswordAction, createTokenAction } from "../../app/account/actions";
import { GET as regionsGet } from "../../app/api/v1/regions/route";

vi.mock("next/headers", async () => (await import("./fake-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("./fake-request")).nextCache);

const PASSWORD = "the-right-long-password";
let admin: SessionUser;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  process.env.DATABASE_URL = await createTestDatabase("credentials");
  await migrate(process.env.DATABASE_URL);
  admin = await createUser({ email: "admin@test.org", role: "admin", password: PASSWORD });
});

afterAll(async () => {
  await disconnectDb();
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const apiGet = () => regionsGet(new Request("http://localhost/api/v1/regions"), {});
const tokenCount = async (userId: number) => db().apiToken.count({ where: { userId } });
const row = (email: string) => db().user.findUniqueOrThrow({ where: { email } });
const changePassword = (current: string, next = "a-brand-new-passphrase") => changePasswordAction(IDLE, form({ current, next, confirm: next }));

describe("an API token is not a session", () => {
  it("opens /api/v1, and neither pages nor the Server Actions that mint tokens and change the password", async () => {
    const user = await createUser({ email: "scripter@test.org", role: "analyst", password: PASSWORD });
    const token = await createToken(user.id, "one day", 1, user);
    asToken(token);
    expect((await apiGet()).status).toBe(200);
    expect(await currentUser()).toBeNull(); // what every page and Server Action asks

    expect(await createTokenAction(IDLE, form({ name: "a year", days: "365" }))).toEqual({ status: "error", errors: { form: "signedOut" } });
    expect(await tokenCount(user.id)).toBe(1);
    expect(await changePassword(PASSWORD)).toEqual({ status: "error", errors: { form: "signedOut" } });
    expect(await verifyPassword((await row(user.email)).passwordHash, PASSWORD)).toBe(true);

    // The same actions with a session cookie work.
    await asSession(user);
    expect(await createTokenAction(IDLE, form({ name: "a year", days: "365" }))).toMatchObject({ status: "ok", message: "tokenCreated" });
    expect(await tokenCount(user.id)).toBe(2);
  });

  it("on /api/v1, no credential or a bad token is a 401, even next to a good cookie (the token is what was sent)", async () => {
    anonymous();
    expect((await apiGet()).status).toBe(401);
    asToken("sr_not-a-real-token");
    expect((await apiGet()).status).toBe(401);
    await asSession(admin);
    expect((await apiGet()).status).toBe(200);
    withBearer("sr_not-a-real-token");
    expect((await apiGet()).status).toBe(401);
  });
});

describe("the current-password check counts towards the account lockout", () => {
  it("10 wrong guesses then the right one: locked after 5, the right one refused with a clear message", async () => {
    const user = await createUser({ email: "guessed@test.org", role: "viewer", password: PASSWORD });
    await asSession(user);
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await changePassword(`wrong-guess-number-${i}`));
    expect(answers.slice(0, 5)).toEqual(Array(5).fill({ status: "error", errors: { current: "wrongPassword" } }));
    expect(answers.slice(5)).toEqual(Array(5).fill({ status: "error", errors: { current: "accountLocked" } }));
    expect(await changePassword(PASSWORD)).toEqual({ status: "error", errors: { current: "accountLocked" } });
    expect(await verifyPassword((await row(user.email)).passwordHash, PASSWORD)).toBe(true);
    // The same lock as logins: the right password cannot log in either, and the lockout is audited.
    expect(await attemptLogin({ email: user.email, password: PASSWORD, ip: "192.0.2.7" })).toEqual({ ok: false, reason: "account_locked" });
    expect(await db().auditEvent.count({ where: { action: "auth.lockout", entityId: String(user.id) } })).toBe(1);
  });

  it("an account locked by failed logins refuses the change too", async () => {
    const user = await createUser({ email: "locked@test.org", role: "viewer", password: PASSWORD });
    await asSession(user);
    for (let i = 0; i < 5; i++) await attemptLogin({ email: user.email, password: `wrong-${i}-password`, ip: "192.0.2.8" });
    expect(await changePassword(PASSWORD)).toEqual({ status: "error", errors: { current: "accountLocked" } });
  });

  it("a right current password forgives earlier mistakes, as a login does", async () => {
    const user = await createUser({ email: "typo@test.org", role: "viewer", password: PASSWORD });
    await asSession(user);
    for (let i = 0; i < 4; i++) await changePassword(`typo-${i}-in-password`);
    expect(await changePassword(PASSWORD)).toEqual({ status: "ok", message: "passwordChanged" });
    expect(await attemptLogin({ email: user.email, password: "a-brand-new-passphrase", ip: "192.0.2.9" })).toMatchObject({ ok: true });
  });
});
