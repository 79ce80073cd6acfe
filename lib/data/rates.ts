// Per-population rates for every page (the region table /regions, the map):
// each figure divided by its own area's population by the one rule of
// lib/domain/rates.ts, and the region comparison table's rows. The figures
// are each indicator's preferred dataset's latest (latestForRegion), so the
// table ranks datasets as the region pages do; nothing here re-ranks them.
import { referenceDate, todayIso } from "../domain/datasets";
import { rateOf, type PopulationFigure, type RateResult } from "../domain/rates";
import { cachedRead } from "./cache";
import { datasetCatalogue, preferenceOf } from "./datasets";
import type { SourceDto } from "./figures";
import { regionIndex, type RegionDto } from "./reference";
import { latestForRegion, seriesPoints, sourcesOf, type RegionLatest } from "./series";
import { visibilityKey, type Visibility } from "../auth/visibility";
import { readablePlace } from "../auth/read-scope";

/** The indicators the table and the map give rates for: (indicator, breakdown); CH phase 3+ is the current analysis. */
export const RATE_INDICATORS = [
  { indicator: "idps", key: "" },
  { indicator: "ch_phase3plus", key: "status=current" },
  { indicator: "people_in_need", key: "" },
] as const;

export type RateIndicator = (typeof RATE_INDICATORS)[number]["indicator"];

/** The population a rate was divided by, with its dataset's name for the reader. */
export interface PopulationUsed extends PopulationFigure {
  datasetName: string;
  sourceId: number;
}

export interface FigureToRate {
  region: string;
  value: number;
  end: string;
  publishedOn: string | null;
}

/** The population figures of `regions` (every dataset), by region. */
async function populationsOf(v: Visibility, regions: string[]): Promise<Map<string, PopulationUsed[]>> {
  const unique = [...new Set(regions)].sort();
  const byRegion = new Map<string, PopulationUsed[]>();
  if (!unique.length) return byRegion;
  const [points, catalogue] = await Promise.all([seriesPoints(v, { indicator: "population", regions: unique, keys: [""], allDatasets: true }), datasetCatalogue()]);
  for (const p of points) {
    const list = byRegion.get(p.region) ?? [];
    list.push({ start: p.start, end: p.end, value: p.value, dataset: p.dataset, datasetName: catalogue.byCode.get(p.dataset)?.name ?? p.dataset, sourceId: p.sourceId });
    byRegion.set(p.region, list);
  }
  return byRegion;
}

/**
 * Each figure's rate (same order): its value as a percentage of the
 * population of its own region, chosen for the figure's reference date
 * (referenceDate: its period end, never after publication or today).
 */
export async function ratesFor(v: Visibility, figures: readonly FigureToRate[], today = todayIso()): Promise<RateResult<PopulationUsed>[]> {
  const [populations, preference] = await Promise.all([populationsOf(v, figures.map((f) => f.region)), preferenceOf("population")]);
  return figures.map((f) => rateOf(f.value, referenceDate(f.end, f.publishedOn, today), populations.get(f.region) ?? [], preference));
}

export interface TableFigure {
  value: number;
  start: string;
  end: string;
  /** The reference date (referenceDate). */
  date: string;
  dataset: { code: string; name: string };
  sourceId: number;
}

export interface RatedFigure extends TableFigure {
  rate: RateResult<PopulationUsed>;
}

export interface ComparisonRow {
  pcode: string;
  name: RegionDto["name"];
  /** Indicator → its latest figure and rate; null when the region has none. */
  figures: Record<RateIndicator, RatedFigure | null>;
  /** The region's latest population of the preferred population dataset. */
  population: TableFigure | null;
}

export interface RegionComparison {
  regions: ComparisonRow[];
  /** Mali as a whole: the national figures and rates. */
  national: ComparisonRow | null;
  sources: SourceDto[];
}

/**
 * Every region (level 1) and the country × the rate indicators and population
 * that `v` may read (a read-scoped reader: their regions, no national row);
 * `today` fixes reference dates for tests.
 */
export function regionComparison(v: Visibility, today = todayIso()): Promise<RegionComparison> {
  return cachedRead(`region-comparison:${visibilityKey(v)}:${today}`, () => buildComparison(v, today), { indicators: [...RATE_INDICATORS.map((r) => r.indicator), "population"] });
}

async function buildComparison(v: Visibility, today: string): Promise<RegionComparison> {
  const [regionsByCode, catalogue] = await Promise.all([regionIndex(), datasetCatalogue()]);
  const places = [...regionsByCode.values()].filter((r) => r.level <= 1 && readablePlace(v, r));
  const latest = await Promise.all(places.map((r) => latestForRegion(v, r.pcode)));
  const toFigure = (l: RegionLatest): TableFigure => ({
    value: l.value,
    start: l.start,
    end: l.end,
    date: referenceDate(l.end, l.publishedOn, today),
    dataset: { code: l.dataset, name: catalogue.byCode.get(l.dataset)?.name ?? l.dataset },
    sourceId: l.sourceId,
  });
  const picked = places.map((place, i) => {
    const rows = latest[i] ?? [];
    const find = (indicator: string, key: string) => rows.find((l) => l.indicator === indicator && l.key === key) ?? null;
    return { place, figures: RATE_INDICATORS.map((r) => ({ ...r, latest: find(r.indicator, r.key) })), population: find("population", "") };
  });
  const toRate = picked.flatMap((p) => p.figures.flatMap((f) => (f.latest ? [{ region: p.place.pcode, value: f.latest.value, end: f.latest.end, publishedOn: f.latest.publishedOn }] : [])));
  const rates = await ratesFor(v, toRate, today);
  let next = 0;
  const rows: ComparisonRow[] = picked.map((p) => {
    const figures = {} as Record<RateIndicator, RatedFigure | null>;
    for (const f of p.figures) figures[f.indicator] = f.latest ? { ...toFigure(f.latest), rate: rates[next++] as RateResult<PopulationUsed> } : null;
    return { pcode: p.place.pcode, name: p.place.name, figures, population: p.population ? toFigure(p.population) : null };
  });
  const figuresShown = rows.flatMap((r) => Object.values(r.figures).flatMap((f) => (f ? [f] : [])));
  const shown = [...figuresShown, ...figuresShown.flatMap((f) => (f.rate.population ? [f.rate.population] : [])), ...rows.flatMap((r) => (r.population ? [r.population] : []))];
  return {
    regions: rows.filter((_, i) => places[i]?.level === 1),
    national: rows.find((_, i) => places[i]?.level === 0) ?? null,
    sources: await sourcesOf(shown),
  };
}
