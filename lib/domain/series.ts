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

/** Funding coverage in percent, recomputed from sums (never averaged); null without a requirement. */
export function coveragePercent(required: number | null, funded: number | null): number | null {
  if (required === null || funded === null || required <= 0) return null;
  return (funded / required) * 100;
}

/** Unmet requirement: required − funded, never below zero. */
export function unmetRequirement(required: number | null, funded: number | null): number | null {
  if (required === null) return null;
  return Math.max(0, required - (funded ?? 0));
}

/** Each region's share of a national total, in percent; null when either is missing. */
export function shareOf(part: number | null, total: number | null): number | null {
  if (part === null || total === null || total === 0) return null;
  return (part / total) * 100;
}
