// Aggregated reads for the dashboards: series of (region, period, value)
// already filtered and aggregated in PostgreSQL, so pages send a few hundred
// points to the browser, never raw rows. Values become JavaScript numbers here
// for drawing only; stored values stay exact.
import { Prisma } from "../generated/prisma/client";
import { db } from "../db/client";
import { toIsoDate } from "../domain/dates";
import { cachedRead } from "./cache";
import { splitByPreference } from "../domain/datasets";
import { summariseSources, type SourceSummary } from "../domain/sources";
import { datasetCatalogue, preferenceOf } from "./datasets";
import type { SourceDto } from "./figures";
import { visibilityKey, type Visibility } from "../auth/visibility";
import { visibleFigures } from "./visibility-sql";

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
  /** The dataset's code: a series draws one dataset only. */
  dataset: string;
  /** The source's publication date: "data as of" never goes past it (asOfDate). */
  publishedOn: string;
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
  /** Only these datasets (codes). */
  datasets?: string[];
  /**
   * Every dataset's points. Without it (and without `datasets`) each series
   * (a region and a breakdown) holds its preferred dataset only.
   */
  allDatasets?: boolean;
}

interface PointRow {
  region: string;
  period_start: Date;
  period_end: Date;
  key: string;
  sector: string | null;
  value: number;
  source_id: number;
  dataset: string;
  published_on: Date;
}

/** What a series is, for the choice of its dataset: a region and a breakdown. */
export const seriesIdentity = (p: Pick<SeriesPoint, "region" | "key">) => `${p.region}|${p.key}`;

/**
 * The points of a query, as `v` sees them (pass forAggregates(v) or
 * publishedOnly(v)). Cached by dashboard version and visibility
 * (lib/data/cache.ts); callers must not mutate the result. Unless the query
 * asks for datasets, each series draws its preferred dataset: charts never
 * join two datasets.
 */
export function seriesPoints(v: Visibility, q: SeriesQuery): Promise<SeriesPoint[]> {
  if (q.datasets?.length || q.allDatasets) return cachedRead(`series:${visibilityKey(v)}:${JSON.stringify(q)}`, () => querySeries(v, q), { indicators: [q.indicator] });
  return seriesWithComparisons(v, q).then((s) => s.drawn);
}

export interface SeriesWithComparisons {
  /** The preferred dataset's points of each series. */
  drawn: SeriesPoint[];
  /** Every other dataset's points: comparison lines, never joined to the drawn ones. */
  others: SeriesPoint[];
  /** Series identity (seriesIdentity) → the dataset it draws. */
  datasetOf: Map<string, string>;
}

export function seriesWithComparisons(v: Visibility, q: Omit<SeriesQuery, "allDatasets" | "datasets">): Promise<SeriesWithComparisons> {
  return cachedRead(`series-split:${visibilityKey(v)}:${JSON.stringify(q)}`, async () => {
    const [points, preference, catalogue] = await Promise.all([seriesPoints(v, { ...q, allDatasets: true }), preferenceOf(q.indicator), datasetCatalogue()]);
    return splitByPreference(points, seriesIdentity, preference, catalogue.kinds);
  }, { indicators: [q.indicator] });
}

async function querySeries(v: Visibility, q: SeriesQuery): Promise<SeriesPoint[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`f.indicator_id = (SELECT id FROM indicators WHERE code = ${q.indicator})`];
  if (q.regions?.length) conditions.push(Prisma.sql`r.pcode IN (${Prisma.join(q.regions)})`);
  else if (q.level !== undefined) conditions.push(Prisma.sql`r.level = ${q.level}`);
  // A figure belongs to the range when its period overlaps it.
  if (q.from) conditions.push(Prisma.sql`f.period_end >= ${q.from}::date`);
  if (q.to) conditions.push(Prisma.sql`f.period_start <= ${q.to}::date`);
  if (q.keys?.length) conditions.push(Prisma.sql`f.disaggregation_key IN (${Prisma.join(q.keys)})`);
  if (q.keyPrefix) conditions.push(Prisma.sql`f.disaggregation_key LIKE ${`${q.keyPrefix}%`}`);
  if (q.datasets?.length) conditions.push(Prisma.sql`d.code IN (${Prisma.join(q.datasets)})`);
  const rows = await db().$queryRaw<PointRow[]>`
    SELECT r.pcode AS region, f.period_start, f.period_end, f.disaggregation_key AS key, f.sector,
           f.value::float8 AS value, f.source_id, d.code AS dataset, s.published_on
      FROM ${visibleFigures(v, "f")} JOIN regions r ON r.id = f.region_id JOIN datasets d ON d.id = f.dataset_id
      JOIN sources s ON s.id = f.source_id
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY f.period_end, r.pcode, f.disaggregation_key, d.code`;
  return rows.map((r) => ({
    region: r.region,
    start: toIsoDate(r.period_start),
    end: toIsoDate(r.period_end),
    key: r.key,
    sector: r.sector,
    value: r.value,
    sourceId: r.source_id,
    dataset: r.dataset,
    publishedOn: toIsoDate(r.published_on),
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
  return cachedRead(`sources:${ids.join(",")}`, () => querySources(ids), "structure");
}

async function querySources(ids: number[]): Promise<SourceDto[]> {
  const rows = await db().source.findMany({ where: { id: { in: ids } }, orderBy: { publishedOn: "desc" } });
  return rows.map((s) => ({ organisation: s.organisation, title: s.title, url: s.url, date: toIsoDate(s.publishedOn) }));
}

export interface PeriodOption {
  start: string;
  end: string;
}

/** The distinct periods an indicator has figures `v` sees for at `level`, newest first. */
export function periodsOf(v: Visibility, indicator: string, level: 0 | 1 | 2, keyPrefix = ""): Promise<PeriodOption[]> {
  return cachedRead(`periods:${visibilityKey(v)}:${indicator}:${level}:${keyPrefix}`, () => queryPeriods(v, indicator, level, keyPrefix), { indicators: [indicator] });
}

async function queryPeriods(v: Visibility, indicator: string, level: 0 | 1 | 2, keyPrefix: string): Promise<PeriodOption[]> {
  const rows = await db().$queryRaw<{ period_start: Date; period_end: Date }[]>`
    SELECT DISTINCT f.period_start, f.period_end
      FROM ${visibleFigures(v, "f")} JOIN regions r ON r.id = f.region_id
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
  /** The national figure for the same indicator, disaggregation, period and dataset, if any. */
  national: number | null;
  sourceId: number;
  dataset: string;
  /** The source's publication date, for the figure's reference date. */
  publishedOn: string;
  /** Every dataset with a figure for this indicator and breakdown in the region, preferred first. */
  datasets: string[];
}

/**
 * The latest figure of each indicator (and CH status or none; per-phase and
 * per-sector breakdowns excluded) for one region, from the indicator's
 * preferred dataset among those that cover the region, next to the national
 * figure of the same period and dataset for its share.
 */
export function latestForRegion(v: Visibility, pcode: string): Promise<RegionLatest[]> {
  return cachedRead(`latest:${visibilityKey(v)}:${pcode}`, () => queryLatestForRegion(v, pcode));
}

async function queryLatestForRegion(v: Visibility, pcode: string): Promise<RegionLatest[]> {
  const rows = await db().$queryRaw<{ indicator: string; key: string; period_start: Date; period_end: Date; value: number; national: number | null; source_id: number; dataset: string; published_on: Date }[]>`
    SELECT DISTINCT ON (i.sort_order, f.disaggregation_key, f.dataset_id)
           i.code AS indicator, f.disaggregation_key AS key, f.period_start, f.period_end,
           f.value::float8 AS value, n.value::float8 AS national, f.source_id, d.code AS dataset, s.published_on
      FROM ${visibleFigures(v, "f")}
      JOIN sources s ON s.id = f.source_id
      JOIN regions r ON r.id = f.region_id AND r.pcode = ${pcode}
      JOIN indicators i ON i.id = f.indicator_id
      JOIN datasets d ON d.id = f.dataset_id
      LEFT JOIN ${visibleFigures(v, "n")} ON n.indicator_id = f.indicator_id AND n.disaggregation_key = f.disaggregation_key
                         AND n.period_start = f.period_start AND n.period_end = f.period_end AND n.dataset_id = f.dataset_id
                         AND n.region_id = (SELECT id FROM regions WHERE level = 0 ORDER BY id LIMIT 1)
     WHERE f.ch_phase IS NULL AND f.sector IS NULL
     ORDER BY i.sort_order, f.disaggregation_key, f.dataset_id, f.period_end DESC, f.period_start DESC`;
  // preferenceOf ranks every dataset, so each series takes its best-ranked one.
  const preferences = new Map<string, string[]>();
  for (const r of rows) if (!preferences.has(r.indicator)) preferences.set(r.indicator, await preferenceOf(r.indicator));
  const chosen = new Map<string, string>();
  for (const r of rows) {
    const series = `${r.indicator}|${r.key}`;
    const current = chosen.get(series);
    const order = preferences.get(r.indicator) as string[];
    if (current === undefined || order.indexOf(r.dataset) < order.indexOf(current)) chosen.set(series, r.dataset);
  }
  const datasetsOf = (r: (typeof rows)[number]) => {
    const order = preferences.get(r.indicator) as string[];
    const codes = rows.filter((o) => o.indicator === r.indicator && o.key === r.key).map((o) => o.dataset);
    return codes.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  };
  return rows.filter((r) => chosen.get(`${r.indicator}|${r.key}`) === r.dataset).map((r) => ({
    indicator: r.indicator,
    key: r.key,
    start: toIsoDate(r.period_start),
    end: toIsoDate(r.period_end),
    value: r.value,
    national: r.national,
    sourceId: r.source_id,
    dataset: r.dataset,
    publishedOn: toIsoDate(r.published_on),
    datasets: datasetsOf(r),
  }));
}
