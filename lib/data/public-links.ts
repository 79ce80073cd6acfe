// Public read-only links: a page of the app and its filters, opened without
// login by whoever holds the token, showing published figures only, until it
// expires or is revoked. The token is shown once; only its SHA-256 is kept.
// Creating and revoking are audited ("link.create", "link.revoke").
import { db } from "../db/client";
import { bookkeeping } from "../db/availability";
import { auditInsert } from "./audit";
import { cachedRead } from "./cache";
import { can, canRevokePublicLink, type Role } from "../auth/permissions";
import type { Scope } from "../auth/scope";
import { generatePublicLinkToken, hashToken, PUBLIC_LINK_TOKEN } from "../auth/tokens";
import { publicLinkInputSchema } from "../validation/public-link";

export interface PublicLinkDto {
  id: number;
  label: string;
  /** The page and its query, e.g. `/snapshot?region=ML05`. */
  path: string;
  createdBy: { id: number; name: string; email: string } | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  state: "live" | "expired" | "revoked";
}

export type PublicLinkOutcome =
  | { status: "created"; link: PublicLinkDto; token: string }
  | { status: "revoked"; link: PublicLinkDto }
  /** Each refused field with its message key (the `links` messages). */
  | { status: "invalid"; fields: Record<string, string> }
  | { status: "not_found" }
  | { status: "forbidden" }
  /** The creator's own reading is limited to a scope: a link would show published figures beyond it. */
  | { status: "read_scoped" };

type Actor = { id: number; role: Role; scope: Scope };

const include = { createdBy: { select: { id: true, name: true, email: true } } } as const;
const DAY_MS = 86_400_000;

type Row = { id: number; label: string; path: string; createdAt: Date; expiresAt: Date; revokedAt: Date | null; lastUsedAt: Date | null; createdBy: { id: number; name: string; email: string } | null };

function toDto(l: Row, now = new Date()): PublicLinkDto {
  return {
    id: l.id,
    label: l.label,
    path: l.path,
    createdBy: l.createdBy,
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt.toISOString(),
    revokedAt: l.revokedAt?.toISOString() ?? null,
    lastUsedAt: l.lastUsedAt?.toISOString() ?? null,
    state: l.revokedAt ? "revoked" : l.expiresAt <= now ? "expired" : "live",
  };
}

/** A new link to a linkable page; the token comes back once, for the creator to pass on. */
export async function createPublicLink(actor: Actor, input: unknown): Promise<PublicLinkOutcome> {
  if (!can(actor.role, "links:manage")) return { status: "forbidden" };
  // A link shows every published figure of its page to anyone: never more than its creator may read.
  if (actor.scope.readScoped) return { status: "read_scoped" };
  const parsed = publicLinkInputSchema.safeParse(typeof input === "object" && input !== null && !Array.isArray(input) ? input : {});
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "body")] ??= issue.message;
    return { status: "invalid", fields };
  }
  const { label, path, days } = parsed.data;
  const token = generatePublicLinkToken();
  return db().$transaction(async (tx) => {
    const row = await tx.publicLink.create({ data: { tokenHash: hashToken(token), path, label, createdById: actor.id, expiresAt: new Date(Date.now() + days * DAY_MS) }, include });
    await tx.auditEvent.create({ data: { userId: actor.id, action: "link.create", entity: "public_link", entityId: String(row.id), after: { label, path, days, expiresAt: row.expiresAt.toISOString() } } });
    return { status: "created", link: toDto(row), token };
  });
}

/** Admins see every link, reviewers their own: live ones first, newest first. */
export async function listPublicLinks(actor: Actor): Promise<PublicLinkDto[]> {
  if (!can(actor.role, "links:manage")) return [];
  const rows = await db().publicLink.findMany({
    where: actor.role === "admin" ? {} : { createdById: actor.id },
    include,
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
    take: 1000,
  });
  const now = new Date();
  return rows.map((r) => toDto(r, now));
}

/** Revokes a link: its creator or an admin; others are told it does not exist unless they may see it. */
export async function revokePublicLink(actor: Actor, id: number): Promise<PublicLinkOutcome> {
  const existing = await db().publicLink.findUnique({ where: { id }, include });
  if (!existing) return { status: "not_found" };
  if (!canRevokePublicLink(actor, existing)) return { status: "forbidden" };
  if (existing.revokedAt) return { status: "revoked", link: toDto(existing) };
  const [row] = await db().$transaction([
    db().publicLink.update({ where: { id }, data: { revokedAt: new Date() }, include }),
    auditInsert({ userId: actor.id, action: "link.revoke", entity: "public_link", entityId: String(id), before: { label: existing.label, path: existing.path }, after: { revoked: true } }),
  ]);
  return { status: "revoked", link: toDto(row) };
}

export interface ResolvedPublicLink {
  id: number;
  label: string;
  path: string;
  expiresAt: Date;
}

/** "Last used" is kept to the minute: a busy link writes once a minute, not once per visit. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The live link a token opens, or null (unknown, expired, revoked: the visitor is told the same). Notes its use. */
export async function resolvePublicLink(token: string): Promise<ResolvedPublicLink | null> {
  if (!PUBLIC_LINK_TOKEN.test(token)) return null;
  const row = await db().publicLink.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, label: true, path: true, expiresAt: true, revokedAt: true, lastUsedAt: true } });
  const now = new Date();
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const before = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // The condition makes concurrent visits of the same minute a no-op; a read-only database must not fail the visit.
    await bookkeeping("a public link's last use", () => db().publicLink.updateMany({ where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: before } }] }, data: { lastUsedAt: now } }));
  }
  return { id: row.id, label: row.label, path: row.path, expiresAt: row.expiresAt };
}

/** When a published figure last changed: the "data as of" of a public link's footer. */
export async function publishedDataAsOf(): Promise<Date | null> {
  return cachedRead("public-links:data-as-of", async () => {
    const rows = await db().$queryRaw<{ at: Date | null }[]>`SELECT max(updated_at) AS at FROM figures WHERE status = 'published'`;
    return rows[0]?.at ?? null;
  });
}
