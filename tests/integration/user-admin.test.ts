// User and token administration against real PostgreSQL: every change that
// must end access does so at the next check, and lands in the audit log.
// The API's answers go through the real route handlers (./fake-request.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "./test-database";
import { asSession, asToken } from "./fake-request";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { createUser, sessionUser, userForToken, type SessionUser } from "../../lib/data/users";
import { changeOwnPassword, changeRole, createToken, getUser, listTokens, listUsers, resetPassword, revokeToken, setActive, setScope } from "../../lib/data/user-admin";
import { auditActions, listAuditEvents } from "../../lib/data/audit";
import { auditQuerySchema } from "../../lib/validation/audit-query";
import { verifyPassword } from "../../lib/auth/password";
import { attemptLogin } from "../../lib/auth/login";
import { IDLE } from "../../lib/auth/form-state";
import { changePasswordAction } from "../../app/account/actions";
import { createUserAction, setScopeAction } from "../../app/admin/actions";
import { GET as usersGet } from "../../app/api/v1/users/route";
import { GET as regionsGet } from "../../app/api/v1/regions/route";
import { POST as figuresPost } from "../../app/api/v1/figures/route";

vi.mock("next/headers", async () => (await import("./fake-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("./fake-request")).nextCache);

let admin: SessionUser;
let analyst: SessionUser;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  process.env.DATABASE_URL = await createTestDatabase("admin");
  await migrate(process.env.DATABASE_URL);
  admin = await createUser({ email: "admin@test.org", role: "admin", password: "admin-long-password" });
  analyst = await createUser({ email: "ana@test.org", role: "analyst", password: "analyst-long-password", mustChangePassword: true });
});

afterAll(async () => {
  await disconnectDb();
});

const version = async (id: number) => (await db().user.findUniqueOrThrow({ where: { id } })).sessionVersion;
const row = (email: string) => db().user.findUniqueOrThrow({ where: { email } });
const apiGet = () => regionsGet(new Request("http://localhost/api/v1/regions"), {});
const apiPost = () => figuresPost(new Request("http://localhost/api/v1/figures", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }), {});
const changePassword = (current: string, next = "a-brand-new-passphrase") => {
  const data = new FormData();
  for (const [k, v] of Object.entries({ current, next, confirm: next })) data.set(k, v);
  return changePasswordAction(IDLE, data);
};

describe("user administration", () => {
  it("lists users with their status, and one by id", async () => {
    const users = await listUsers();
    expect(users.map((u) => u.email)).toEqual(["admin@test.org", "ana@test.org"]);
    expect(await getUser(analyst.id)).toMatchObject({ email: "ana@test.org", role: "analyst", active: true, mustChangePassword: true, lastLoginAt: null, activeTokens: 0 });
    expect(await getUser(999_999)).toBeNull();
  });

  it("a role change ends the user's sessions; an admin cannot demote or disable themselves", async () => {
    const sv = await version(analyst.id);
    await changeRole(analyst.id, "viewer", admin);
    expect(await sessionUser(analyst.id, sv)).toBeNull();
    expect(await sessionUser(analyst.id, sv + 1)).toMatchObject({ role: "viewer" });
    await expect(changeRole(admin.id, "viewer", admin)).rejects.toThrow(/your own account/);
    await expect(setActive(admin.id, false, admin)).rejects.toThrow(/your own account/);
    await changeRole(analyst.id, "analyst", admin);
  });

  it("a change whose audit event cannot be written is not made either", async () => {
    // The audit log refuses role changes for this test: the change must roll back with it.
    await db().$executeRawUnsafe(`CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER refuse_role_events BEFORE INSERT ON audit_events FOR EACH ROW WHEN (NEW.action IN ('user.set_role', 'user.disable')) EXECUTE FUNCTION refuse_event()`);
    const token = await createToken(analyst.id, "kept", 1, analyst);
    try {
      const before = await db().user.findUniqueOrThrow({ where: { id: analyst.id } });
      await expect(changeRole(analyst.id, "viewer", admin)).rejects.toThrow(/audit refused/);
      await expect(setActive(analyst.id, false, admin)).rejects.toThrow(/audit refused/);
      expect(await db().user.findUniqueOrThrow({ where: { id: analyst.id } })).toMatchObject({ role: before.role, active: true, sessionVersion: before.sessionVersion });
      expect(await userForToken(token)).toMatchObject({ id: analyst.id }); // the disable's revocation rolled back too
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER refuse_role_events ON audit_events`);
      await db().$executeRawUnsafe(`DROP FUNCTION refuse_event()`);
    }
  });

  it("disabling ends sessions and revokes live tokens, audited; enabling does not bring the tokens back", async () => {
    const token = await createToken(analyst.id, "scripts", 30, analyst);
    const expired = await db().apiToken.create({ data: { userId: analyst.id, name: "old", tokenHash: "expired-token-hash", expiresAt: new Date(Date.now() - 1000) } });
    expect(await userForToken(token)).toMatchObject({ id: analyst.id });
    const sv = await version(analyst.id);
    await setActive(analyst.id, false, admin);
    expect(await sessionUser(analyst.id, sv)).toBeNull();
    expect(await userForToken(token)).toBeNull();
    const live = (await listTokens(analyst.id)).filter((t) => t.name === "scripts" || t.name === "kept");
    expect(live.map((t) => t.state)).toEqual(["revoked", "revoked"]);
    expect((await listTokens(analyst.id)).find((t) => t.id === expired.id)).toMatchObject({ state: "expired", revokedAt: null });
    const revoked = await db().auditEvent.findMany({ where: { action: "token.revoke", entityId: { in: live.map((t) => String(t.id)) } } });
    expect(revoked.map((e) => [e.userId, e.after])).toEqual(live.map(() => [admin.id, expect.objectContaining({ user: "ana@test.org", reason: "user.disable" })]));
    await expect(createToken(analyst.id, "more", 30, admin)).rejects.toThrow(/disabled/);

    await setActive(analyst.id, true, admin);
    expect(await userForToken(token)).toBeNull();
    expect(await sessionUser(analyst.id, await version(analyst.id))).not.toBeNull();
  });

  it("an admin's reset ends every session and token, and the API refuses the user until they change their password", async () => {
    const user = await createUser({ email: "reset@test.org", role: "analyst", password: "reset-long-password" });
    const token = await createToken(user.id, "sync", 30, user);
    await resetPassword(user.id, "temporary-password-1", admin);
    expect(await sessionUser(user.id, user.sessionVersion)).toBeNull();
    expect(await userForToken(token)).toBeNull();
    expect((await listTokens(user.id)).map((t) => t.state)).toEqual(["revoked"]);
    const revocations = await db().auditEvent.findMany({ where: { action: "token.revoke", userId: admin.id } });
    expect(revocations.map((e) => e.after)).toContainEqual(expect.objectContaining({ user: user.email, name: "sync", reason: "user.reset_password" }));

    // Logged in again with the temporary password: pages send them to change it, and so does the API.
    const login = await attemptLogin({ email: user.email, password: "temporary-password-1", ip: "192.0.2.10" });
    expect(login.ok).toBe(true);
    await asSession((await sessionUser(user.id, (await row(user.email)).sessionVersion))!);
    for (const res of [await apiGet(), await apiPost()]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "password_change_required" } });
    }
    // A token made for them meanwhile (by the operator's console) is refused the same way.
    asToken(await createToken(user.id, "console", 1, null));
    expect((await apiGet()).status).toBe(403);

    // Once changed, the API answers again.
    await asSession((await sessionUser(user.id, (await row(user.email)).sessionVersion))!);
    expect(await changePassword("temporary-password-1")).toEqual({ status: "ok", message: "passwordChanged" });
    await asSession((await sessionUser(user.id, (await row(user.email)).sessionVersion))!);
    expect((await apiGet()).status).toBe(200);
  });

  it("a reset sets a temporary password the user must change; changing it ends sessions and clears the flag", async () => {
    await resetPassword(analyst.id, "temporary-pass-123", admin);
    let row = await db().user.findUniqueOrThrow({ where: { id: analyst.id } });
    expect(row.mustChangePassword).toBe(true);
    expect(await verifyPassword(row.passwordHash, "temporary-pass-123")).toBe(true);
    expect(await changeOwnPassword(analyst.id, "wrong-password-here", "a-brand-new-passphrase")).toBe("wrong_current");
    const sv = row.sessionVersion;
    expect(await changeOwnPassword(analyst.id, "temporary-pass-123", "a-brand-new-passphrase")).toBe("changed");
    row = await db().user.findUniqueOrThrow({ where: { id: analyst.id } });
    expect(row).toMatchObject({ mustChangePassword: false, sessionVersion: sv + 1 });
    expect(await verifyPassword(row.passwordHash, "a-brand-new-passphrase")).toBe(true);
  });

  it("tokens: the owner or an admin revokes; others are told it does not exist", async () => {
    const other = await createUser({ email: "viewer@test.org", role: "viewer", password: "viewer-long-password" });
    const token = await createToken(analyst.id, "report bot", 1, analyst);
    const [row] = (await listTokens(analyst.id)).filter((t) => t.name === "report bot");
    expect(row).toMatchObject({ userEmail: "ana@test.org", state: "live" });
    await expect(revokeToken(row!.id, other)).rejects.toThrow(/no token/);
    await revokeToken(row!.id, admin);
    expect(await userForToken(token)).toBeNull();
    expect((await listTokens()).find((t) => t.id === row!.id)).toMatchObject({ state: "revoked" });
  });

  it("a token's last use is recorded, to the minute", async () => {
    const token = await createToken(analyst.id, "nightly sync", 1, analyst);
    const row = async () => (await listTokens(analyst.id)).find((t) => t.name === "nightly sync")!;
    expect((await row()).lastUsedAt).toBeNull();
    await userForToken(token);
    const first = (await row()).lastUsedAt;
    expect(Date.now() - Date.parse(first!)).toBeLessThan(60_000);
    await userForToken(token);
    expect((await row()).lastUsedAt).toBe(first); // the same minute: no second write
    await db().apiToken.updateMany({ where: { name: "nightly sync" }, data: { lastUsedAt: new Date(Date.now() - 3_600_000) } });
    await userForToken(token);
    expect(Date.parse((await row()).lastUsedAt!)).toBeGreaterThan(Date.parse(first!) - 1);
  });
});

describe("audit log", () => {
  it("records every change above, filters by action, prefix, user and date, and pages", async () => {
    const actions = await auditActions();
    for (const a of ["user.create", "user.set_role", "user.disable", "user.enable", "user.reset_password", "user.change_password", "user.change_password_failed", "token.create", "token.revoke"]) {
      expect(actions).toContain(a);
    }
    const q = (input: Record<string, unknown>) => listAuditEvents(auditQuerySchema.parse(input));
    expect((await q({ action: "user.disable" })).data).toEqual([expect.objectContaining({ user: "admin@test.org", entity: "user", entityId: String(analyst.id), after: { active: false } })]);
    const tokenEvents = (await q({ action: "token." })).data;
    // Six created; revoked: two by the disable, one by the reset, one by hand.
    expect(tokenEvents.map((e) => e.action).sort()).toEqual([...Array(6).fill("token.create"), ...Array(4).fill("token.revoke")]);
    expect((await q({ user: "ANA@" })).data.every((e) => e.user === "ana@test.org")).toBe(true);
    expect((await q({ to: "2000-01-01" })).data).toEqual([]);

    const all = (await q({ limit: 1000 })).data;
    const first = await q({ limit: 3 });
    expect(first.data).toEqual(all.slice(0, 3));
    const second = await q({ limit: 3, before: first.next });
    expect(second.data).toEqual(all.slice(3, 6));
    expect(auditQuerySchema.safeParse({ from: "2026-02-01", to: "2026-01-01" }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ from: "1 OR 1=1" }).success).toBe(false);
  });
});

describe("creating a user whose email is taken", () => {
  it("says the email is taken at its field, also when two admins create the same user at once", async () => {
    await asSession(admin);
    const form = (email: string) => {
      const data = new FormData();
      for (const [k, v] of Object.entries({ email, name: "Twin", role: "viewer", password: "a-long-enough-passphrase" })) data.set(k, v);
      return data;
    };
    expect(await createUserAction(IDLE, form("twin@test.org"))).toMatchObject({ status: "ok" });
    expect(await createUserAction(IDLE, form("Twin@Test.org"))).toMatchObject({ status: "error", errors: { email: "emailTaken" } });
    const both = await Promise.all([createUserAction(IDLE, form("race@test.org")), createUserAction(IDLE, form("race@test.org"))]);
    expect(both.map((r) => r.status).sort()).toEqual(["error", "ok"]);
    expect(both.find((r) => r.status === "error")).toMatchObject({ errors: { email: "emailTaken" } });
    expect(await db().user.count({ where: { email: "race@test.org" } })).toBe(1);
  });
});

describe("scopes", () => {
  it("an admin sets a scope of existing regions and datasets, audited; it applies at the user's next request without ending their sessions", async () => {
    const mali = await db().region.create({ data: { pcode: "ML", level: 0, nameEn: "Mali", nameFr: "Mali" } });
    await db().region.create({ data: { pcode: "ML05", level: 1, nameEn: "Mopti", nameFr: "Mopti", parentId: mali.id } });
    await db().region.create({ data: { pcode: "ML06", level: 1, nameEn: "Tombouctou", nameFr: "Tombouctou", parentId: mali.id } });
    await db().dataset.create({ data: { code: "partner-reports", name: "Partner reports", publisher: "Partner", url: "", kind: "series" } });
    const partner = await createUser({ email: "partner@test.org", role: "analyst", password: "partner-long-password" });
    const sv = await version(partner.id);
    expect((await sessionUser(partner.id, sv))?.scope).toEqual({ regions: [], datasets: [], readScoped: false });

    await asSession(admin);
    const form = (fields: [string, string][]) => {
      const data = new FormData();
      data.set("id", String(partner.id));
      for (const [k, v] of fields) data.append(k, v);
      return setScopeAction(IDLE, data);
    };
    expect(await form([["regions", "ML06"], ["regions", "ML05"], ["datasets", "partner-reports"], ["readScoped", "on"]])).toMatchObject({ status: "ok", message: "scopeSaved" });
    // The same session, read again at the next request, carries the new scope.
    expect((await sessionUser(partner.id, sv))?.scope).toEqual({ regions: ["ML05", "ML06"], datasets: ["partner-reports"], readScoped: true });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.set_scope", entityId: String(partner.id) } });
    expect(event).toMatchObject({ userId: admin.id, before: { regions: [], datasets: [], readScoped: false }, after: { regions: ["ML05", "ML06"], datasets: ["partner-reports"], readScoped: true } });

    expect(await form([["regions", "ML99"]])).toMatchObject({ status: "error", errors: { regions: "scopeRegion" } });
    expect(await form([["regions", "Mopti"]])).toMatchObject({ status: "error", errors: { regions: "scopeRegion" } });
    expect(await form([["datasets", "nope-set"]])).toMatchObject({ status: "error", errors: { datasets: "scopeDataset" } });
    await expect(setScope(partner.id, { regions: ["ML"], datasets: [], readScoped: false }, admin)).rejects.toThrow('"ML" is not a region P-code');
    await expect(setScope(partner.id, { regions: [], datasets: ["ghost-set"], readScoped: false }, admin)).rejects.toThrow('unknown dataset "ghost-set"');
    expect((await sessionUser(partner.id, sv))?.scope.regions).toEqual(["ML05", "ML06"]);

    await asSession(partner);
    expect(await form([])).toEqual({ status: "error", errors: { form: "forbidden" } });
    await asSession(admin);
    const api = await usersGet(new Request("http://localhost/api/v1/users"), {});
    const listed = ((await api.json()) as { data: { email: string; scope: unknown }[] }).data;
    expect(listed.find((u) => u.email === "partner@test.org")?.scope).toEqual({ regions: ["ML05", "ML06"], datasets: ["partner-reports"], readScoped: true });
    expect(listed.find((u) => u.email === "admin@test.org")?.scope).toEqual({ regions: [], datasets: [], readScoped: false });

    // Clearing every box: everywhere again.
    expect(await form([])).toMatchObject({ status: "ok" });
    expect((await sessionUser(partner.id, sv))?.scope).toEqual({ regions: [], datasets: [], readScoped: false });
  });

  it("an admin creates a user with a scope; a refused code is said at its field and every tick comes back", async () => {
    await asSession(admin);
    const create = (email: string, fields: [string, string][]) => {
      const data = new FormData();
      for (const [k, v] of Object.entries({ email, name: "Mopti partner", role: "analyst", password: "a-long-enough-passphrase" })) data.set(k, v);
      for (const [k, v] of fields) data.append(k, v);
      return createUserAction(IDLE, data);
    };
    const refused = await create("scoped@test.org", [["regions", "ML05"], ["regions", "ML98"], ["readScoped", "on"]]);
    expect(refused).toEqual({ status: "error", errors: { regions: "scopeRegion" }, values: expect.objectContaining({ email: "scoped@test.org", password: "", regions: "ML05,ML98", readScoped: "on" }) });
    expect(await db().user.count({ where: { email: "scoped@test.org" } })).toBe(0);
    expect(await create("scoped@test.org", [["regions", "ML05"], ["datasets", "partner-reports"], ["readScoped", "on"]])).toMatchObject({ status: "ok", message: "userCreated" });
    const user = await db().user.findUniqueOrThrow({ where: { email: "scoped@test.org" } });
    expect({ regions: user.scopeRegions, datasets: user.scopeDatasets, readScoped: user.readScoped }).toEqual({ regions: ["ML05"], datasets: ["partner-reports"], readScoped: true });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.create", entityId: String(user.id) } });
    expect(event.after).toMatchObject({ scope: { regions: ["ML05"], datasets: ["partner-reports"], readScoped: true } });
  });
});
