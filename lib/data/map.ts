// What the map shows for an indicator (and CH status): one dataset, the
// indicator's preferred one among those with regional figures (a map never
// mixes publishers across regions), each region's figure within one cadence
// before the date (lib/domain/map-figures.ts), and the dates it offers.
import { preferredOf } from "../domain/datasets";
import { defaultMapDate, figuresAt, mapPeriods, type MapPeriod } from "../domain/map-figures";
import { datasetCatalogue, preferenceOf, type DatasetInfo } from "./datasets";
import { seriesPoints, type SeriesPoint } from "./series";

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

export async function mapView(indicator: string, key: string, date?: string): Promise<MapView> {
  const [points, preference, catalogue] = await Promise.all([seriesPoints({ indicator, level: 1, keys: [key], allDatasets: true }), preferenceOf(indicator), datasetCatalogue()]);
  const code = preferredOf(preference, new Set(points.map((p) => p.dataset)), catalogue.kinds);
  const dataset = code ? (catalogue.byCode.get(code) ?? null) : null;
  const own = points.filter((p) => p.dataset === code);
  const cadence = dataset?.cadenceDays ?? null;
  const periods = mapPeriods(own);
  const defaultDate = defaultMapDate(own, cadence);
  const shown = date && periods.some((p) => p.end === date) ? date : defaultDate;
  return { dataset, periods, defaultDate, date: shown, figures: shown ? figuresAt(own, shown, cadence) : new Map() };
}
