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

export interface CompareQuery {
  indicator: string;
  /** A P-code. */
  region: string;
  /** The disaggregation key ('' for none, 'status=projected'). */
  key: string;
}

/** Every dataset's figures for the selection, oldest first. Callers must not mutate the result. */
export function compareFigures(q: CompareQuery): Promise<CompareFigure[]> {
  return cachedRead(`compare:${JSON.stringify([q.indicator, q.region, q.key])}`, () => queryFigures(q));
}

async function queryFigures(q: CompareQuery): Promise<CompareFigure[]> {
  const rows = await db().figure.findMany({
    where: { indicator: { code: q.indicator }, region: { pcode: q.region }, disaggregationKey: q.key },
    select: {
      id: true,
      periodStart: true,
      periodEnd: true,
      value: true,
      note: true,
      dataset: { select: { code: true } },
      source: { select: { organisation: true, title: true, url: true, publishedOn: true } },
    },
    orderBy: [{ periodEnd: "asc" }, { periodStart: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    dataset: r.dataset.code,
    start: toIsoDate(r.periodStart),
    end: toIsoDate(r.periodEnd),
    // For display and differences only; the stored value stays exact.
    value: r.value.toNumber(),
    note: r.note,
    source: { organisation: r.source.organisation, title: r.source.title, url: r.source.url, date: toIsoDate(r.source.publishedOn) },
  }));
}

/** The disaggregation keys an indicator has figures for in a place, in any dataset ('' first). */
export function breakdownsOf(indicator: string, region: string): Promise<string[]> {
  return cachedRead(`compare-keys:${indicator}:${region}`, async () => {
    const rows = await db().figure.findMany({
      where: { indicator: { code: indicator }, region: { pcode: region } },
      select: { disaggregationKey: true },
      distinct: ["disaggregationKey"],
      orderBy: { disaggregationKey: "asc" },
    });
    return rows.map((r) => r.disaggregationKey);
  });
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

export async function compareView(q: CompareQuery, today = todayIso()): Promise<CompareView> {
  const [figures, preference, catalogue] = await Promise.all([compareFigures(q), preferenceOf(q.indicator), datasetCatalogue()]);
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
