// Chart series from figures: pure functions, so the numbers a chart draws,
// its table view and the API can be checked against each other in tests.
// "No data" is null everywhere, never 0.

export interface Point {
  /** ISO date the value describes (the period end: stocks are "as of"). */
  date: string;
  key: string;
  value: number;
}

export interface SeriesRow {
  date: string;
  [key: string]: number | string | null;
}

/**
 * Wide rows for a line or bar chart: one row per date, one column per key,
 * null where a key has no figure at that date.
 */
export function pivotByDate(points: Point[], keys: string[]): SeriesRow[] {
  const byDate = new Map<string, Map<string, number>>();
  for (const p of points) {
    const row = byDate.get(p.date) ?? new Map<string, number>();
    row.set(p.key, p.value);
    byDate.set(p.date, row);
  }
  return [...byDate.keys()].sort().map((date) => {
    const row: SeriesRow = { date };
    const values = byDate.get(date)!;
    for (const key of keys) row[key] = values.get(key) ?? null;
    return row;
  });
}

/**
 * The series (keys) of `rows` that hold exactly one figure, with that figure's
 * row: a chart writes it out with its date, since a lone dot says neither.
 */
export function loneFigures(rows: readonly SeriesRow[], keys: readonly string[]): Map<string, { index: number; date: string; value: number }> {
  const lone = new Map<string, { index: number; date: string; value: number }>();
  for (const key of keys) {
    const at = rows.flatMap((r, index) => (typeof r[key] === "number" ? [index] : []));
    if (at.length === 1) lone.set(key, { index: at[0]!, date: rows[at[0]!]!.date, value: rows[at[0]!]![key] as number });
  }
  return lone;
}

export interface Change {
  absolute: number;
  /** null when the previous value is 0 (a percentage would be infinite). */
  percent: number | null;
}

export function changeBetween(current: number, previous: number | null | undefined): Change | null {
  if (previous === null || previous === undefined) return null;
  const absolute = current - previous;
  return { absolute, percent: previous === 0 ? null : (absolute / previous) * 100 };
}

/** Each region's share of a national total, in percent; null when either is missing. */
export function shareOf(part: number | null, total: number | null): number | null {
  if (part === null || total === null || total === 0) return null;
  return (part / total) * 100;
}

export interface Period {
  start: string;
  end: string;
}

/**
 * Whether `b` is a fair comparison for `a`: stocks (point-in-time figures)
 * compare with any earlier stock; periods only with the same season (Jun–Aug
 * with Jun–Aug, a plan year with a plan year), never a projection's lean
 * season with a current Jan–May analysis.
 */
export function isComparablePeriod(a: Period, b: Period): boolean {
  const aPoint = a.start === a.end;
  const bPoint = b.start === b.end;
  if (aPoint || bPoint) return aPoint && bPoint;
  return a.start.slice(5) === b.start.slice(5) && a.end.slice(5) === b.end.slice(5);
}

/** The latest figure before `current` that compares with it, or null. */
export function previousComparable<T extends Period>(current: T, candidates: T[]): T | null {
  let best: T | null = null;
  for (const c of candidates) {
    if (c.end >= current.end || !isComparablePeriod(current, c)) continue;
    if (!best || c.end > best.end) best = c;
  }
  return best;
}

/** The latest value per key at or before `date` (a ranking "as of" a date). */
export function latestPerKey(points: Point[], date?: string): Map<string, Point> {
  const latest = new Map<string, Point>();
  for (const p of points) {
    if (date && p.date > date) continue;
    const seen = latest.get(p.key);
    if (!seen || p.date > seen.date) latest.set(p.key, p);
  }
  return latest;
}

/** Keys ranked by value, highest first; ties by key for a stable order. */
export function rank(values: Map<string, number>): { key: string; value: number }[] {
  return [...values].map(([key, value]) => ({ key, value })).sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
}

/**
 * The analysis period in force on `date`: the one containing it (the latest
 * starting, if several), else the latest that ended before it. Without a date,
 * the latest period. `periods` may come in any order.
 */
export function periodInForce<P extends Period>(periods: P[], date?: string): P | null {
  const byEnd = [...periods].sort((a, b) => b.end.localeCompare(a.end) || b.start.localeCompare(a.start));
  if (!date) return byEnd[0] ?? null;
  const containing = periods.filter((p) => p.start <= date && date <= p.end).sort((a, b) => b.start.localeCompare(a.start));
  return containing[0] ?? byEnd.find((p) => p.end < date) ?? null;
}
