// The one translation of a reader's Visibility (lib/auth/visibility.ts) into
// queries: a Prisma where for figure lists, and a figure source for raw SQL
// aggregates. Both say what mayReadRecord says of each record (the
// integration test tests/integration/visibility.test.ts checks they agree).
// The fast path (a viewer, a public link, every export of an unscoped user)
// is `status = 'published'` and nothing else, so the planner keeps using the
// indexes it used before figures had a status.
import { Prisma } from "../generated/prisma/client";
import type { Scope } from "../auth/scope";
import { isPlainPublished, type Visibility } from "../auth/visibility";

// ---------------------------------------------------------------- Prisma ----

/**
 * The records of a scope: its regions (a region grants its cercles; never the
 * country) and its datasets; null when it has no limit. (Never `{}`: Prisma
 * drops an empty object inside OR, which would then match nothing.)
 */
function scopeWhere(scope: Scope): Prisma.FigureWhereInput & Prisma.FigureRevisionWhereInput | null {
  const parts: (Prisma.FigureWhereInput & Prisma.FigureRevisionWhereInput)[] = [];
  if (scope.regions.length) parts.push({ region: { level: { gt: 0 }, OR: [{ pcode: { in: scope.regions } }, { parent: { pcode: { in: scope.regions } } }] } });
  if (scope.datasets.length) parts.push({ dataset: { code: { in: scope.datasets } } });
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0]! : { AND: parts };
}

/** The unpublished records (figures by `updatedById`, revisions by `authorId`) a reader may see; null: every one; "none": none. */
function unpublishedOf<W>(v: Visibility, own: (userId: number) => W, inScope: W | null): W | null | "none" {
  if (v.unpublished === "none") return "none";
  const mine = v.userId !== null ? own(v.userId) : null;
  if (v.unpublished === "own") return mine ?? "none";
  if (!inScope) return null; // a reviewer without a scope reviews everything
  return mine ? ({ OR: [mine, inScope] } as W) : inScope;
}

/** The figures a reader may see, for lists (API, /figures, exports). */
export function visibleFigureWhere(v: Visibility): Prisma.FigureWhereInput {
  if (isPlainPublished(v)) return { status: "published" };
  const unpublished = unpublishedOf<Prisma.FigureWhereInput>(v, (id) => ({ updatedById: id }), scopeWhere(v.scope));
  const status: Prisma.FigureWhereInput =
    unpublished === "none" ? { status: "published" } : unpublished === null ? {} : { OR: [{ status: "published" }, { AND: [{ status: { not: "published" } }, unpublished] }] };
  const readScope = v.scope.readScoped ? scopeWhere(v.scope) : null;
  return readScope ? { AND: [status, readScope] } : status;
}

/** The revisions a reader may see (what mayReadRecord says of the revision as a record); null when none. */
export function visibleRevisionWhere(v: Visibility): Prisma.FigureRevisionWhereInput | null {
  const unpublished = unpublishedOf<Prisma.FigureRevisionWhereInput>(v, (id) => ({ authorId: id }), scopeWhere(v.scope));
  if (unpublished === "none") return null;
  const readScope = v.scope.readScoped ? scopeWhere(v.scope) : null;
  const parts = [unpublished, readScope].filter((p): p is Prisma.FigureRevisionWhereInput => p !== null);
  return { AND: parts };
}

// ------------------------------------------------------------------- SQL ----

const TRUE = Prisma.sql`TRUE`;

/** `alias`'s row lies in the scope: its region or the region's parent listed (never the country), its dataset listed. */
function scopeSql(scope: Scope, alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  const parts: Prisma.Sql[] = [];
  if (scope.regions.length) {
    const listed = Prisma.join(scope.regions);
    parts.push(Prisma.sql`${a}.region_id IN (SELECT sr.id FROM regions sr LEFT JOIN regions sp ON sp.id = sr.parent_id
                                              WHERE sr.level > 0 AND (sr.pcode IN (${listed}) OR sp.pcode IN (${listed})))`);
  }
  if (scope.datasets.length) parts.push(Prisma.sql`${a}.dataset_id IN (SELECT sd.id FROM datasets sd WHERE sd.code IN (${Prisma.join(scope.datasets)}))`);
  return parts.length ? Prisma.join(parts, " AND ") : TRUE;
}

/** An unpublished row (figure or revision) the reader may see: their own (`author` column), or any in scope for "reviewable". */
function unpublishedSql(v: Visibility, alias: string, author: string): Prisma.Sql {
  const own = v.userId !== null ? Prisma.sql`${Prisma.raw(`${alias}.${author}`)} = ${v.userId}` : Prisma.sql`FALSE`;
  if (v.unpublished === "none") return Prisma.sql`FALSE`;
  if (v.unpublished === "own") return own;
  return Prisma.sql`(${own} OR (${scopeSql(v.scope, alias)}))`;
}

/** The columns every aggregate reads, in one order, for figures and revisions alike. */
const COLUMNS = Prisma.raw("id, indicator_id, region_id, period_start, period_end, ch_phase, ch_status, sector, disaggregation_key, value, dataset_id, source_id, note");
const REVISION_COLUMNS = Prisma.raw(
  "rv.figure_id AS id, rv.indicator_id, rv.region_id, rv.period_start, rv.period_end, rv.ch_phase, rv.ch_status, rv.sector, rv.disaggregation_key, rv.value, rv.dataset_id, rv.source_id, rv.note",
);

/**
 * The figures a reader's aggregates draw, as a FROM item named `alias`
 * (`FROM ${visibleFigures(v, "f")} JOIN …`). Published only: the table with
 * `status = 'published'` (and the read scope), which PostgreSQL flattens into
 * the outer query. With unpublished figures (a reviewer's "include
 * unpublished"): published figures without a visible pending revision, the
 * visible revisions in their place (under the figure's id), and the visible
 * unpublished figures. Pass forAggregates(v) or publishedOnly(v): an author's
 * own drafts never reach a chart.
 */
export function visibleFigures(v: Visibility, alias = "f"): Prisma.Sql {
  const a = Prisma.raw(alias);
  const readScope = v.scope.readScoped ? scopeSql(v.scope, "vf") : TRUE;
  if (v.unpublished === "none") {
    if (!v.scope.readScoped) return Prisma.sql`(SELECT ${COLUMNS} FROM figures WHERE status = 'published') ${a}`;
    return Prisma.sql`(SELECT ${COLUMNS} FROM figures vf WHERE vf.status = 'published' AND ${readScope}) ${a}`;
  }
  const revisionVisible = unpublishedSql(v, "rv", "author_id");
  return Prisma.sql`(
    SELECT ${COLUMNS} FROM figures vf
     WHERE vf.status = 'published' AND ${readScope}
       AND NOT EXISTS (SELECT 1 FROM figure_revisions rv WHERE rv.figure_id = vf.id AND ${revisionVisible} AND ${v.scope.readScoped ? scopeSql(v.scope, "rv") : TRUE})
    UNION ALL
    SELECT ${REVISION_COLUMNS} FROM figure_revisions rv WHERE ${revisionVisible} AND ${v.scope.readScoped ? scopeSql(v.scope, "rv") : TRUE}
    UNION ALL
    SELECT ${COLUMNS} FROM figures vf WHERE vf.status <> 'published' AND ${unpublishedSql(v, "vf", "updated_by_id")} AND ${readScope}
  ) ${a}`;
}
