// The overview's key figures: the latest national value of each headline
// indicator, the previous comparable one (same season, or an earlier stock),
// and both sources.
import { previousComparable } from "../domain/series";
import type { SourceDto } from "./figures";
import { seriesPoints, sourcesOf, type SeriesPoint } from "./series";

export interface TileValue {
  value: number;
  start: string;
  end: string;
  source: SourceDto | null;
}

export interface Tile {
  indicator: string;
  key: string;
  latest: TileValue | null;
  previous: TileValue | null;
}

async function withSource(point: SeriesPoint | null): Promise<TileValue | null> {
  if (!point) return null;
  const [source] = await sourcesOf([point]);
  return { value: point.value, start: point.start, end: point.end, source: source ?? null };
}

function latestOf(points: SeriesPoint[]): SeriesPoint | null {
  return points.reduce<SeriesPoint | null>((best, p) => (!best || p.end > best.end || (p.end === best.end && p.start > best.start) ? p : best), null);
}

export async function headlineTile(indicator: string, key = ""): Promise<Tile> {
  const points = await seriesPoints({ indicator, level: 0, keys: [key] });
  const latest = latestOf(points);
  const previous = latest ? previousComparable(latest, points) : null;
  return { indicator, key, latest: await withSource(latest), previous: await withSource(previous) };
}

/**
 * Funding tiles all describe one plan: the latest plan with a requirement.
 * Each compares with the same indicator's figure for the previous plan year.
 */
export async function fundingTiles(): Promise<{ year: string | null; tiles: Tile[] }> {
  const required = await seriesPoints({ indicator: "funding_required", level: 0, keys: [""] });
  const plan = latestOf(required);
  const codes = ["funding_required", "funding_funded", "funding_unmet", "funding_coverage"];
  const tiles = await Promise.all(
    codes.map(async (indicator) => {
      const points = indicator === "funding_required" ? required : await seriesPoints({ indicator, level: 0, keys: [""] });
      const latest = plan ? (points.find((p) => p.start === plan.start && p.end === plan.end) ?? null) : null;
      const previous = latest ? previousComparable(latest, points) : null;
      return { indicator, key: "", latest: await withSource(latest), previous: await withSource(previous) };
    }),
  );
  return { year: plan ? plan.start.slice(0, 4) : null, tiles };
}
