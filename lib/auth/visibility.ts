// Which figures a reader sees: published ones (within their read scope), and
// which unpublished ones beside them. The one rule every read path asks: the
// data layer turns it into SQL (lib/data/visibility-sql.ts) and checks single
// records with mayReadRecord. Pure.
import type { FigureStatus } from "../generated/prisma/enums";
import { can, type Role } from "./permissions";
import { mayRead, outsideScope, UNSCOPED, type RecordPlace, type Scope } from "./scope";

/**
 * none: published figures only (viewers, public links, every file that
 * leaves the app); own: and the reader's own unpublished ones (writers);
 * reviewable: and every unpublished one within the reader's scope (a
 * reviewer's "include unpublished").
 */
export type UnpublishedMode = "none" | "own" | "reviewable";

export interface Visibility {
  /** The reader; null for a public link. */
  userId: number | null;
  unpublished: UnpublishedMode;
  scope: Scope;
}

/** What a public link (and anyone without an account) sees. */
export const PUBLISHED_ONLY: Visibility = Object.freeze({ userId: null, unpublished: "none", scope: UNSCOPED }) as Visibility;

export interface Reader {
  id: number;
  role: Role;
  scope: Scope;
}

/**
 * A reader's visibility: writers see their own unpublished figures; a
 * reviewer who asks (`includeUnpublished`) sees every one they may review.
 */
export function visibilityFor(reader: Reader | null, options: { includeUnpublished?: boolean } = {}): Visibility {
  if (!reader) return PUBLISHED_ONLY;
  const unpublished: UnpublishedMode = options.includeUnpublished && can(reader.role, "figures:review") ? "reviewable" : can(reader.role, "figures:write") ? "own" : "none";
  return { userId: reader.id, unpublished, scope: reader.scope };
}

/** The same reader, published figures only (still within their read scope): files that leave the app, aggregates for authors. */
export function publishedOnly(v: Visibility): Visibility {
  return v.unpublished === "none" ? v : { ...v, unpublished: "none" };
}

/**
 * What the charts, tiles and map of a page draw: published figures, or with a
 * reviewer's "include unpublished" the pending ones too. An author's own
 * drafts show in lists (marked), not in aggregates that cannot mark them.
 */
export function forAggregates(v: Visibility): Visibility {
  return v.unpublished === "own" ? publishedOnly(v) : v;
}

/** The record as a reader meets it: its status, who wrote it, where and in which dataset. */
export interface ReadableRecord {
  status: FigureStatus;
  /** Who wrote the unpublished figure or revision (the figure's last writer, the revision's author). */
  authorId: number | null;
  place: RecordPlace;
  dataset: string;
}

export function mayReadRecord(v: Visibility, record: ReadableRecord): boolean {
  if (!mayRead(v.scope, record)) return false;
  if (record.status === "published") return true;
  if (v.userId !== null && record.authorId === v.userId) return v.unpublished !== "none";
  return v.unpublished === "reviewable" && outsideScope(v.scope, record) === null;
}

/** Whether reads need no filter but "published": the fast path of every viewer and public link. */
export function isPlainPublished(v: Visibility): boolean {
  return v.unpublished === "none" && !v.scope.readScoped;
}

/** A cache key part: two readers with the same key see the same figures. */
export function visibilityKey(v: Visibility): string {
  if (isPlainPublished(v)) return "published";
  const scope = v.scope.readScoped || v.unpublished === "reviewable" ? `${v.scope.readScoped ? "r" : "w"}:${v.scope.regions.join(",")}:${v.scope.datasets.join(",")}` : "";
  return `${v.unpublished}:${v.unpublished === "none" ? "" : v.userId}:${scope}`;
}
