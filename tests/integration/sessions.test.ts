// Sessions end at 12 h from login and whenever the user's session version
// moves on: logout (next-auth's signOut event), disable, role change and
// password change. Checked with the same function every request runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import type { User } from "next-auth";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { createUser } from "../../lib/data/users";
import { disableUser, setUserPassword, setUserRole } from "../../lib/data/user-admin";
import { authOptions, SESSION_MAX_AGE_SECONDS } from "../../lib/auth/options";
import { userForSessionJwt } from "../../lib/auth/session";
import { attemptLogin } from "../../lib/auth/login";

const PASSWORD = "a perfectly fine passphrase";

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("sessions");
  await migrate(process.env.DATABASE_URL);
});

afterAll(async () => {
  await disconnectDb();
});

/** Logs in as next-auth does: authorize, then the jwt callback that builds the cookie's token. */
async function logIn(email: string): Promise<JWT> {
  const outcome = await attemptLogin({ email, password: PASSWORD, ip: "192.0.2.1" });
  if (!outcome.ok) throw new Error(`login failed: ${outcome.reason}`);
  const { user } = outcome;
  const jwt = authOptions.callbacks!.jwt! as (params: { token: JWT; user?: User }) => Promise<JWT> | JWT;
  return jwt({ token: { email }, user: { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } as User });
}

describe("session revocation", () => {
  it("a fresh session works; one older than 12 h from login does not, even though next-auth slides its expiry", async () => {
    await createUser({ email: "s1@example.org", role: "analyst", password: PASSWORD });
    const token = await logIn("s1@example.org");
    expect(token.loginAt).toBeTypeOf("number");
    expect((await userForSessionJwt(token))?.email).toBe("s1@example.org");
    const loginMs = token.loginAt! * 1000;
    expect(await userForSessionJwt(token, loginMs + (SESSION_MAX_AGE_SECONDS - 60) * 1000)).not.toBeNull();
    expect(await userForSessionJwt(token, loginMs + (SESSION_MAX_AGE_SECONDS + 1) * 1000)).toBeNull();
    expect(SESSION_MAX_AGE_SECONDS).toBe(12 * 3600);
    expect(authOptions.session?.maxAge).toBe(SESSION_MAX_AGE_SECONDS);
  });

  it("refuses tokens without the claims a login sets", async () => {
    expect(await userForSessionJwt(null)).toBeNull();
    expect(await userForSessionJwt({ uid: 1, sv: 0 })).toBeNull();
  });

  it("logout ends the session (and any copy of its cookie), and is audited", async () => {
    await createUser({ email: "s2@example.org", role: "viewer", password: PASSWORD });
    const token = await logIn("s2@example.org");
    const copy = { ...token };
    await authOptions.events!.signOut!({ token, session: null as never });
    expect(await userForSessionJwt(copy)).toBeNull();
    const user = await db().user.findUniqueOrThrow({ where: { email: "s2@example.org" } });
    expect(await db().auditEvent.count({ where: { action: "auth.logout", entityId: String(user.id) } })).toBe(1);
    // A new login gets a working session again.
    expect(await userForSessionJwt(await logIn("s2@example.org"))).not.toBeNull();
  });

  it("a role change ends the session; the next login carries the new role", async () => {
    await createUser({ email: "s3@example.org", role: "analyst", password: PASSWORD });
    const token = await logIn("s3@example.org");
    await setUserRole("s3@example.org", "viewer");
    expect(await userForSessionJwt(token)).toBeNull();
    expect((await userForSessionJwt(await logIn("s3@example.org")))?.role).toBe("viewer");
  });

  it("a password change ends the session", async () => {
    await createUser({ email: "s4@example.org", role: "analyst", password: PASSWORD });
    const token = await logIn("s4@example.org");
    await setUserPassword("s4@example.org", "another fine passphrase");
    expect(await userForSessionJwt(token)).toBeNull();
  });

  it("disabling ends the session and refuses the next login", async () => {
    await createUser({ email: "s5@example.org", role: "admin", password: PASSWORD });
    const token = await logIn("s5@example.org");
    await disableUser("s5@example.org");
    expect(await userForSessionJwt(token)).toBeNull();
    await expect(logIn("s5@example.org")).rejects.toThrow("bad_credentials");
  });

  it("one user's logout leaves other users' sessions alone", async () => {
    await createUser({ email: "s6@example.org", role: "viewer", password: PASSWORD });
    await createUser({ email: "s7@example.org", role: "viewer", password: PASSWORD });
    const six = await logIn("s6@example.org");
    const seven = await logIn("s7@example.org");
    await authOptions.events!.signOut!({ token: six, session: null as never });
    expect(await userForSessionJwt(six)).toBeNull();
    expect(await userForSessionJwt(seven)).not.toBeNull();
  });
});

describe("after login", () => {
  it("next-auth's redirect callback follows only paths on this site", async () => {
    const redirect = authOptions.callbacks!.redirect!;
    const baseUrl = "http://localhost:3000";
    expect(await redirect({ url: "/figures?x=1", baseUrl })).toBe(`${baseUrl}/figures?x=1`);
    expect(await redirect({ url: `${baseUrl}/login`, baseUrl })).toBe(`${baseUrl}/login`);
    for (const url of ["/\\evil.example", "/\t/evil.example", "//evil.example", "https://evil.example/", "javascript:alert(1)"]) {
      expect(await redirect({ url, baseUrl }), url).toBe(`${baseUrl}/`);
    }
  });
});
