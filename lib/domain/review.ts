// Who may approve or return a submitted figure or revision: the one rule the
// review API, the review queue's actions and bulk review ask, per item. Pure:
// callers pass the item's place with its parent (lib/auth/scope.ts).
import type { FigureStatus } from "../generated/prisma/enums";
import { can, type Role } from "../auth/permissions";
import { outsideScope, type RecordPlace, type Scope } from "../auth/scope";

export interface Reviewer {
  id: number;
  role: Role;
  scope: Scope;
}

export interface ReviewItem {
  /** Who wrote it: an unpublished figure's last writer, a revision's author. */
  authorId: number | null;
  status: FigureStatus;
  place: RecordPlace;
  dataset: string;
}

export type ReviewRefusal = "forbidden" | "own_work" | "outside_scope" | "not_submitted";

/**
 * Why `reviewer` may not approve or return `item`, or null when they may:
 * only a holder of figures:review (forbidden), never its author (four eyes:
 * own_work), within their scope (outside_scope), and only what waits for
 * review (not_submitted). The order is that of the answer a caller gives: who
 * you are before what the item is.
 */
export function reviewRefusal(reviewer: Reviewer, item: ReviewItem): ReviewRefusal | null {
  if (!can(reviewer.role, "figures:review")) return "forbidden";
  if (item.authorId !== null && item.authorId === reviewer.id) return "own_work";
  if (outsideScope(reviewer.scope, item)) return "outside_scope";
  if (item.status !== "submitted") return "not_submitted";
  return null;
}
