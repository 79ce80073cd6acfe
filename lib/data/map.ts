// What the map shows for an indicator (and CH status): one dataset, the
// indicator's preferred one among those with regional figures (a map never
// mixes publishers across regions), each region's figure within one cadence
// before the date (lib/domain/map-figures.ts), and the dates it offers.
import { areaPhasesAt, CH_PHASES, type AreaPhaseAt } from "../domain/area-phase";
import { preferredOf } from "../domain/datasets";
import type { ChStatus } from "../domain/disaggregation";
import { defaultMapDate, figuresAt, mapPeriods, type MapPeriod } from "../domain/map-figures";
import { datasetCatalogue, preferenceOf, type DatasetInfo } from "./datasets";
import { seriesPoints, type SeriesPoint } from "./series";
import type { Visibility } from "../auth/visibility";

export interface MapView {
  /** The dataset the map draws; null when no region has a figure. */
  dataset: DatasetInfo | null;
  /** The dataset's periods at regional level, newest first: the date picker's options. */
  periods: MapPeriod[];
  /** The date covering most regions (defaultMapDate). */
  defaultDate: string | null;
  /** The date shown: `date` when it is one of the periods' ends, else the default. */
  date: string | null;
  /** Region P-code → the figure it shows at `date` (its own period and value). */
  figures: Map<string, SeriesPoint>;
}

/** The map of `indicator` as `v` sees it (pass forAggregates(v)). */
export async function mapView(v: Visibility, indicator: string, key: string, date?: string): Promise<MapView> {
  const [points, preference, catalogue] = await Promise.all([seriesPoints(v, { indicator, level: 1, keys: [key], allDatasets: true }), preferenceOf(indicator), datasetCatalogue()]);
  const code = preferredOf(preference, new Set(points.map((p) => p.dataset)), catalogue.kinds);
  const dataset = code ? (catalogue.byCode.get(code) ?? null) : null;
  const own = points.filter((p) => p.dataset === code);
  const cadence = dataset?.cadenceDays ?? null;
  const periods = mapPeriods(own);
  const defaultDate = defaultMapDate(own, cadence);
  const shown = date && periods.some((p) => p.end === date) ? date : defaultDate;
  return { dataset, periods, defaultDate, date: shown, figures: shown ? figuresAt(own, shown, cadence) : new Map() };
}

export type MapLevel = "region" | "cercle";

export interface ChPhaseMapView {
  /** The dataset whose population by phase is classified; null when none has figures at this level. */
  dataset: DatasetInfo | null;
  /** The CH periods of that dataset and status at this level, newest first. */
  periods: MapPeriod[];
  /** The period end shown: `date` when it is one of the periods', else the one with most areas. */
  date: string | null;
  /** Area P-code → its phase (lib/domain/area-phase.ts); an area absent was not analysed. */
  areas: Map<string, AreaPhaseAt>;
  /** The figures classified, for the source line. */
  points: SeriesPoint[];
}

/**
 * The Cadre Harmonisé area phase map: each region's or cercle's population by
 * phase for one status and period, from one dataset (the indicator's
 * preferred among those with figures at that level), classified by the 20 % rule.
 */
export async function chPhaseMapView(v: Visibility, status: ChStatus, level: MapLevel, date?: string): Promise<ChPhaseMapView> {
  const keys = CH_PHASES.map((p) => `phase=${p};status=${status}`);
  const indicator = "ch_population_by_phase";
  const [points, preference, catalogue] = await Promise.all([seriesPoints(v, { indicator, level: level === "region" ? 1 : 2, keys, allDatasets: true }), preferenceOf(indicator), datasetCatalogue()]);
  const code = preferredOf(preference, new Set(points.map((p) => p.dataset)), catalogue.kinds);
  const own = points.filter((p) => p.dataset === code);
  const periods = mapPeriods(own);
  // A CH period is exact: no cadence carries an analysis to another period.
  const shown = date && periods.some((p) => p.end === date) ? date : defaultMapDate(own, null);
  return {
    dataset: code ? (catalogue.byCode.get(code) ?? null) : null,
    periods,
    date: shown,
    areas: shown ? areaPhasesAt(own, shown) : new Map(),
    points: shown ? own.filter((p) => p.end === shown) : [],
  };
}
