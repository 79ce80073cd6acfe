// Which figure each region of the map shows at a date, and the map's default
// date. Regions are not assessed on the same day (a DTM round may add one
// region weeks after the others), so a region shows its latest figure of the
// map's dataset within one cadence before the date, with that figure's own
// date, rather than "no data" whenever its date differs from the newest one.
import { daysBetween } from "./datasets";

export interface MapPoint {
  region: string;
  start: string;
  end: string;
  value: number;
}

export interface MapPeriod {
  start: string;
  end: string;
}


/**
 * Each region's figure at `date`: its latest whose reference date (the
 * period's end) is on or before `date` and at most `cadenceDays` before it.
 * A dataset with no cadence (a report) says nothing about any other day: a
 * region then shows only a figure dated exactly `date`, as the map did before
 * it knew cadences.
 */
export function figuresAt<P extends MapPoint>(points: readonly P[], date: string, cadenceDays: number | null): Map<string, P> {
  const shown = new Map<string, P>();
  for (const p of points) {
    if (p.end > date) continue;
    if (cadenceDays === null || cadenceDays <= 0 ? p.end !== date : daysBetween(p.end, date) > cadenceDays) continue;
    const seen = shown.get(p.region);
    if (!seen || p.end > seen.end || (p.end === seen.end && p.start > seen.start)) shown.set(p.region, p);
  }
  return shown;
}

/** The dates the map offers: each distinct period of the points, newest first. */
export function mapPeriods(points: readonly MapPoint[]): MapPeriod[] {
  const periods = new Map<string, MapPeriod>();
  for (const p of points) periods.set(`${p.start}|${p.end}`, { start: p.start, end: p.end });
  return [...periods.values()].sort((a, b) => b.end.localeCompare(a.end) || b.start.localeCompare(a.start));
}

/**
 * The map's default date: among the dates of the points, the one at which
 * the most regions have a figure (by figuresAt), the latest among equals. So
 * one new regional figure does not turn every other region into "no data".
 */
export function defaultMapDate(points: readonly MapPoint[], cadenceDays: number | null): string | null {
  let best: { date: string; regions: number } | null = null;
  for (const date of new Set(points.map((p) => p.end))) {
    const regions = figuresAt(points, date, cadenceDays).size;
    if (!best || regions > best.regions || (regions === best.regions && date > best.date)) best = { date, regions };
  }
  return best?.date ?? null;
}
