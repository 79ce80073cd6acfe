// Users, API tokens and the audit trail of changes to them.
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { bookkeeping } from "../db/availability";
import { hashPassword } from "../auth/password";
import { passwordProblem, passwordProblemText } from "../validation/password";
import en from "../../messages/en.json";
import type { Role } from "../auth/permissions";
import { toScope, UNSCOPED, type Scope } from "../auth/scope";
import { scopeSchema } from "../validation/users";
import { hashToken } from "../auth/tokens";
import { auditInsert } from "./audit";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
  /** Set by an admin's password reset: pages send the user to change it first. */
  mustChangePassword: boolean;
  /** The regions and datasets they may write for (and read, when read-scoped): lib/auth/scope.ts. */
  scope: Scope;
}

/** A refused user or token change; `kind` says which, so that callers never read the message. */
export class UserError extends Error {
  override name = "UserError";
  constructor(
    message: string,
    readonly kind: "email_taken" | "unknown_region" | "unknown_dataset" | "refused" = "refused",
  ) {
    super(message);
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The password policy (lib/validation/password.ts), refused with its English message: for the console and the data layer. */
export function assertPasswordPolicy(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new UserError(passwordProblemText(problem, en.passwordErrors));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A scope as given (the admin form, the CLI), validated: well-formed codes,
 * each an existing region (level 1) or dataset, else a refusal naming the
 * unknown code. Normalised (sorted, unique) as lib/auth/scope.ts reads it.
 */
export async function checkedScope(input: { regions: string[]; datasets: string[]; readScoped: boolean }): Promise<Scope> {
  const parsed = scopeSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const regions = issue.path[0] === "regions";
    const value = (regions ? input.regions : input.datasets)[Number(issue.path[1])] ?? "";
    throw new UserError(regions ? `"${value}" is not a region P-code such as ML05` : `"${value}" is not a dataset code such as iom-dtm-mali`);
  }
  const scope = toScope({ scopeRegions: parsed.data.regions, scopeDatasets: parsed.data.datasets, readScoped: parsed.data.readScoped });
  const [regions, datasets] = await Promise.all([
    db().region.findMany({ where: { pcode: { in: scope.regions }, level: 1 }, select: { pcode: true } }),
    db().dataset.findMany({ where: { code: { in: scope.datasets } }, select: { code: true } }),
  ]);
  const unknownRegion = scope.regions.find((p) => !regions.some((r) => r.pcode === p));
  if (unknownRegion) throw new UserError(`unknown region "${unknownRegion}": a scope names regions by their P-code (level 1, e.g. ML05)`, "unknown_region");
  const unknownDataset = scope.datasets.find((c) => !datasets.some((d) => d.code === c));
  if (unknownDataset) throw new UserError(`unknown dataset "${unknownDataset}": see GET /api/v1/datasets for the codes`, "unknown_dataset");
  return scope;
}

export async function createUser(
  input: { email: string; name?: string; role: Role; password: string; mustChangePassword?: boolean; scope?: { regions: string[]; datasets: string[]; readScoped: boolean } },
  actorId: number | null = null,
): Promise<SessionUser> {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email)) throw new UserError(`"${input.email}" is not an email address`);
  assertPasswordPolicy(input.password);
  const scope = input.scope ? await checkedScope(input.scope) : UNSCOPED;
  const taken = () => new UserError(`a user ${email} already exists`, "email_taken");
  if (await db().user.findUnique({ where: { email } })) throw taken();
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db().$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email, name: input.name?.trim() || email.split("@")[0]!, role: input.role, passwordHash, mustChangePassword: input.mustChangePassword ?? false, scopeRegions: scope.regions, scopeDatasets: scope.datasets, readScoped: scope.readScoped },
      });
      await tx.auditEvent.create({ data: { userId: actorId, action: "user.create", entity: "user", entityId: String(created.id), after: { email, role: created.role, scope: { ...scope } } } });
      return created;
    });
    return toSessionUser(user);
  } catch (error) {
    // Two creations of one email at once: the unique key lets one through.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

export function toSessionUser(u: { id: number; email: string; name: string; role: Role; sessionVersion: number; mustChangePassword: boolean; scopeRegions: string[] | null; scopeDatasets: string[] | null; readScoped: boolean }): SessionUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, sessionVersion: u.sessionVersion, mustChangePassword: u.mustChangePassword, scope: toScope(u) };
}

export async function requireUserByEmail(email: string) {
  const user = await db().user.findUnique({ where: { email: normaliseEmail(email) } });
  if (!user) throw new UserError(`no user ${normaliseEmail(email)}`);
  return user;
}

/** Ends every session of the user (logout, or "log out everywhere"). */
export async function endSessions(userId: number, action: "auth.logout" | "user.end_sessions", actorId: number | null = userId): Promise<void> {
  await db().$transaction([
    db().user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } }),
    auditInsert({ userId: actorId, action, entity: "user", entityId: String(userId) }),
  ]);
}

export async function findActiveUserByEmail(email: string) {
  return db().user.findFirst({ where: { email: normaliseEmail(email), active: true } });
}

/** The user behind a live session: still active and on the same session version. */
export async function sessionUser(id: number, sessionVersion: number): Promise<SessionUser | null> {
  const user = await db().user.findFirst({ where: { id, active: true, sessionVersion } });
  return user ? toSessionUser(user) : null;
}

/** The active user owning a live, unexpired, unrevoked token. */
export async function userForToken(token: string): Promise<SessionUser | null> {
  // One indexed lookup: it runs on every API request made with a token.
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, expiresAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, sessionVersion: true, mustChangePassword: true, active: true, scopeRegions: true, scopeDatasets: true, readScoped: true } } },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date()) || !row.user.active) return null;
  await noteTokenUse(row.id, row.lastUsedAt);
  return toSessionUser(row.user);
}

/** "Last used" is kept to the minute: a script's burst of requests writes once, not once per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

async function noteTokenUse(id: number, lastUsedAt: Date | null): Promise<void> {
  const now = new Date();
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  // The condition makes concurrent requests of the same minute a no-op rather than a queue of row locks.
  // Bookkeeping: a read-only database must not fail the request the token makes.
  await bookkeeping("an API token's last use", () =>
    db().apiToken.updateMany({ where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] }, data: { lastUsedAt: now } }),
  );
}
