// What admins and account holders change about users and API tokens. Every
// change that must end someone's access bumps their session version (their
// cookies stop working at the next request) and is written to the audit log.
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { hashPassword } from "../auth/password";
import { checkAccountPassword } from "../auth/login";
import type { Role } from "../auth/permissions";
import { generateToken, hashToken } from "../auth/tokens";
import { auditInsert, recordAudit, type AuditInput } from "./audit";
import { toScope, type Scope } from "../auth/scope";
import { assertPasswordPolicy, checkedScope, requireUserByEmail, toSessionUser, UserError, type SessionUser } from "./users";

/**
 * Who makes a change: the signed-in user, or null for the operator at the
 * console (`npm run cli`), who is trusted with the database already.
 */
export type Actor = SessionUser | null;

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  activeTokens: number;
  /** Where they may write (and read, when read-scoped): lib/auth/scope.ts. */
  scope: Scope;
}

export interface TokenRow {
  id: number;
  name: string;
  userId: number;
  userEmail: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** live, expired or revoked */
  state: "live" | "expired" | "revoked";
}

/** Every user, or the one with `id`. */
export async function listUsers(id: number | null = null): Promise<UserRow[]> {
  const rows = await db().$queryRaw<
    { id: number; email: string; name: string; role: Role; active: boolean; must_change_password: boolean; created_at: Date; last_login_at: Date | null; active_tokens: bigint; scope_regions: string[]; scope_datasets: string[]; read_scoped: boolean }[]
  >`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.active, u.must_change_password, u.created_at, u.scope_regions, u.scope_datasets, u.read_scoped,
           (SELECT max(e.created_at) FROM audit_events e WHERE e.user_id = u.id AND e.action = 'auth.login') AS last_login_at,
           (SELECT count(*) FROM api_tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())) AS active_tokens
      FROM users u
     WHERE ${id}::int IS NULL OR u.id = ${id}::int
     ORDER BY u.active DESC, lower(u.email)`;
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    active: r.active,
    mustChangePassword: r.must_change_password,
    createdAt: r.created_at.toISOString(),
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
    activeTokens: Number(r.active_tokens),
    scope: toScope({ scopeRegions: r.scope_regions, scopeDatasets: r.scope_datasets, readScoped: r.read_scoped }),
  }));
}

export async function getUser(id: number): Promise<UserRow | null> {
  return (await listUsers(id))[0] ?? null;
}

async function requireUserById(id: number) {
  const user = await db().user.findUnique({ where: { id } });
  if (!user) throw new UserError(`no user with id ${id}`);
  return user;
}

/** Admins may not demote or disable themselves: the last admin could lock everyone out. */
function refuseSelf(actor: Actor, id: number, what: string): void {
  if (actor?.id === id) throw new UserError(`you cannot ${what} your own account; ask another admin`);
}

// Each change below and its audit event are written in one transaction: no
// change without its record, no record of a change that did not happen.

export async function changeRole(id: number, role: Role, actor: Actor): Promise<void> {
  const before = await requireUserById(id);
  if (before.role === role) return;
  refuseSelf(actor, id, "change the role of");
  await db().$transaction([
    db().user.update({ where: { id }, data: { role, sessionVersion: { increment: 1 } } }),
    auditInsert({ userId: actor?.id ?? null, action: "user.set_role", entity: "user", entityId: String(id), before: { role: before.role }, after: { role } }),
  ]);
}

/**
 * Sets where the user may write (and read, when `readScoped`): the regions
 * and datasets must exist (else a refusal naming the unknown code). Their
 * sessions go on: the session user is read from the database at every
 * request, so the new scope applies from their next one.
 */
export async function setScope(id: number, input: { regions: string[]; datasets: string[]; readScoped: boolean }, actor: Actor): Promise<Scope> {
  const user = await requireUserById(id);
  const scope = await checkedScope(input);
  const before = toScope(user);
  if (JSON.stringify(before) === JSON.stringify(scope)) return scope;
  await db().$transaction([
    db().user.update({ where: { id }, data: { scopeRegions: scope.regions, scopeDatasets: scope.datasets, readScoped: scope.readScoped } }),
    auditInsert({ userId: actor?.id ?? null, action: "user.set_scope", entity: "user", entityId: String(id), before: { ...before }, after: { ...scope } }),
  ]);
  return scope;
}

/**
 * Revokes every live token of the user, each with a `token.revoke` event
 * naming the change that did it; inside that change's transaction, so a token
 * is never left working after a disable or a reset, nor revoked without it.
 */
async function revokeLiveTokens(tx: Prisma.TransactionClient, user: { id: number; email: string }, actorId: number | null, reason: string): Promise<void> {
  const now = new Date();
  const revoked = await tx.apiToken.updateManyAndReturn({
    where: { userId: user.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    data: { revokedAt: now },
    select: { id: true, name: true },
  });
  if (revoked.length === 0) return;
  await tx.auditEvent.createMany({
    data: revoked.map((t) => ({ userId: actorId, action: "token.revoke", entity: "api_token", entityId: String(t.id), after: { user: user.email, name: t.name, reason } })),
  });
}

/**
 * Disabling ends sessions and revokes the user's live tokens for good:
 * enabling them again lets them log in, and their old tokens stay revoked.
 */
export async function setActive(id: number, active: boolean, actor: Actor): Promise<void> {
  const before = await requireUserById(id);
  if (before.active === active) return;
  if (!active) refuseSelf(actor, id, "disable");
  const action = active ? "user.enable" : "user.disable";
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { active, sessionVersion: { increment: 1 } } });
    await tx.auditEvent.create({ data: { userId: actor?.id ?? null, action, entity: "user", entityId: String(id), before: { active: before.active }, after: { active } }, select: { id: true } });
    if (!active) await revokeLiveTokens(tx, before, actor?.id ?? null, action);
  });
}

/** Sets a temporary password the user must replace at their next login; their sessions end and their tokens are revoked. */
export async function resetPassword(id: number, temporaryPassword: string, actor: Actor): Promise<void> {
  await requireUserById(id);
  await writePassword(id, temporaryPassword, true, { userId: actor?.id ?? null, action: "user.reset_password" }, true);
}

/**
 * A new password for user `id`, which ends their sessions (and, with
 * `revokeTokens`, revokes their live tokens), written with its audit event;
 * `mustChangePassword` undefined leaves the flag as it is.
 */
async function writePassword(id: number, password: string, mustChangePassword: boolean | undefined, event: Pick<AuditInput, "userId" | "action">, revokeTokens = false): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id }, data: { passwordHash, mustChangePassword, sessionVersion: { increment: 1 } }, select: { id: true, email: true } });
    await tx.auditEvent.create({ data: { ...event, entity: "user", entityId: String(id) }, select: { id: true } });
    if (revokeTokens) await revokeLiveTokens(tx, user, event.userId, event.action);
  });
}

/**
 * The signed-in user's own change. Ends their other sessions (the session
 * version moves on); the caller signs them in again. The current password is
 * checked like a login's, under the account's lockout: a stolen session cannot
 * guess it, and a locked account refuses the change.
 */
export async function changeOwnPassword(userId: number, current: string, next: string): Promise<"changed" | "wrong_current" | "locked"> {
  const user = await requireUserById(userId);
  const check = await checkAccountPassword({ email: user.email, userId, passwordHash: user.passwordHash, password: current, context: { via: "user.change_password" } });
  if (check !== "ok") {
    await recordAudit({ userId, action: "user.change_password_failed", entity: "user", entityId: String(userId), after: check === "locked" ? { reason: "locked" } : undefined });
    return check === "locked" ? "locked" : "wrong_current";
  }
  await writePassword(userId, next, false, { userId, action: "user.change_password" });
  return "changed";
}

function tokenState(t: { expiresAt: Date | null; revokedAt: Date | null }): TokenRow["state"] {
  if (t.revokedAt) return "revoked";
  return t.expiresAt && t.expiresAt <= new Date() ? "expired" : "live";
}

/** One user's tokens, or everyone's (admins). */
export async function listTokens(userId?: number): Promise<TokenRow[]> {
  const rows = await db().apiToken.findMany({
    where: userId === undefined ? {} : { userId },
    include: { user: { select: { email: true } } },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 1000,
  });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    userId: t.userId,
    userEmail: t.user.email,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    state: tokenState(t),
  }));
}

/** A new token for `userId`, returned once: only its hash is kept. */
export async function createToken(userId: number, name: string, days: number, actor: Actor): Promise<string> {
  const user = await requireUserById(userId);
  if (!user.active) throw new UserError(`user ${user.email} is disabled`);
  const token = generateToken();
  await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { userId, name, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + days * 86_400_000) } });
    await tx.auditEvent.create({ data: { userId: actor?.id ?? userId, action: "token.create", entity: "api_token", entityId: String(created.id), after: { user: user.email, name, days } } });
  });
  return token;
}

/** Revokes a token its owner or an admin names; anyone else is told it does not exist. */
export async function revokeToken(id: number, actor: SessionUser): Promise<void> {
  const token = await db().apiToken.findUnique({ where: { id }, include: { user: { select: { email: true } } } });
  if (!token || (token.userId !== actor.id && actor.role !== "admin")) throw new UserError(`no token with id ${id}`);
  if (token.revokedAt) return;
  await db().$transaction([
    db().apiToken.update({ where: { id }, data: { revokedAt: new Date() } }),
    auditInsert({ userId: actor.id, action: "token.revoke", entity: "api_token", entityId: String(id), after: { user: token.user.email, name: token.name } }),
  ]);
}

// The console's commands (`npm run cli -- user …`, `token create`) name users by email.

export async function setUserRole(email: string, role: Role): Promise<SessionUser> {
  const user = await requireUserByEmail(email);
  await changeRole(user.id, role, null);
  return toSessionUser(await requireUserById(user.id));
}

export async function setUserScope(email: string, scope: { regions: string[]; datasets: string[]; readScoped: boolean }): Promise<SessionUser> {
  const user = await requireUserByEmail(email);
  await setScope(user.id, scope, null);
  return toSessionUser(await requireUserById(user.id));
}

export async function disableUser(email: string): Promise<SessionUser> {
  const user = await requireUserByEmail(email);
  await setActive(user.id, false, null);
  return toSessionUser(await requireUserById(user.id));
}

/** A new password set by the operator (the policy applies); every session of the user ends. */
export async function setUserPassword(email: string, password: string): Promise<SessionUser> {
  assertPasswordPolicy(password);
  const user = await requireUserByEmail(email);
  await writePassword(user.id, password, undefined, { userId: null, action: "user.set_password" });
  return toSessionUser(await requireUserById(user.id));
}

export async function createApiToken(email: string, name = "cli", days = 365): Promise<string> {
  return createToken((await requireUserByEmail(email)).id, name, days, null);
}
