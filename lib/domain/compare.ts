// The compare page, pure: every dataset's figures for one indicator, place and
// breakdown in rows by period, each value of a non-preferred dataset with its
// difference from the preferred dataset's figure.
//
// Which preferred figure a value is compared with (the decision, also in the
// README): the preferred dataset's figure of the same period; when it has none
// that day, its latest earlier comparable figure (a stock with an earlier
// stock, a period with the same season: previousComparable, the tiles' rule).
// That is what the preferred dataset said when the other figure came out:
// The New Humanitarian's 350,000 of 21 March 2022 against DTM's 401,736 of
// 30 September 2021, not against a later round the article could not know.
// A value older than the preferred dataset's first figure has no comparison.
import { asOfDate } from "./charts";
import { freshnessOf, type DatasetKindCode, type Freshness } from "./datasets";
import { formatValue, typeset, type UnitCode } from "./format";
import { changeBetween, previousComparable, type Change } from "./series";
import type { SourceRef } from "./sources";

export interface CompareFigure {
  id: number;
  /** The dataset's code. */
  dataset: string;
  start: string;
  end: string;
  value: number;
  note: string | null;
  source: SourceRef;
}

export interface Comparison<F extends CompareFigure = CompareFigure> {
  /** The preferred dataset's figure the value is compared with. */
  basis: F;
  /** True when the basis is of the same period; false when it is the latest earlier one. */
  samePeriod: boolean;
  /** The value minus the basis, absolute and in % of the basis. */
  difference: Change;
}

export interface CompareCell<F extends CompareFigure = CompareFigure> {
  figure: F;
  /** Null for the preferred dataset's own figures and when it has no figure to compare with. */
  comparison: Comparison<F> | null;
}

export interface CompareRow<F extends CompareFigure = CompareFigure> {
  start: string;
  end: string;
  /** Dataset code → its figure of this period; a dataset without one is absent ("no data", never 0). */
  cells: Record<string, CompareCell<F>>;
}

/** A value's difference from its basis; null when either is missing (no data is never 0). */
export function differenceOf(value: number | null | undefined, basis: number | null | undefined): Change | null {
  if (value === null || value === undefined) return null;
  return changeBetween(value, basis);
}

/** The preferred figure a value is compared with: the same period's, else the latest earlier comparable one. */
export function comparisonBasis<F extends { start: string; end: string }>(figure: F, preferred: readonly F[]): { basis: F; samePeriod: boolean } | null {
  const same = preferred.find((p) => p.start === figure.start && p.end === figure.end);
  if (same) return { basis: same, samePeriod: true };
  const earlier = previousComparable(figure, [...preferred]);
  return earlier ? { basis: earlier, samePeriod: false } : null;
}

const periodKey = (f: { start: string; end: string }) => `${f.end}|${f.start}`;

/**
 * One row per period (oldest first), one cell per dataset that has a figure
 * in it. `datasets` is in preferred order: the first is the one every other
 * value is compared with.
 */
export function compareRows<F extends CompareFigure>(figures: readonly F[], datasets: readonly string[]): CompareRow<F>[] {
  const preferredCode = datasets[0];
  const preferred = figures.filter((f) => f.dataset === preferredCode);
  const rows = new Map<string, CompareRow<F>>();
  for (const figure of figures) {
    if (!datasets.includes(figure.dataset)) continue;
    const key = periodKey(figure);
    const row = rows.get(key) ?? { start: figure.start, end: figure.end, cells: {} };
    let comparison: Comparison<F> | null = null;
    if (figure.dataset !== preferredCode) {
      const found = comparisonBasis(figure, preferred);
      const difference = found && differenceOf(figure.value, found.basis.value);
      if (found && difference) comparison = { ...found, difference };
    }
    row.cells[figure.dataset] = { figure, comparison };
    rows.set(key, row);
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/**
 * How fresh a dataset is for this indicator and place: the rule
 * (freshnessOf) on the reference date of its latest figure here, which is
 * its period end but never after its publication nor today (referenceDate).
 */
export function selectionFreshness(figures: readonly Pick<CompareFigure, "end" | "source">[], kind: DatasetKindCode, cadenceDays: number | null, today: string): { latestReference: string | null; freshness: Freshness } {
  const latestReference = asOfDate(
    figures.map((f) => ({ end: f.end, publishedOn: f.source.date })),
    today,
  );
  return { latestReference, freshness: kind === "report" ? "none" : freshnessOf(latestReference, cadenceDays, today) };
}

/** A dataset's short name for legends: its name up to " — " or ": " (IOM DTM Mali, The New Humanitarian). */
export function shortName(name: string): string {
  const cut = name.split(/ — |: /)[0]?.trim();
  return cut || name;
}

const MINUS = "\u2212";

function signed(text: string, zeroText: string, n: number): string {
  if (text === zeroText) return text;
  return `${n < 0 ? MINUS : "+"}${text}`;
}

const pointFormats = new Map<string, Intl.NumberFormat>();
function oneDecimal(locale: string): Intl.NumberFormat {
  let f = pointFormats.get(locale);
  if (!f) pointFormats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })));
  return f;
}

const digitFormats = new Map<string, Intl.NumberFormat>();
function oneDigit(locale: string): Intl.NumberFormat {
  let f = digitFormats.get(locale);
  if (!f) digitFormats.set(locale, (f = new Intl.NumberFormat(locale, { maximumSignificantDigits: 1 })));
  return f;
}

/**
 * A difference for reading, signed (+, − or none for zero once rounded):
 * "−75,601" and "−18.8 %" (en), "−75 601" and "−18,8 %" (fr). For an
 * indicator in per cent the absolute difference is in points and there is no
 * relative one (`points` true, `percent` null).
 */
export function formatDifference(difference: Change, unit: UnitCode, locale: string): { absolute: string; percent: string | null; points: boolean } {
  if (unit === "percent") {
    const f = oneDecimal(locale);
    return { absolute: signed(f.format(Math.abs(difference.absolute)), f.format(0), difference.absolute), percent: null, points: true };
  }
  const absolute = signed(formatValue(Math.abs(difference.absolute), unit, locale), formatValue(0, unit, locale), difference.absolute);
  const p = difference.percent;
  if (p === null) return { absolute, percent: null, points: false };
  // A tenth of a per cent is the precision, but a real difference never reads "0 %" (61,600 vs 61,621: −0.03 %).
  const f = p !== 0 && Math.abs(p) < 0.05 ? oneDigit(locale) : oneDecimal(locale);
  return { absolute, percent: typeset(`${signed(f.format(Math.abs(p)), f.format(0), p)}\u00a0%`, locale), points: false };
}


/**
 * The breakdown shown when the address names none (or one the selection
 * lacks): no breakdown, else the current analysis, else phase 3 current, else
 * the first there is.
 */
export function defaultBreakdown(keys: readonly string[], requested: string | undefined): string | null {
  if (requested !== undefined && keys.includes(requested)) return requested;
  for (const k of ["", "status=current", "phase=3;status=current"]) if (keys.includes(k)) return k;
  return keys[0] ?? null;
}
