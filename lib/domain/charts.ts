// From series points to what a chart draws and what its table lists: pure, so
// tests can check that the chart, its table and the API agree.
import { referenceDate, todayIso } from "./datasets";
import { deriveFundingFromNumbers } from "./funding";
import { pivotByDate, type SeriesRow } from "./series";

export interface KeyedPoint {
  region: string;
  start: string;
  end: string;
  key: string;
  value: number;
}

/** Wide rows by period end, one column per `columnOf(point)`. */
export function rowsByDate<P extends KeyedPoint>(points: P[], columnOf: (p: P) => string, columns: string[]): SeriesRow[] {
  return pivotByDate(points.map((p) => ({ date: p.end, key: columnOf(p), value: p.value })), columns);
}

/**
 * The "data as of" date of what a chart, tile, map or snapshot shows: the
 * latest reference date among its points (period end, never after the
 * source's publication nor today: referenceDate). Every "as of" goes through
 * here; null when there are no points.
 */
export function asOfDate(points: readonly { end: string; publishedOn?: string | null }[], today = todayIso()): string | null {
  return points.reduce<string | null>((latest, p) => {
    const date = referenceDate(p.end, p.publishedOn ?? null, today);
    return latest === null || date > latest ? date : latest;
  }, null);
}

export interface PhaseRowData {
  region: string;
  p1: number | null;
  p2: number | null;
  p3: number | null;
  p4: number | null;
  p5: number | null;
  p35: number | null;
}

/** People by phase for each region, from 'phase=N;status=S' points of one period. */
export function phaseRows(points: KeyedPoint[], phase3plus: KeyedPoint[], regions: string[]): PhaseRowData[] {
  return regions.map((region) => {
    const of = (phase: number) => points.find((p) => p.region === region && p.key.startsWith(`phase=${phase};`))?.value ?? null;
    return { region, p1: of(1), p2: of(2), p3: of(3), p4: of(4), p5: of(5), p35: phase3plus.find((p) => p.region === region)?.value ?? null };
  });
}

export interface FundingRowData {
  label: string;
  required: number | null;
  funded: number | null;
  unmet: number | null;
  coverage: number | null;
}

/** Requirement, funding, unmet and coverage, recomputed from the stored requirement and funding by the one rule. */
export function fundingRow(label: string, required: number | null, funded: number | null): FundingRowData {
  return { label, required, funded, ...deriveFundingFromNumbers(required, funded) };
}

export type Thinning = "none" | "quarter" | "year";

function bucketOf(date: string, by: Thinning): string {
  if (by === "year") return date.slice(0, 4);
  if (by === "quarter") return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
  return date;
}

/**
 * Keeps a chart legible and light: a chart is about 500 px wide, so beyond
 * `maxDates` dates its dots merge. Then it keeps only the latest point of each series per quarter
 * (per year if that is still too many). Stocks are "as of" a date, so the
 * latest value of a quarter is that quarter's figure. Real DTM and CH series
 * have a few dozen dates and pass through untouched.
 */
export function thinByPeriod<P extends KeyedPoint>(points: P[], seriesOf: (p: P) => string, maxDates = 60): { points: P[]; thinning: Thinning } {
  for (const by of ["none", "quarter", "year"] as const) {
    const dates = new Set(points.map((p) => bucketOf(p.end, by)));
    if (dates.size <= maxDates || by === "year") {
      if (by === "none") return { points, thinning: "none" };
      const latest = new Map<string, P>();
      for (const p of points) {
        const key = `${seriesOf(p)}|${bucketOf(p.end, by)}`;
        const seen = latest.get(key);
        if (!seen || p.end > seen.end) latest.set(key, p);
      }
      return { points: [...latest.values()], thinning: by };
    }
  }
  return { points, thinning: "none" };
}
