// The overview's key figures: the latest national value of each headline
// indicator from its preferred dataset, the change against that dataset's own
// previous comparable figure, how fresh the dataset is, and the other
// datasets' figures a reader should know about (lib/domain/tiles.ts).
import { FUNDING_COVERAGE, FUNDING_FUNDED, FUNDING_REQUIRED, FUNDING_UNMET } from "../domain/funding";
import { compareHref, freshnessOf, referenceDate, todayIso, type DatasetKindCode, type Freshness } from "../domain/datasets";
import { previousComparable } from "../domain/series";
import { latestFigure, otherSources, yearToDate, type YearToDate } from "../domain/tiles";
import { cachedRead } from "./cache";
import { datasetCatalogue } from "./datasets";
import type { SourceDto } from "./figures";
import { seriesWithComparisons, sourcesOf, type SeriesPoint } from "./series";
import { visibilityKey, type Visibility } from "../auth/visibility";

export interface TileDataset {
  code: string;
  name: string;
  kind: DatasetKindCode;
  cadenceDays: number | null;
}

export interface TileValue {
  value: number;
  start: string;
  end: string;
  /** The date the figure describes the world as of: its period end, never after its publication nor today. */
  reference: string;
  dataset: TileDataset;
  source: SourceDto | null;
}

export interface Tile {
  indicator: string;
  key: string;
  /** The preferred dataset's latest figure. */
  latest: TileValue | null;
  /** The same dataset's previous comparable figure: a change never spans two datasets. */
  previous: TileValue | null;
  /** The preferred dataset's freshness at its latest figure ("none" for reports and when there is none). */
  freshness: Freshness;
  /** Other datasets' latest figures that are newer than `latest` or more than 5 % from it, newest first. */
  others: TileValue[];
  /** The compare page, when more than one dataset has figures for this series. */
  compareHref: string | null;
  /** Set when `latest` is a period still running on its reference date (funding to date). */
  toDate: YearToDate | null;
}

const NATIONAL = "ML";

type Referenced = SeriesPoint & { reference: string };
/** Which of the preferred dataset's points a tile shows. */
type Choose = <P extends SeriesPoint>(points: P[]) => P | null;

async function tileValue(point: Referenced | null): Promise<TileValue | null> {
  if (!point) return null;
  const [[source], catalogue] = await Promise.all([sourcesOf([point]), datasetCatalogue()]);
  const d = catalogue.byCode.get(point.dataset);
  const dataset: TileDataset = d ? { code: d.code, name: d.name, kind: d.kind, cadenceDays: d.cadenceDays } : { code: point.dataset, name: point.dataset, kind: "series", cadenceDays: null };
  return { value: point.value, start: point.start, end: point.end, reference: point.reference, dataset, source: source ?? null };
}

/**
 * One tile from a national series: `pick` chooses the shown figure among the
 * preferred dataset's points (default: the latest); `partialNote` says whether
 * a period still running is a "to date" figure (funding accumulates over its
 * plan year; a people-in-need estimate for the year does not).
 */
async function buildTile(v: Visibility, indicator: string, key: string, today: string, options: { pick?: Choose; partialNote?: boolean } = {}): Promise<Tile> {
  const { drawn, others } = await seriesWithComparisons(v, { indicator, level: 0, keys: [key] });
  const withReference = (p: SeriesPoint): Referenced => ({ ...p, reference: referenceDate(p.end, p.publishedOn, today) });
  const points = drawn.filter((p) => p.region === NATIONAL).map(withReference);
  const rest = others.filter((p) => p.region === NATIONAL).map(withReference);
  const latest = (options.pick ?? latestFigure)(points);
  const previous = latest ? previousComparable(latest, points) : null;
  const [latestValue, previousValue, otherValues] = await Promise.all([tileValue(latest), tileValue(previous), Promise.all((latest ? otherSources(latest, rest) : []).map(tileValue))]);
  const dataset = latestValue?.dataset;
  return {
    indicator,
    key,
    latest: latestValue,
    previous: previousValue,
    // Reports have no cadence (lib/validation/dataset-input.ts), so no freshness.
    freshness: dataset && latestValue ? freshnessOf(latestValue.reference, dataset.cadenceDays, today) : "none",
    others: otherValues.filter((v): v is TileValue => v !== null),
    compareHref: points.length > 0 && rest.length > 0 ? compareHref(indicator, NATIONAL, key) : null,
    toDate: options.partialNote && latest ? yearToDate(latest, previous) : null,
  };
}

/**
 * The national tile of an indicator (and breakdown, e.g. "status=projected");
 * `today` fixes freshness and "as of" for tests. Cached whole by dashboard
 * version and day (lib/data/cache.ts): callers must not mutate it.
 */
export function headlineTile(v: Visibility, indicator: string, key = "", today = todayIso()): Promise<Tile> {
  return cachedRead(`tile:${visibilityKey(v)}:${indicator}:${key}:${today}`, () => buildTile(v, indicator, key, today), { indicators: [indicator] });
}

/** The funding tiles, in order. */
const FUNDING_TILES = [FUNDING_REQUIRED, FUNDING_FUNDED, FUNDING_UNMET, FUNDING_COVERAGE];

/**
 * Funding tiles all describe one plan: the latest plan with a requirement.
 * Each compares with the same indicator's figure for the previous plan year,
 * and says so when the plan year is still running (to date).
 */
export function fundingTiles(v: Visibility, today = todayIso()): Promise<{ year: string | null; tiles: Tile[] }> {
  return cachedRead(`funding-tiles:${visibilityKey(v)}:${today}`, () => buildFundingTiles(v, today), { indicators: FUNDING_TILES });
}

async function buildFundingTiles(v: Visibility, today: string): Promise<{ year: string | null; tiles: Tile[] }> {
  const { drawn } = await seriesWithComparisons(v, { indicator: "funding_required", level: 0, keys: [""] });
  const plan = latestFigure(drawn.filter((p) => p.region === NATIONAL));
  const inPlan: Choose = (points) => (plan ? (points.find((p) => p.start === plan.start && p.end === plan.end) ?? null) : null);
  const tiles = await Promise.all(FUNDING_TILES.map((indicator) => buildTile(v, indicator, "", today, { pick: inPlan, partialNote: true })));
  return { year: plan ? plan.start.slice(0, 4) : null, tiles };
}
