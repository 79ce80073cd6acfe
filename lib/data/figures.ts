// Reading figures: the API's list and the dashboard's latest values.
import { db } from "../db/client";
import { toIsoDate } from "../domain/dates";
import { toDisaggregation, type Disaggregation } from "../domain/disaggregation";
import type { Prisma } from "../generated/prisma/client";
import type { FiguresQuery } from "../validation/figures-query";

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
}

export const figureInclude = {
  indicator: { select: { code: true, unit: true } },
  region: { select: { pcode: true } },
  dataset: { select: { code: true, name: true } },
  source: true,
} satisfies Prisma.FigureInclude;

type FigureRow = Prisma.FigureGetPayload<{ include: typeof figureInclude }>;

export function toFigureDto(f: FigureRow): FigureDto {
  return {
    id: f.id,
    indicator: f.indicator.code,
    region: f.region.pcode,
    periodStart: toIsoDate(f.periodStart),
    periodEnd: toIsoDate(f.periodEnd),
    disaggregation: toDisaggregation(f),
    value: Number(f.value.toString()),
    unit: f.indicator.unit,
    dataset: { code: f.dataset.code, name: f.dataset.name },
    source: {
      organisation: f.source.organisation,
      title: f.source.title,
      url: f.source.url,
      date: toIsoDate(f.source.publishedOn),
    },
    note: f.note,
    version: f.version,
    updatedAt: f.updatedAt.toISOString(),
    importId: f.importId,
  };
}

type FigureFilters = Pick<FiguresQuery, "indicator" | "region" | "from" | "to"> & { dataset?: string[] };

function whereFor(q: FigureFilters): Prisma.FigureWhereInput {
  return {
    ...(q.indicator.length ? { indicator: { code: { in: q.indicator } } } : {}),
    ...(q.dataset?.length ? { dataset: { code: { in: q.dataset } } } : {}),
    ...(q.region.length ? { region: { pcode: { in: q.region } } } : {}),
    // A figure matches when its period overlaps [from, to].
    ...(q.from ? { periodEnd: { gte: q.from } } : {}),
    ...(q.to ? { periodStart: { lte: q.to } } : {}),
  };
}

/**
 * Every figure matching the filters, in the API's order, `batch` at a time:
 * keyset paging on (indicator, region, start, id), so a large export reads
 * each page by index instead of skipping ever more rows.
 */
export async function* streamFigures(q: FigureFilters, batch = 5_000): AsyncGenerator<FigureDto[]> {
  const where = whereFor(q);
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
    if (page.length) yield page.map(toFigureDto);
    if (page.length < batch) return;
    const last = page.at(-1)!;
    after = { indicatorId: last.indicatorId, regionId: last.regionId, periodStart: last.periodStart, id: last.id };
  }
}

/** How many figures match the filters. */
export function countFigures(q: FigureFilters): Promise<number> {
  return db().figure.count({ where: whereFor(q) });
}

/** What an HXL export needs before its rows: the areas' levels and the (indicator, CH phase) pairs present. */
export async function exportShape(q: FigureFilters): Promise<{ levels: number[]; combos: { indicator: string; chPhase: number | null }[]; count: number }> {
  const where = whereFor(q);
  const [groups, count] = await Promise.all([
    db().figure.groupBy({ by: ["indicatorId", "regionId", "chPhase"], where }),
    countFigures(q),
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

export async function listFigures(q: FiguresQuery): Promise<{ data: FigureDto[]; total: number }> {
  const where = whereFor(q);
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
  return { data: rows.map(toFigureDto), total };
}

/** The most recently changed figures, for the figures page. */
export async function recentFigures(filter: { indicator?: string; region?: string; dataset?: string }, take = 100): Promise<FigureDto[]> {
  const rows = await db().figure.findMany({
    where: {
      ...(filter.indicator ? { indicator: { code: filter.indicator } } : {}),
      ...(filter.region ? { region: { pcode: filter.region } } : {}),
      ...(filter.dataset ? { dataset: { code: filter.dataset } } : {}),
    },
    include: figureInclude,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map(toFigureDto);
}
