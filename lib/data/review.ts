// The review of single figures and their pending revisions: an author
// submits, a reviewer approves or returns one or many, the queue lists what
// waits. Each item is checked on the record (lib/domain/review.ts); the
// writes themselves are the set-based core every approval path shares
// (lib/data/publication.ts). An import is reviewed as one batch on its own
// page: the queue lists it as one item.
import { db } from "../db/client";
import { cachedRead } from "./cache";
import type { Prisma } from "../generated/prisma/client";
import type { FigureStatus } from "../generated/prisma/enums";
import { can } from "../auth/permissions";
import { outsideScope, type OutsideScope, type Scope } from "../auth/scope";
import { reviewRefusal, type Reviewer, type ReviewRefusal } from "../domain/review";
import { placeOf } from "./figure-writes";
import { figureInclude, figureValues, toFigureDto, type FigureDto, type FigureValues } from "./figures";
import { publish, sendBack } from "./publication";

export type ReviewAction = "approve" | "return";

/** Why one item was not acted on; `outside` names what of it lies outside the reviewer's scope. */
export interface ItemRefusal {
  id: number;
  reason: ReviewRefusal | "not_found" | "duplicate";
  outside?: OutsideScope;
}

export interface ReviewResult {
  /** The figures approved or returned (their pending revision, where they had one). */
  done: number[];
  refused: ItemRefusal[];
}

/** What a review acts on for figure `id`: its pending revision when it has one, else the figure. */
interface Target {
  id: number;
  revisionId: number | null;
  authorId: number | null;
  status: FigureStatus;
  region: string;
  dataset: string;
}

async function targets(ids: number[]): Promise<Map<number, Target>> {
  const rows = await db().figure.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      status: true,
      updatedById: true,
      region: { select: { pcode: true } },
      dataset: { select: { code: true } },
      revision: { select: { id: true, status: true, authorId: true, region: { select: { pcode: true } }, dataset: { select: { code: true } } } },
    },
  });
  return new Map(
    rows.map((r) => [
      r.id,
      r.revision
        ? { id: r.id, revisionId: r.revision.id, authorId: r.revision.authorId, status: r.revision.status, region: r.revision.region.pcode, dataset: r.revision.dataset.code }
        : { id: r.id, revisionId: null, authorId: r.updatedById, status: r.status, region: r.region.pcode, dataset: r.dataset.code },
    ]),
  );
}

/** Why the reviewer may not act on `t` (for a revision, both where the figure is and where it goes must be in scope). */
async function refusalOf(reviewer: Reviewer, t: Target, figure: { region: string; dataset: string }): Promise<ItemRefusal | null> {
  for (const where of [t, figure]) {
    const place = await placeOf(where.region);
    const reason = reviewRefusal(reviewer, { authorId: t.authorId, status: t.status, place, dataset: where.dataset });
    if (reason) return { id: t.id, reason, ...(reason === "outside_scope" ? { outside: outsideScope(reviewer.scope, { place, dataset: where.dataset }) ?? undefined } : {}) };
  }
  return null;
}

/**
 * Approves or returns figures (by figure id; a figure with a pending revision
 * stands for its revision). Acts on every item the reviewer may review, in one
 * transaction, and lists each other one with its reason: never all or nothing.
 */
export async function reviewFigures(ids: number[], reviewer: Reviewer, action: ReviewAction, comment = ""): Promise<ReviewResult> {
  const unique = [...new Set(ids)];
  const found = await targets(unique);
  const figures = await db().figure.findMany({ where: { id: { in: unique } }, select: { id: true, region: { select: { pcode: true } }, dataset: { select: { code: true } } } });
  const home = new Map(figures.map((f) => [f.id, { region: f.region.pcode, dataset: f.dataset.code }]));
  const refused: ItemRefusal[] = [];
  const allowed: Target[] = [];
  for (const id of unique) {
    const t = found.get(id);
    if (!t) {
      refused.push({ id, reason: "not_found" });
      continue;
    }
    const refusal = await refusalOf(reviewer, t, home.get(id)!);
    if (refusal) refused.push(refusal);
    else allowed.push(t);
  }
  const items = { figureIds: allowed.filter((t) => t.revisionId === null).map((t) => t.id), revisionIds: allowed.filter((t) => t.revisionId !== null).map((t) => t.revisionId!) };
  const result = await db().$transaction((tx) => (action === "approve" ? publish(tx, items, reviewer.id) : sendBack(tx, items, reviewer.id, comment)));
  const done = new Set([...result.figureIds, ...result.revisedFigureIds]);
  for (const t of allowed) {
    // Changed meanwhile (no longer submitted), or a revision whose place another figure took.
    if (!done.has(t.id)) refused.push({ id: t.id, reason: t.revisionId !== null && action === "approve" ? "duplicate" : "not_submitted" });
  }
  return { done: unique.filter((id) => done.has(id)), refused };
}

export type SubmitOutcome = { status: "submitted"; figure: FigureDto } | { status: "not_found" } | { status: "forbidden" } | { status: "not_draft" } | { status: "outside_scope"; outside: OutsideScope };

/**
 * The author submits their draft or returned figure (or revision) for
 * review, within their scope. Anyone else: not found when they may not see
 * it, else forbidden.
 */
export async function submitFigure(id: number, user: Reviewer): Promise<SubmitOutcome> {
  const t = (await targets([id])).get(id);
  if (!t) return { status: "not_found" };
  if (t.authorId !== user.id) return t.status === "published" || user.role === "admin" || user.role === "reviewer" ? { status: "forbidden" } : { status: "not_found" };
  if (t.status !== "draft" && t.status !== "returned") return { status: "not_draft" };
  // Sending work for publication is a write: where it goes (and, for a revision, where its figure is) within the author's scope now.
  const figure = await db().figure.findUniqueOrThrow({ where: { id }, select: { region: { select: { pcode: true } }, dataset: { select: { code: true } } } });
  for (const where of [{ region: t.region, dataset: t.dataset }, { region: figure.region.pcode, dataset: figure.dataset.code }]) {
    const outside = outsideScope(user.scope, { place: await placeOf(where.region), dataset: where.dataset });
    if (outside) return { status: "outside_scope", outside };
  }
  const changed = await db().$transaction(async (tx) => {
    const data = { status: "submitted" as const, submittedAt: new Date(), reviewComment: null, version: { increment: 1 } };
    const before = toFigureDto(await tx.figure.findUniqueOrThrow({ where: { id }, include: figureInclude }));
    const { count } =
      t.revisionId === null
        ? await tx.figure.updateMany({ where: { id, status: t.status }, data })
        : await tx.figureRevision.updateMany({ where: { id: t.revisionId, status: t.status }, data });
    if (count === 0) return null;
    const after = toFigureDto(await tx.figure.findUniqueOrThrow({ where: { id }, include: figureInclude }));
    await tx.auditEvent.create({
      data: { userId: user.id, action: "figure.submit", entity: "figure", entityId: String(id), before: before as unknown as Prisma.InputJsonValue, after: after as unknown as Prisma.InputJsonValue },
    });
    return after;
  });
  return changed ? { status: "submitted", figure: changed } : { status: "not_draft" };
}

// ---------------------------------------------------------------- the queue

export interface QueueFilters {
  region?: string;
  dataset?: string;
  author?: number;
}

/** What an item would publish, and (a revision) what is published today. */
type QueueValues = FigureValues;

export type QueueItem =
  | {
      kind: "figure" | "revision";
      /** The figure's id (what /figures/[id] and the review API take). */
      id: number;
      unit: string;
      author: { id: number; name: string } | null;
      submittedAt: string | null;
      /** What would be published. */
      proposed: QueueValues;
      /** For a revision: the values published today. */
      published: QueueValues | null;
    }
  | { kind: "import"; id: number; fileName: string; author: { id: number; name: string } | null; submittedAt: string; created: number; updated: number };

/** The queue's limit: a reviewer works from the oldest; an import batch is one item whatever its size. */
const QUEUE_TAKE = 200;

const notOwnImport = (reviewer: Reviewer) => ({ OR: [{ userId: null }, { userId: { not: reviewer.id } }] });

const regionIn = (codes: string[]) => ({ OR: [{ pcode: { in: codes } }, { parent: { pcode: { in: codes } } }] });

/** Records within a scope: a listed region or one of its cercles, a listed dataset (a revision's figure must be too). */
function inScope(scope: Scope): Prisma.FigureWhereInput {
  return {
    ...(scope.regions.length ? { region: regionIn(scope.regions) } : {}),
    ...(scope.datasets.length ? { dataset: { code: { in: scope.datasets } } } : {}),
  };
}

/** What a reviewer may review, as SQL filters on a figure or revision: in their scope, not their own, submitted. */
function reviewableWhere(reviewer: Reviewer, filters: QueueFilters, author: "updatedById" | "authorId") {
  const scope: Scope = reviewer.scope;
  return {
    status: "submitted" as const,
    // An import's figures are reviewed as its batch (one queue item).
    OR: [{ importId: null }, { import: { review: { not: "submitted" as const } } }],
    AND: [
      // Never one's own (four eyes); an author whose account is gone is anyone's to review.
      { OR: [{ [author]: null }, { [author]: { not: reviewer.id } }] },
      ...(filters.author ? [{ [author]: filters.author }] : []),
      ...(scope.regions.length ? [{ region: regionIn(scope.regions) }] : []),
      ...(scope.datasets.length ? [{ dataset: { code: { in: scope.datasets } } }] : []),
      ...(filters.region ? [{ region: { OR: [{ pcode: filters.region }, { parent: { pcode: filters.region } }] } }] : []),
      ...(filters.dataset ? [{ dataset: { code: filters.dataset } }] : []),
    ],
  };
}


const valuesInclude = {
  indicator: { select: { code: true, unit: true } },
  region: { select: { pcode: true } },
  dataset: { select: { code: true, name: true } },
  source: { select: { organisation: true, title: true, url: true, publishedOn: true } },
} as const;

/** What waits for this reviewer, oldest submitted first: figures, revisions and import batches. */
export async function reviewQueue(reviewer: Reviewer, filters: QueueFilters = {}): Promise<QueueItem[]> {
  if (!can(reviewer.role, "figures:review")) return [];
  const [figures, revisions, imports] = await Promise.all([
    db().figure.findMany({
      where: reviewableWhere(reviewer, filters, "updatedById") as Prisma.FigureWhereInput,
      include: { ...valuesInclude, updatedBy: { select: { id: true, name: true } } },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: QUEUE_TAKE,
    }),
    db().figureRevision.findMany({
      where: { ...(reviewableWhere(reviewer, filters, "authorId") as Prisma.FigureRevisionWhereInput), figure: inScope(reviewer.scope) },
      include: { ...valuesInclude, author: { select: { id: true, name: true } }, figure: { include: valuesInclude } },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: QUEUE_TAKE,
    }),
    // A batch spans regions and datasets: listed unless the queue is narrowed to one (its own page refuses rows outside the scope).
    filters.region || filters.dataset
      ? []
      : db().import.findMany({
          where: { review: "submitted", status: "committed", ...(filters.author ? { userId: filters.author } : {}), ...notOwnImport(reviewer) },
          include: { user: { select: { id: true, name: true } } },
          orderBy: { createdAt: "asc" },
          take: QUEUE_TAKE,
        }),
  ]);
  const items: QueueItem[] = [
    ...figures.map((f): QueueItem => ({ kind: "figure", id: f.id, unit: f.indicator.unit, author: f.updatedBy, submittedAt: f.submittedAt?.toISOString() ?? null, proposed: figureValues(f), published: null })),
    ...revisions.map((r): QueueItem => ({ kind: "revision", id: r.figureId, unit: r.indicator.unit, author: r.author, submittedAt: r.submittedAt?.toISOString() ?? null, proposed: figureValues(r), published: figureValues(r.figure) })),
    ...imports.map((i): QueueItem => ({ kind: "import", id: i.id, fileName: i.fileName, author: i.user, submittedAt: i.createdAt.toISOString(), created: i.created, updated: i.updated })),
  ];
  return items.sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "")).slice(0, QUEUE_TAKE);
}

/** How many items wait for this reviewer (the navigation's badge). */
export async function reviewCount(reviewer: Reviewer): Promise<number> {
  if (!can(reviewer.role, "figures:review")) return 0;
  // Asked by the header of every page a reviewer opens: three counts over the pending rows cost a
  // reviewer's pages half their time at a million figures (bench step 7), so they are kept until
  // what waits changes: figures, revisions and imports move the review queue's version.
  return cachedRead(`review-count:${reviewer.id}:${reviewer.role}:${JSON.stringify(reviewer.scope)}`, () => countReviewable(reviewer), "review");
}

async function countReviewable(reviewer: Reviewer): Promise<number> {
  const [figures, revisions, imports] = await Promise.all([
    db().figure.count({ where: reviewableWhere(reviewer, {}, "updatedById") as Prisma.FigureWhereInput }),
    db().figureRevision.count({ where: { ...(reviewableWhere(reviewer, {}, "authorId") as Prisma.FigureRevisionWhereInput), figure: inScope(reviewer.scope) } }),
    db().import.count({ where: { review: "submitted", status: "committed", ...notOwnImport(reviewer) } }),
  ]);
  return figures + revisions + imports;
}

/** Where figure `id` stands in review: what a review would act on (its pending revision, else itself) and its author. */
export async function reviewState(id: number): Promise<(Pick<Target, "revisionId" | "authorId" | "status"> & { needsReview: boolean }) | null> {
  const [t, figure] = await Promise.all([targets([id]).then((m) => m.get(id)), db().figure.findUnique({ where: { id }, select: { dataset: { select: { needsReview: true } } } })]);
  return t && figure ? { revisionId: t.revisionId, authorId: t.authorId, status: t.status, needsReview: figure.dataset.needsReview } : null;
}

/** Whether `reviewer` may approve or return figure `id` now (the figure page's buttons). */
export async function mayReview(id: number, reviewer: Reviewer): Promise<boolean> {
  const t = (await targets([id])).get(id);
  const figure = await db().figure.findUnique({ where: { id }, select: { region: { select: { pcode: true } }, dataset: { select: { code: true } } } });
  return !!t && !!figure && (await refusalOf(reviewer, t, { region: figure.region.pcode, dataset: figure.dataset.code })) === null;
}

/** The codes of the datasets that need review (the figure form offers "Save draft" and "Submit for review" for them). */
export async function datasetsNeedingReview(): Promise<string[]> {
  return (await db().dataset.findMany({ where: { needsReview: true }, select: { code: true }, orderBy: { code: "asc" } })).map((d) => d.code);
}

/** The people whose work waits in the queue (its author filter). */
export async function queueAuthors(): Promise<{ id: number; name: string }[]> {
  return db().user.findMany({
    where: { OR: [{ figuresUpdated: { some: { status: "submitted" } } }, { revisionsAuthored: { some: { status: "submitted" } } }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
