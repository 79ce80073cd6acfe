// User and token administration against real PostgreSQL: every change that
// must end access does so at the next check, and lands in the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { createUser, sessionUser, userForToken, type SessionUser } from "../../lib/data/users";
import { changeOwnPassword, changeRole, createToken, getUser, listTokens, listUsers, resetPassword, revokeToken, setActive } from "../../lib/data/user-admin";
import { auditActions, listAuditEvents } from "../../lib/data/audit";
import { auditQuerySchema } from "../../lib/validation/audit-query";
import { verifyPassword } from "../../lib/auth/password";

let admin: SessionUser;
let analyst: SessionUser;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("admin");
  await migrate(process.env.DATABASE_URL);
  admin = await createUser({ email: "admin@test.org", role: "admin", password: "admin-long-password" });
  analyst = await createUser({ email: "ana@test.org", role: "analyst", password: "analyst-long-password", mustChangePassword: true });
});

afterAll(async () => {
  await disconnectDb();
});

const version = async (id: number) => (await db().user.findUniqueOrThrow({ where: { id } })).sessionVersion;

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
    try {
      const before = await db().user.findUniqueOrThrow({ where: { id: analyst.id } });
      await expect(changeRole(analyst.id, "viewer", admin)).rejects.toThrow(/audit refused/);
      await expect(setActive(analyst.id, false, admin)).rejects.toThrow(/audit refused/);
      expect(await db().user.findUniqueOrThrow({ where: { id: analyst.id } })).toMatchObject({ role: before.role, active: true, sessionVersion: before.sessionVersion });
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER refuse_role_events ON audit_events`);
      await db().$executeRawUnsafe(`DROP FUNCTION refuse_event()`);
    }
  });

  it("disabling stops sessions and tokens at once; enabling lets tokens work again", async () => {
    const token = await createToken(analyst.id, "scripts", 30, analyst);
    expect(await userForToken(token)).toMatchObject({ id: analyst.id });
    const sv = await version(analyst.id);
    await setActive(analyst.id, false, admin);
    expect(await sessionUser(analyst.id, sv)).toBeNull();
    expect(await userForToken(token)).toBeNull();
    await expect(createToken(analyst.id, "more", 30, admin)).rejects.toThrow(/disabled/);
    await setActive(analyst.id, true, admin);
    expect(await userForToken(token)).toMatchObject({ id: analyst.id });
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
    expect(tokenEvents.map((e) => e.action).sort()).toEqual(["token.create", "token.create", "token.create", "token.revoke"]);
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
