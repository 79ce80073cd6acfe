// Reading figures: the API's list and the dashboard's latest values.
import { db } from "../db/client";
import { cachedRead } from "./cache";
import { toIsoDate } from "../domain/dates";
import { toDisaggregation, type Disaggregation } from "../domain/disaggregation";
import type { Prisma } from "../generated/prisma/client";
import type { ChStatus, FigureStatus } from "../generated/prisma/enums";
import { encodeFigureCursor, type FigureCursor } from "../domain/figure-cursor";
import type { FiguresQuery } from "../validation/figures-query";
import { mayReadRecord, visibilityKey, type Visibility } from "../auth/visibility";
import { visibleFigureWhere, visibleRevisionWhere } from "./visibility-sql";

export interface SourceDto {
  organisation: string;
  title: string;
  url: string;
  date: string;
}

export interface DatasetRefDto {
  code: string;
  name: string;
}

export interface FigureDto {
  id: number;
  indicator: string;
  region: string;
  periodStart: string;
  periodEnd: string;
  disaggregation: Disaggregation | null;
  value: number;
  unit: string;
  /** The series or report the figure belongs to (its source's). */
  dataset: DatasetRefDto;
  source: SourceDto;
  note: string | null;
  version: number;
  updatedAt: string;
  /** The import that last wrote it, if any. */
  importId: number | null;
  /** draft, submitted, published or returned (lib/auth/visibility.ts says who sees which). */
  status: FigureStatus;
  /** The reviewer's comment when it was returned. */
  reviewComment: string | null;
  /** A change to this published figure waiting for review, if any: the figure's own values stay published until it is approved. */
  pendingRevision: RevisionDto | null;
}

/** A pending change to a published figure: the values it would publish. */
export interface RevisionDto {
  status: FigureStatus;
  indicator: string;
  region: string;
  periodStart: string;
  periodEnd: string;
  disaggregation: Disaggregation | null;
  value: number;
  dataset: DatasetRefDto;
  source: SourceDto;
  note: string | null;
  authorId: number | null;
  reviewComment: string | null;
  submittedAt: string | null;
  version: number;
}

const placeSelect = { select: { pcode: true, level: true, parent: { select: { pcode: true } } } } as const;

const revisionInclude = {
  indicator: { select: { code: true } },
  region: placeSelect,
  dataset: { select: { code: true, name: true } },
  source: true,
} satisfies Prisma.FigureRevisionInclude;

export const figureInclude = {
  indicator: { select: { code: true, unit: true } },
  region: placeSelect,
  dataset: { select: { code: true, name: true } },
  source: true,
  revision: { include: revisionInclude },
} satisfies Prisma.FigureInclude;

type RevisionRow = Prisma.FigureRevisionGetPayload<{ include: typeof revisionInclude }>;

const sourceDto = (s: { organisation: string; title: string; url: string; publishedOn: Date }): SourceDto => ({ organisation: s.organisation, title: s.title, url: s.url, date: toIsoDate(s.publishedOn) });

/** The values a figure or a pending revision holds: what readers see, writers send and reviewers compare. */
export type FigureValues = Pick<FigureDto, "indicator" | "region" | "periodStart" | "periodEnd" | "disaggregation" | "value" | "dataset" | "source" | "note">;

/** A figure's or a revision's row with its indicator, region, dataset and source. */
interface ValuesRow {
  indicator: { code: string };
  region: { pcode: string };
  periodStart: Date;
  periodEnd: Date;
  chPhase: number | null;
  chStatus: ChStatus | null;
  sector: string | null;
  value: { toString(): string };
  dataset: { code: string; name: string };
  source: { organisation: string; title: string; url: string; publishedOn: Date };
  note: string | null;
}

/** The one mapping of a stored figure's or revision's values to the API's shape. */
export function figureValues(r: ValuesRow): FigureValues {
  return {
    indicator: r.indicator.code,
    region: r.region.pcode,
    periodStart: toIsoDate(r.periodStart),
    periodEnd: toIsoDate(r.periodEnd),
    disaggregation: toDisaggregation(r),
    value: Number(r.value.toString()),
    dataset: { code: r.dataset.code, name: r.dataset.name },
    source: sourceDto(r.source),
    note: r.note,
  };
}

export function toRevisionDto(r: RevisionRow): RevisionDto {
  return {
    status: r.status,
    ...figureValues(r),
    authorId: r.authorId,
    reviewComment: r.reviewComment,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    version: r.version,
  };
}

type FigureRow = Prisma.FigureGetPayload<{ include: typeof figureInclude }>;

const placeOfRow = (r: { pcode: string; level: number; parent: { pcode: string } | null }) => ({ pcode: r.pcode, level: r.level, parent: r.parent?.pcode ?? null });

/** Whether `v` may read a figure's pending revision, checked on the revision itself (its status, author, place and dataset). */
export function mayReadRevision(v: Visibility, r: RevisionRow): boolean {
  return mayReadRecord(v, { status: r.status, authorId: r.authorId, place: placeOfRow(r.region), dataset: r.dataset.code });
}

/** Whether `v` may read a figure row itself (single records: the API, the figure page, its history). */
export function mayReadFigure(v: Visibility, f: FigureRow): boolean {
  return mayReadRecord(v, { status: f.status, authorId: f.updatedById, place: placeOfRow(f.region), dataset: f.dataset.code });
}

/** A figure whole, its pending revision included: what writes answer and audit. Reads use toVisibleFigureDto. */
export function toFigureDto(f: FigureRow): FigureDto {
  return {
    id: f.id,
    ...figureValues(f),
    unit: f.indicator.unit,
    version: f.version,
    updatedAt: f.updatedAt.toISOString(),
    importId: f.importId,
    status: f.status,
    reviewComment: f.reviewComment,
    pendingRevision: f.revision ? toRevisionDto(f.revision) : null,
  };
}

/**
 * A figure as `v` reads it: its pending revision only for a reader who may
 * see it (a viewer never meets an unpublished value, not even in the JSON).
 */
export function toVisibleFigureDto(f: FigureRow, v: Visibility): FigureDto {
  const dto = toFigureDto(f);
  return dto.pendingRevision && !mayReadRevision(v, f.revision!) ? { ...dto, pendingRevision: null } : dto;
}

/** One figure, or null when there is none or `v` may not read it (checked on the record: its status, author, place, dataset). */
export async function readFigure(v: Visibility, id: number): Promise<FigureDto | null> {
  const row = await db().figure.findUnique({ where: { id }, include: figureInclude });
  return row && mayReadFigure(v, row) ? toVisibleFigureDto(row, v) : null;
}

export type FigureFilters = Pick<FiguresQuery, "indicator" | "region" | "from" | "to"> & {
  dataset?: string[];
  q?: string;
  changedBy?: number;
  /** Only figures in these statuses (or with a pending revision in one the reader may see); absent: every status the reader may see. */
  status?: FigureStatus[];
};

const ALL_STATUSES: readonly FigureStatus[] = ["draft", "submitted", "published", "returned"];

/** The status filter: a figure's own status, or its pending revision's when the reader may see the revision. */
function statusWhere(statuses: FigureStatus[] | undefined, v: Visibility): Prisma.FigureWhereInput | null {
  if (!statuses || ALL_STATUSES.every((s) => statuses.includes(s))) return null;
  const revisions = visibleRevisionWhere(v);
  const unpublished = statuses.filter((s) => s !== "published");
  if (!revisions || !unpublished.length) return { status: { in: statuses } };
  return { OR: [{ status: { in: statuses } }, { revision: { is: { AND: [{ status: { in: unpublished } }, revisions] } } }] };
}

/**
 * The one reading of the figure filters, for the API, its exports and the
 * /figures page, always within what `v` may read (lib/data/visibility-sql.ts).
 */
function whereFor(q: FigureFilters, v: Visibility): Prisma.FigureWhereInput {
  const visible = visibleFigureWhere(v);
  const status = statusWhere(q.status, v);
  const filters = filtersWhere(q);
  return { AND: [visible, ...(status ? [status] : []), filters] };
}

function filtersWhere(q: FigureFilters): Prisma.FigureWhereInput {
  const text = q.q ? { contains: q.q, mode: "insensitive" as const } : null;
  return {
    ...(q.indicator.length ? { indicator: { code: { in: q.indicator } } } : {}),
    ...(q.dataset?.length ? { dataset: { code: { in: q.dataset } } } : {}),
    ...(q.region.length ? { region: { pcode: { in: q.region } } } : {}),
    // A figure matches when its period overlaps [from, to].
    ...(q.from ? { periodEnd: { gte: q.from } } : {}),
    ...(q.to ? { periodStart: { lte: q.to } } : {}),
    ...(q.changedBy ? { updatedById: q.changedBy } : {}),
    // Names live in small tables (one subquery each); only the note is searched row by row.
    ...(text
      ? {
          OR: [
            { indicator: { OR: [{ nameEn: text }, { nameFr: text }] } },
            { region: { OR: [{ nameEn: text }, { nameFr: text }] } },
            { source: { title: text } },
            { note: text },
          ],
        }
      : {}),
  };
}

/**
 * Every figure matching the filters, in the API's order, `batch` at a time:
 * keyset paging on (indicator, region, start, id), so a large export reads
 * each page by index instead of skipping ever more rows.
 */
export async function* streamFigures(v: Visibility, q: FigureFilters, batch = 5_000): AsyncGenerator<FigureDto[]> {
  const where = whereFor(q, v);
  let after: { indicatorId: number; regionId: number; periodStart: Date; id: number } | null = null;
  for (;;) {
    const page: FigureRow[] = await db().figure.findMany({
      where: after
        ? {
            AND: [
              where,
              {
                OR: [
                  { indicatorId: { gt: after.indicatorId } },
                  { indicatorId: after.indicatorId, regionId: { gt: after.regionId } },
                  { indicatorId: after.indicatorId, regionId: after.regionId, periodStart: { gt: after.periodStart } },
                  { indicatorId: after.indicatorId, regionId: after.regionId, periodStart: after.periodStart, id: { gt: after.id } },
                ],
              },
            ],
          }
        : where,
      include: figureInclude,
      orderBy: [{ indicatorId: "asc" }, { regionId: "asc" }, { periodStart: "asc" }, { id: "asc" }],
      take: batch,
    });
    if (page.length) yield page.map((f) => toVisibleFigureDto(f, v));
    if (page.length < batch) return;
    const last = page.at(-1)!;
    after = { indicatorId: last.indicatorId, regionId: last.regionId, periodStart: last.periodStart, id: last.id };
  }
}

/** How many figures match the filters. */
export function countFigures(v: Visibility, q: FigureFilters): Promise<number> {
  return db().figure.count({ where: whereFor(q, v) });
}

/** What an HXL export needs before its rows: the areas' levels and the (indicator, CH phase) pairs present. */
export async function exportShape(v: Visibility, q: FigureFilters): Promise<{ levels: number[]; combos: { indicator: string; chPhase: number | null }[]; count: number }> {
  const where = whereFor(q, v);
  const [groups, count] = await Promise.all([
    db().figure.groupBy({ by: ["indicatorId", "regionId", "chPhase"], where }),
    countFigures(v, q),
  ]);
  const [indicators, regions] = await Promise.all([
    db().indicator.findMany({ where: { id: { in: [...new Set(groups.map((g) => g.indicatorId))] } }, select: { id: true, code: true, sortOrder: true } }),
    db().region.findMany({ where: { id: { in: [...new Set(groups.map((g) => g.regionId))] } }, select: { id: true, level: true } }),
  ]);
  const code = new Map(indicators.map((i) => [i.id, i]));
  const combos = new Map<string, { indicator: string; chPhase: number | null; order: number }>();
  for (const g of groups) {
    const i = code.get(g.indicatorId)!;
    combos.set(`${i.code}|${g.chPhase}`, { indicator: i.code, chPhase: g.chPhase, order: i.sortOrder * 10 + (g.chPhase ?? 0) });
  }
  return {
    levels: [...new Set(regions.map((r) => r.level))].sort(),
    combos: [...combos.values()].sort((a, b) => a.order - b.order).map(({ indicator, chPhase }) => ({ indicator, chPhase })),
    count,
  };
}

export async function listFigures(v: Visibility, q: FiguresQuery & { status?: FigureStatus[] }): Promise<{ data: FigureDto[]; total: number }> {
  const where = whereFor(q, v);
  const [rows, total] = await Promise.all([
    db().figure.findMany({
      where,
      include: figureInclude,
      orderBy: [{ indicatorId: "asc" }, { regionId: "asc" }, { periodStart: "asc" }, { id: "asc" }],
      take: q.limit,
      skip: q.offset,
    }),
    db().figure.count({ where }),
  ]);
  return { data: rows.map((f) => toVisibleFigureDto(f, v)), total };
}

/** A row of the /figures page: the figure and who changed it last. */
export type ListedFigure = FigureDto & { changedBy: string | null };

export interface FigureListPage {
  data: ListedFigure[];
  /** Every figure matching the filters, across all pages. */
  total: number;
  /** The cursor of the following page (`?after=`), null on the last. */
  next: string | null;
  /** The cursor of the page before (`?before=`), null on the first. */
  previous: string | null;
}

const listInclude = { ...figureInclude, updatedBy: { select: { name: true } } } satisfies Prisma.FigureInclude;
type ListedRow = Prisma.FigureGetPayload<{ include: typeof listInclude }>;
const NEWEST_FIRST = [{ updatedAt: "desc" }, { id: "desc" }] satisfies Prisma.FigureOrderByWithRelationInput[];
const OLDEST_FIRST = [{ updatedAt: "asc" }, { id: "asc" }] satisfies Prisma.FigureOrderByWithRelationInput[];

/**
 * Up to `take` rows past `cursor` in the page order (newest first, or its
 * reverse for the page before). "Past (t, id)" is "same t, id beyond" then
 * "t beyond": two range scans of the (updated_at, id) index (or
 * (updated_by_id, updated_at, id) when filtered by user). One OR would make
 * PostgreSQL walk every row tied on t, and a seed or an import writes
 * thousands with one timestamp.
 */
async function rowsPast(where: Prisma.FigureWhereInput, cursor: FigureCursor | null, take: number, direction: "older" | "newer"): Promise<ListedRow[]> {
  const orderBy = direction === "older" ? NEWEST_FIRST : OLDEST_FIRST;
  const beyond = direction === "older" ? "lt" : "gt";
  if (!cursor) return db().figure.findMany({ where, include: listInclude, orderBy, take });
  const tied = await db().figure.findMany({ where: { AND: [where, { updatedAt: cursor.updatedAt, id: { [beyond]: cursor.id } }] }, include: listInclude, orderBy, take });
  if (tied.length === take) return tied;
  const rest = await db().figure.findMany({ where: { AND: [where, { updatedAt: { [beyond]: cursor.updatedAt } }] }, include: listInclude, orderBy, take: take - tied.length });
  return [...tied, ...rest];
}

function toListed(row: ListedRow, v: Visibility): ListedFigure {
  return { ...toVisibleFigureDto(row, v), changedBy: row.updatedBy?.name ?? null };
}

const cursorOf = (row: ListedRow): string => encodeFigureCursor({ updatedAt: row.updatedAt, id: row.id });

/**
 * One page of the /figures list: every figure matching the filters, the most
 * recently changed first (ties by id), keyset-paged so page 500 costs what
 * page 1 does; `before` reads the page before a cursor, `after` the one after.
 */
export async function figureListPage(v: Visibility, filters: FigureFilters, page: { after?: FigureCursor | null; before?: FigureCursor | null; take?: number } = {}): Promise<FigureListPage> {
  const take = page.take ?? 50;
  const where = whereFor(filters, v);
  // The count reads every matching row (about 0.1 s at a million figures): kept until the next write, for each filter and reader's visibility.
  const count = () => cachedRead(`figure-count:${visibilityKey(v)}:${JSON.stringify(filters)}`, () => db().figure.count({ where }));
  if (page.before) {
    const [newer, total] = await Promise.all([rowsPast(where, page.before, take + 1, "newer"), count()]);
    // Back at the top: the first page, full, as its own link shows it.
    if (newer.length <= take) return figureListPage(v, filters, { take });
    const rows = newer.slice(0, take).reverse();
    return { data: rows.map((r) => toListed(r, v)), total, next: cursorOf(rows.at(-1)!), previous: cursorOf(rows[0]!) };
  }
  const [older, total] = await Promise.all([rowsPast(where, page.after ?? null, take + 1, "older"), count()]);
  const rows = older.slice(0, take);
  return {
    data: rows.map((r) => toListed(r, v)),
    total,
    next: older.length > take ? cursorOf(rows.at(-1)!) : null,
    previous: page.after && rows.length ? cursorOf(rows[0]!) : null,
  };
}

/** Who last changed at least one figure the reader may see, by name: the choices of the page's "changed by" filter. */
export async function figureChangers(v: Visibility): Promise<{ id: number; name: string }[]> {
  return db().user.findMany({ where: { figuresUpdated: { some: visibleFigureWhere(v) } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
