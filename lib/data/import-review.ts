// An import held for review is reviewed as one batch: approved (every held
// figure and pending revision published at once) or returned whole with the
// reviewer's comment. Who may review it is the one rule (lib/domain/review.ts)
// asked of every held row; publishing and returning are the one set-based
// core (lib/data/publication.ts) every approval path runs.
import { db } from "../db/client";
import { can } from "../auth/permissions";
import { outsideScope, type OutsideScope } from "../auth/scope";
import { reviewRefusal, type Reviewer, type ReviewRefusal } from "../domain/review";
import { lockImports } from "./imports";
import { publish, sendBack } from "./publication";

export type ImportReviewAction = { action: "approve" } | { action: "return"; comment: string };

/** A review comment's longest form (a paragraph, not a report). */
export const REVIEW_COMMENT_MAX = 2_000;

export type ImportReviewOutcome =
  | { status: "reviewed"; review: "published" | "returned"; figures: number; revisions: number }
  | { status: "not_found" }
  /** No figures:review; the importer themself (four eyes); the import is not waiting (published, returned, rolled back). */
  | { status: Exclude<ReviewRefusal, "outside_scope"> }
  /** The first held row (by region, then dataset) outside the reviewer's scope. */
  | { status: "outside_scope"; outside: OutsideScope }
  | { status: "invalid_comment"; reason: "required" | "too_long" };

interface HeldRow {
  pcode: string;
  level: number;
  parent: string | null;
  dataset: string;
  authorId: number | null;
}

/**
 * The places, datasets and authors of what an import holds unpublished
 * (waiting or returned: the scope rule holds for both), few distinct rows whatever its size.
 */
async function heldRows(importId: number): Promise<HeldRow[]> {
  return db().$queryRaw<HeldRow[]>`
    SELECT DISTINCT r.pcode, r.level, p.pcode AS parent, d.code AS dataset, h.author_id AS "authorId"
      FROM (SELECT region_id, dataset_id, updated_by_id AS author_id FROM figures WHERE import_id = ${importId} AND status <> 'published'
            UNION ALL
            SELECT region_id, dataset_id, author_id FROM figure_revisions WHERE import_id = ${importId}) h
      JOIN regions r ON r.id = h.region_id LEFT JOIN regions p ON p.id = r.parent_id JOIN datasets d ON d.id = h.dataset_id
     ORDER BY r.pcode, d.code`;
}

export type ImportReviewRefusal = Extract<ImportReviewOutcome, { status: "not_found" | "forbidden" | "own_work" | "not_submitted" | "outside_scope" }>;

/**
 * Why `reviewer` may not review import `importId` now, or null when they may
 * (the import page shows its review buttons only then; reviewImport asks it first).
 */
export async function importReviewRefusal(reviewer: Reviewer, importId: number): Promise<ImportReviewRefusal | null> {
  if (!can(reviewer.role, "figures:review")) return { status: "forbidden" };
  const record = await db().import.findUnique({ where: { id: importId }, select: { userId: true, status: true, review: true } });
  if (!record) return { status: "not_found" };
  if (record.userId !== null && record.userId === reviewer.id) return { status: "own_work" };
  // Who the reviewer is before what the import is (reviewRefusal's order): the scope is asked of a returned import's rows too.
  for (const row of await heldRows(importId)) {
    const item = { authorId: row.authorId, status: "submitted" as const, place: { pcode: row.pcode, level: row.level, parent: row.parent }, dataset: row.dataset };
    const refusal = reviewRefusal(reviewer, item);
    if (refusal === "outside_scope") return { status: "outside_scope", outside: outsideScope(reviewer.scope, item) as OutsideScope };
    if (refusal) return { status: refusal };
  }
  if (record.status !== "committed" || record.review !== "submitted") return { status: "not_submitted" };
  return null;
}

/**
 * Approves or returns import `importId` whole. Refused (nothing changes) for
 * a reviewer without figures:review, for its importer (four eyes), when any
 * held row lies outside the reviewer's scope (naming the first), or when the
 * import no longer waits for review.
 */
export async function reviewImport(reviewer: Reviewer, importId: number, request: ImportReviewAction): Promise<ImportReviewOutcome> {
  if (!can(reviewer.role, "figures:review")) return { status: "forbidden" };
  const comment = request.action === "return" ? request.comment.trim() : null;
  if (comment !== null && !comment) return { status: "invalid_comment", reason: "required" };
  if (comment !== null && comment.length > REVIEW_COMMENT_MAX) return { status: "invalid_comment", reason: "too_long" };
  // Every held row is asked, before the transaction (which must not wait for a second connection).
  const refused = await importReviewRefusal(reviewer, importId);
  if (refused) return refused;
  return db().$transaction(
    async (tx): Promise<ImportReviewOutcome> => {
      // Under the imports' lock: a rollback, a later import of the same rows or a second reviewer waits.
      await lockImports(tx);
      const current = await tx.import.findUniqueOrThrow({ where: { id: importId }, select: { status: true, review: true } });
      if (current.status !== "committed" || current.review !== "submitted") return { status: "not_submitted" };
      const items = {
        figureIds: (await tx.figure.findMany({ where: { importId, status: "submitted" }, select: { id: true } })).map((f) => f.id),
        revisionIds: (await tx.figureRevision.findMany({ where: { importId, status: "submitted" }, select: { id: true } })).map((r) => r.id),
      };
      const done = comment === null ? await publish(tx, items, reviewer.id) : await sendBack(tx, items, reviewer.id, comment);
      const review = comment === null ? ("published" as const) : ("returned" as const);
      await tx.import.update({ where: { id: importId }, data: { review, reviewComment: comment, reviewedById: reviewer.id, reviewedAt: new Date() } });
      const counts = { figures: done.figureIds.length, revisions: done.revisedFigureIds.length };
      await tx.auditEvent.create({
        data: { userId: reviewer.id, action: comment === null ? "import.approve" : "import.return", entity: "import", entityId: String(importId), after: { review, ...(comment === null ? {} : { comment }), ...counts } },
      });
      return { status: "reviewed", review, ...counts };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}
