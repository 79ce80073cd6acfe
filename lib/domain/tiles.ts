// What a key-figure tile says beside its figure, pure: which other datasets'
// figures are worth listing under it, and whether its change compares a year
// to date with a whole year.
import { isPartialPeriod } from "./datasets";

/** A figure with the date it describes the world as of (referenceDate). */
export interface ReferencedFigure {
  start: string;
  end: string;
  value: number;
  /** referenceDate(end, publication, today). */
  reference: string;
  dataset: string;
}

/** Another source is listed when its figure is this share or more away from the shown one. */
export const OTHER_SOURCE_GAP = 0.05;

/**
 * Whether another dataset's figure deserves a line under the shown one: it is
 * newer (a later reference date), or it differs from the shown figure by more
 * than 5 % of it. Both are measured against the figure the tile shows, not
 * against that figure's own period: a reader compares with what is on screen.
 */
export function isWorthListing(shown: Pick<ReferencedFigure, "value" | "reference">, other: Pick<ReferencedFigure, "value" | "reference">): boolean {
  if (other.reference > shown.reference) return true;
  if (shown.value === 0) return other.value !== 0;
  return Math.abs(other.value - shown.value) > OTHER_SOURCE_GAP * Math.abs(shown.value);
}

/** The latest figure (by period end, then start) of a list; null when empty. */
export function latestFigure<P extends { start: string; end: string }>(points: readonly P[]): P | null {
  return points.reduce<P | null>((best, p) => (!best || p.end > best.end || (p.end === best.end && p.start > best.start) ? p : best), null);
}

/**
 * The "Other sources" under a tile: each other dataset's latest figure, when
 * it is worth listing against the shown one; newest first.
 */
export function otherSources<P extends ReferencedFigure>(shown: Pick<ReferencedFigure, "value" | "reference" | "dataset">, others: readonly P[]): P[] {
  const byDataset = new Map<string, P[]>();
  for (const p of others) if (p.dataset !== shown.dataset) byDataset.set(p.dataset, [...(byDataset.get(p.dataset) ?? []), p]);
  return [...byDataset.values()]
    .map((points) => latestFigure(points) as P)
    .filter((p) => isWorthListing(shown, p))
    .sort((a, b) => b.reference.localeCompare(a.reference) || a.dataset.localeCompare(b.dataset));
}

export interface YearToDate {
  /** The date the running period is described as of. */
  asOf: string;
  /** The previous figure's own "as of" when it too was still running; null when it is a whole period. */
  previousAsOf: string | null;
}

/**
 * Whether a change compares a period still running on its reference date (a
 * plan year published in April: funding to date) with another: then the tile
 * must say "to date" and whether the previous one is a whole period. Null when
 * the shown figure covers its whole period.
 */
export function yearToDate(latest: Pick<ReferencedFigure, "end" | "reference">, previous: Pick<ReferencedFigure, "end" | "reference"> | null): YearToDate | null {
  if (!isPartialPeriod(latest.end, latest.reference)) return null;
  return { asOf: latest.reference, previousAsOf: previous && isPartialPeriod(previous.end, previous.reference) ? previous.reference : null };
}
