// The compare page's reads: every dataset's figures for one indicator, place
// and breakdown, each with its note and source (SeriesPoint has neither), and
// the breakdowns a selection offers. Cached by dashboard version; the rows,
// differences and freshness come from lib/domain/compare.ts.
import { db } from "../db/client";
import { toIsoDate } from "../domain/dates";
import { compareRows, selectionFreshness, type CompareFigure, type CompareRow } from "../domain/compare";
import { orderDatasets, todayIso, type DatasetKindCode, type Freshness } from "../domain/datasets";
import { cachedRead } from "./cache";
import { datasetCatalogue, preferenceOf } from "./datasets";
import { visibilityKey, type Visibility } from "../auth/visibility";
import { visibleFigures } from "./visibility-sql";

export interface CompareQuery {
  indicator: string;
  /** A P-code. */
  region: string;
  /** The disaggregation key ('' for none, 'status=projected'). */
  key: string;
}

/** Every dataset's figures for the selection that `v` sees (pass forAggregates(v)), oldest first. Callers must not mutate the result. */
export function compareFigures(v: Visibility, q: CompareQuery): Promise<CompareFigure[]> {
  return cachedRead(`compare:${visibilityKey(v)}:${JSON.stringify([q.indicator, q.region, q.key])}`, () => queryFigures(v, q), { indicators: [q.indicator] });
}

async function queryFigures(v: Visibility, q: CompareQuery): Promise<CompareFigure[]> {
  const rows = await db().$queryRaw<{ id: number; period_start: Date; period_end: Date; value: number; note: string | null; dataset: string; organisation: string; title: string; url: string; published_on: Date }[]>`
    SELECT f.id, f.period_start, f.period_end, f.value::float8 AS value, f.note, d.code AS dataset, s.organisation, s.title, s.url, s.published_on
      FROM ${visibleFigures(v, "f")} JOIN datasets d ON d.id = f.dataset_id JOIN sources s ON s.id = f.source_id
     WHERE f.indicator_id = (SELECT id FROM indicators WHERE code = ${q.indicator})
       AND f.region_id = (SELECT id FROM regions WHERE pcode = ${q.region})
       AND f.disaggregation_key = ${q.key}
     ORDER BY f.period_end, f.period_start, f.id`;
  return rows.map((r) => ({
    id: r.id,
    dataset: r.dataset,
    start: toIsoDate(r.period_start),
    end: toIsoDate(r.period_end),
    // For display and differences only; the stored value stays exact.
    value: r.value,
    note: r.note,
    source: { organisation: r.organisation, title: r.title, url: r.url, date: toIsoDate(r.published_on) },
  }));
}

/** The disaggregation keys an indicator has figures `v` sees for in a place, in any dataset ('' first). */
export function breakdownsOf(v: Visibility, indicator: string, region: string): Promise<string[]> {
  return cachedRead(`compare-keys:${visibilityKey(v)}:${indicator}:${region}`, async () => {
    const rows = await db().$queryRaw<{ key: string }[]>`
      SELECT DISTINCT f.disaggregation_key AS key FROM ${visibleFigures(v, "f")}
       WHERE f.indicator_id = (SELECT id FROM indicators WHERE code = ${indicator})
         AND f.region_id = (SELECT id FROM regions WHERE pcode = ${region})
       ORDER BY 1`;
    return rows.map((r) => r.key);
  }, { indicators: [indicator] });
}

export interface CompareDataset {
  code: string;
  name: string;
  publisher: string;
  url: string;
  kind: DatasetKindCode;
  cadenceDays: number | null;
  /** The first of the indicator's preferred order present here: every other value is compared with it. */
  preferred: boolean;
  /** Reference date of its latest figure for this selection (never after publication nor today). */
  latestReference: string | null;
  /** For this indicator and place, by the one freshness rule; "none" for reports. */
  freshness: Freshness;
  count: number;
}

export interface CompareView {
  /** Datasets with figures for the selection, in preferred order. */
  datasets: CompareDataset[];
  rows: CompareRow[];
}

export async function compareView(v: Visibility, q: CompareQuery, today = todayIso()): Promise<CompareView> {
  const [figures, preference, catalogue] = await Promise.all([compareFigures(v, q), preferenceOf(q.indicator), datasetCatalogue()]);
  const order = orderDatasets(
    preference,
    figures.map((f) => f.dataset),
    catalogue.kinds,
  );
  const datasets = order.map((code, i): CompareDataset => {
    const own = figures.filter((f) => f.dataset === code);
    const info = catalogue.byCode.get(code);
    const kind = info?.kind ?? "series";
    const cadenceDays = info?.cadenceDays ?? null;
    return {
      code,
      name: info?.name ?? code,
      publisher: info?.publisher ?? "",
      url: info?.url ?? "",
      kind,
      cadenceDays,
      preferred: i === 0,
      ...selectionFreshness(own, kind, cadenceDays, today),
      count: own.length,
    };
  });
  return { datasets, rows: compareRows(figures, order) };
}
