// Aggregated reads for the dashboards: series of (region, period, value)
// already filtered and aggregated in PostgreSQL, so pages send a few hundred
// points to the browser, never raw rows. Values become JavaScript numbers here
// for drawing only; stored values stay exact.
import { Prisma } from "../generated/prisma/client";
import { db } from "../db/client";
import { toIsoDate } from "../domain/dates";
import { cachedRead } from "./cache";
import { summariseSources, type SourceSummary } from "../domain/sources";
import type { SourceDto } from "./figures";

export interface SeriesPoint {
  region: string;
  start: string;
  end: string;
  /** The disaggregation key ('' for none, 'status=projected', 'phase=3;status=current', 'sector=health'). */
  key: string;
  /** The sector as written by its source (the key is lower-cased). */
  sector: string | null;
  value: number;
  sourceId: number;
}

export interface SeriesQuery {
  indicator: string;
  /** Only these P-codes; else every region of `level`. */
  regions?: string[];
  level?: 0 | 1 | 2;
  from?: string;
  to?: string;
  /** Only these disaggregation keys (exact). */
  keys?: string[];
  /** Only keys starting with this prefix (e.g. 'sector='). */
  keyPrefix?: string;
}

interface PointRow {
  region: string;
  period_start: Date;
  period_end: Date;
  key: string;
  sector: string | null;
  value: number;
  source_id: number;
}

/** Cached by dashboard version (lib/data/cache.ts); callers must not mutate the result. */
export function seriesPoints(q: SeriesQuery): Promise<SeriesPoint[]> {
  return cachedRead(`series:${JSON.stringify(q)}`, () => querySeries(q));
}

async function querySeries(q: SeriesQuery): Promise<SeriesPoint[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`f.indicator_id = (SELECT id FROM indicators WHERE code = ${q.indicator})`];
  if (q.regions?.length) conditions.push(Prisma.sql`r.pcode IN (${Prisma.join(q.regions)})`);
  else if (q.level !== undefined) conditions.push(Prisma.sql`r.level = ${q.level}`);
  // A figure belongs to the range when its period overlaps it.
  if (q.from) conditions.push(Prisma.sql`f.period_end >= ${q.from}::date`);
  if (q.to) conditions.push(Prisma.sql`f.period_start <= ${q.to}::date`);
  if (q.keys?.length) conditions.push(Prisma.sql`f.disaggregation_key IN (${Prisma.join(q.keys)})`);
  if (q.keyPrefix) conditions.push(Prisma.sql`f.disaggregation_key LIKE ${`${q.keyPrefix}%`}`);
  const rows = await db().$queryRaw<PointRow[]>`
    SELECT r.pcode AS region, f.period_start, f.period_end, f.disaggregation_key AS key, f.sector,
           f.value::float8 AS value, f.source_id
      FROM figures f JOIN regions r ON r.id = f.region_id
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY f.period_end, r.pcode, f.disaggregation_key`;
  return rows.map((r) => ({
    region: r.region,
    start: toIsoDate(r.period_start),
    end: toIsoDate(r.period_end),
    key: r.key,
    sector: r.sector,
    value: r.value,
    sourceId: r.source_id,
  }));
}

/** A chart's source line for a set of points: one entry per organisation. */
export async function sourceLine(points: { sourceId: number }[]): Promise<SourceSummary[]> {
  return summariseSources(await sourcesOf(points));
}

/** The sources behind a set of points. */
export async function sourcesOf(points: { sourceId: number }[]): Promise<SourceDto[]> {
  const ids = [...new Set(points.map((p) => p.sourceId))].sort((a, b) => a - b);
  if (!ids.length) return [];
  return cachedRead(`sources:${ids.join(",")}`, () => querySources(ids));
}

async function querySources(ids: number[]): Promise<SourceDto[]> {
  const rows = await db().source.findMany({ where: { id: { in: ids } }, orderBy: { publishedOn: "desc" } });
  return rows.map((s) => ({ organisation: s.organisation, title: s.title, url: s.url, date: toIsoDate(s.publishedOn) }));
}

export interface PeriodOption {
  start: string;
  end: string;
}

/** The distinct periods an indicator has figures for at `level`, newest first. */
export function periodsOf(indicator: string, level: 0 | 1 | 2, keyPrefix = ""): Promise<PeriodOption[]> {
  return cachedRead(`periods:${indicator}:${level}:${keyPrefix}`, () => queryPeriods(indicator, level, keyPrefix));
}

async function queryPeriods(indicator: string, level: 0 | 1 | 2, keyPrefix: string): Promise<PeriodOption[]> {
  const rows = await db().$queryRaw<{ period_start: Date; period_end: Date }[]>`
    SELECT DISTINCT f.period_start, f.period_end
      FROM figures f JOIN regions r ON r.id = f.region_id
     WHERE f.indicator_id = (SELECT id FROM indicators WHERE code = ${indicator})
       AND r.level = ${level} AND f.disaggregation_key LIKE ${`${keyPrefix}%`}
     ORDER BY f.period_end DESC, f.period_start DESC`;
  return rows.map((r) => ({ start: toIsoDate(r.period_start), end: toIsoDate(r.period_end) }));
}

export interface RegionLatest {
  indicator: string;
  key: string;
  start: string;
  end: string;
  value: number;
  /** The national figure for the same indicator, disaggregation and period, if any. */
  national: number | null;
  sourceId: number;
}

/**
 * The latest figure of each indicator (and CH status or none; per-phase and
 * per-sector breakdowns excluded) for one region, next to the national figure
 * of the same period for its share.
 */
export function latestForRegion(pcode: string): Promise<RegionLatest[]> {
  return cachedRead(`latest:${pcode}`, () => queryLatestForRegion(pcode));
}

async function queryLatestForRegion(pcode: string): Promise<RegionLatest[]> {
  const rows = await db().$queryRaw<{ indicator: string; key: string; period_start: Date; period_end: Date; value: number; national: number | null; source_id: number }[]>`
    SELECT DISTINCT ON (i.sort_order, f.disaggregation_key)
           i.code AS indicator, f.disaggregation_key AS key, f.period_start, f.period_end,
           f.value::float8 AS value, n.value::float8 AS national, f.source_id
      FROM figures f
      JOIN regions r ON r.id = f.region_id AND r.pcode = ${pcode}
      JOIN indicators i ON i.id = f.indicator_id
      LEFT JOIN figures n ON n.indicator_id = f.indicator_id AND n.disaggregation_key = f.disaggregation_key
                         AND n.period_start = f.period_start AND n.period_end = f.period_end
                         AND n.region_id = (SELECT id FROM regions WHERE level = 0 ORDER BY id LIMIT 1)
     WHERE f.ch_phase IS NULL AND f.sector IS NULL
     ORDER BY i.sort_order, f.disaggregation_key, f.period_end DESC, f.period_start DESC`;
  return rows.map((r) => ({
    indicator: r.indicator,
    key: r.key,
    start: toIsoDate(r.period_start),
    end: toIsoDate(r.period_end),
    value: r.value,
    national: r.national,
    sourceId: r.source_id,
  }));
}
