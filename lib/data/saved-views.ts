// Saved views: a page and its filters under a name, per user, optionally
// shared with everyone. Every change is checked against the record (owner,
// or an admin for a shared view) and written with its audit event.
import { db } from "../db/client";
import { auditInsert } from "./audit";
import { canDeleteSavedView, canEditSavedView, type Role } from "../auth/permissions";
import { savedViewChangeSchema, savedViewInputSchema } from "../validation/saved-view";

export interface SavedViewDto {
  id: number;
  name: string;
  path: string;
  shared: boolean;
  owner: { id: number; name: string };
  createdAt: string;
  updatedAt: string;
}

export type SavedViewOutcome =
  | { status: "saved"; view: SavedViewDto }
  | { status: "deleted" }
  /** Each refused field (`body` when the input is no object) with its message key (the `share` messages). */
  | { status: "invalid"; fields: Record<string, string> }
  | { status: "not_found" }
  | { status: "forbidden" };

type Actor = { id: number; role: Role };

const include = { user: { select: { id: true, name: true } } } as const;

function toDto(v: { id: number; name: string; path: string; shared: boolean; createdAt: Date; updatedAt: Date; user: { id: number; name: string } }): SavedViewDto {
  return { id: v.id, name: v.name, path: v.path, shared: v.shared, owner: v.user, createdAt: v.createdAt.toISOString(), updatedAt: v.updatedAt.toISOString() };
}

function invalid(issues: { path: PropertyKey[]; message: string }[]): SavedViewOutcome {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.length ? String(issue.path[0]) : "body"] ??= issue.message;
  return { status: "invalid", fields };
}

const snapshot = (v: SavedViewDto) => ({ name: v.name, path: v.path, shared: v.shared, userId: v.owner.id });

export async function createSavedView(actor: Actor, input: unknown): Promise<SavedViewOutcome> {
  const parsed = savedViewInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  return db().$transaction(async (tx) => {
    const view = toDto(await tx.savedView.create({ data: { ...parsed.data, userId: actor.id }, include }));
    await tx.auditEvent.create({ data: { userId: actor.id, action: "view.create", entity: "saved_view", entityId: String(view.id), after: snapshot(view) } });
    return { status: "saved", view };
  });
}

/** The user's own views, and the views others shared with everyone, by name. */
export async function listSavedViews(userId: number): Promise<{ mine: SavedViewDto[]; shared: SavedViewDto[] }> {
  const rows = await db().savedView.findMany({ where: { OR: [{ userId }, { shared: true }] }, include, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const views = rows.map(toDto);
  return { mine: views.filter((v) => v.owner.id === userId), shared: views.filter((v) => v.owner.id !== userId) };
}

/** Renames or (un)shares a view: its owner only. */
export async function updateSavedView(actor: Actor, id: number, changes: unknown): Promise<SavedViewOutcome> {
  const parsed = savedViewChangeSchema.safeParse(changes);
  if (!parsed.success) return invalid(parsed.error.issues);
  const existing = await db().savedView.findUnique({ where: { id }, include });
  if (!existing) return { status: "not_found" };
  if (!canEditSavedView(actor, existing)) return { status: "forbidden" };
  const before = snapshot(toDto(existing));
  const [row] = await db().$transaction([
    db().savedView.update({ where: { id }, data: parsed.data, include }),
    auditInsert({ userId: actor.id, action: "view.update", entity: "saved_view", entityId: String(id), before, after: { ...before, ...parsed.data } }),
  ]);
  return { status: "saved", view: toDto(row) };
}

/** Deletes a view: its owner, or an admin once it is shared with everyone. */
export async function deleteSavedView(actor: Actor, id: number): Promise<SavedViewOutcome> {
  const existing = await db().savedView.findUnique({ where: { id }, include });
  if (!existing) return { status: "not_found" };
  if (!canDeleteSavedView(actor, existing)) return { status: "forbidden" };
  return db().$transaction(async (tx) => {
    // deleteMany: a view deleted meanwhile by another request is "not found", not an error.
    const gone = await tx.savedView.deleteMany({ where: { id } });
    if (!gone.count) return { status: "not_found" };
    await tx.auditEvent.create({ data: { userId: actor.id, action: "view.delete", entity: "saved_view", entityId: String(id), before: snapshot(toDto(existing)) } });
    return { status: "deleted" };
  });
}
