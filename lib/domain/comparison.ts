// Comparison lines: the other datasets of a chart's series, drawn beside its
// preferred line and never joined to it. Pure, so the split, the styles and
// the URL state are tested apart from React.
import { orderDatasets, type DatasetKindCode } from "./datasets";

export interface ComparisonLine {
  /** The line's column in the chart's rows: its series and dataset (see comparisonKey). */
  key: string;
  /** The series (chart column) it compares with. */
  column: string;
  dataset: string;
  kind: DatasetKindCode;
}

/** A comparison line's column: the series it sits beside, then its dataset ("ML@idmc-gidd"). */
export const comparisonKey = (column: string, dataset: string) => `${column}@${dataset}`;

/**
 * One line per series and other dataset, in the chart's series order, then
 * the indicator's preferred order of datasets. Points of series the chart
 * does not draw are left out.
 */
export function comparisonLines<P extends { dataset: string }>(
  others: readonly P[],
  columnOf: (p: P) => string,
  columns: readonly string[],
  preference: readonly string[],
  kinds: ReadonlyMap<string, DatasetKindCode>,
): ComparisonLine[] {
  const byColumn = new Map<string, Set<string>>();
  for (const p of others) {
    const column = columnOf(p);
    if (!columns.includes(column)) continue;
    byColumn.set(column, (byColumn.get(column) ?? new Set()).add(p.dataset));
  }
  return columns.flatMap((column) =>
    orderDatasets(preference, byColumn.get(column) ?? [], kinds).map((code) => ({ key: comparisonKey(column, code), column, dataset: code, kind: kinds.get(code) ?? "series" })),
  );
}

export interface ComparisonStyle {
  colour: string;
  /** A series' observations joined by a dotted line, never to another dataset's. */
  dotted: boolean;
  /** A report: its figures as dots, with no line (one figure is one dot). */
  dotsOnly: boolean;
}

/**
 * Styles that set comparison lines apart from the drawn ones: colours the
 * chart does not use yet (in palette order), dotted for series, dots only
 * for reports.
 */
export function comparisonStyles(lines: readonly ComparisonLine[], used: readonly string[], palette: readonly string[]): ComparisonStyle[] {
  const free = palette.filter((c) => !used.includes(c));
  const colours = free.length ? free : [...palette];
  return lines.map((l, i) => ({ colour: colours[i % colours.length] as string, dotted: l.kind !== "report", dotsOnly: l.kind === "report" }));
}

/** The columns (series) that have more than one dataset: each gets a link to the compare page. */
export function columnsWithSeveralDatasets<P extends { dataset: string }>(points: readonly P[], columnOf: (p: P) => string): string[] {
  const datasets = new Map<string, Set<string>>();
  for (const p of points) datasets.set(columnOf(p), (datasets.get(columnOf(p)) ?? new Set()).add(p.dataset));
  return [...datasets].filter(([, set]) => set.size > 1).map(([column]) => column);
}

/*
 * The toggle's state lives in the URL so a view with comparison lines can be
 * shared: ?compare=idps-national&compare=ch-trend lists the charts that show
 * them (chart ids); ?compare=1 turns them on for every chart of the page.
 */
const CHART_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const COMPARE_ALL = "1";

/** The chart ids whose comparison lines are on, from the `compare` query parameter. */
export function comparedCharts(param: string | string[] | undefined): Set<string> {
  const values = param === undefined ? [] : ([] as string[]).concat(param);
  return new Set(values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v === COMPARE_ALL || CHART_ID.test(v)));
}

export function isCompared(charts: ReadonlySet<string>, chartId: string): boolean {
  return charts.has(COMPARE_ALL) || charts.has(chartId);
}

/** A page's reading of ?compare: each chart id → whether its comparison lines are on. */
export function compareStateOf(param: string | string[] | undefined): (chartId: string) => "on" | "off" {
  const charts = comparedCharts(param);
  return (chartId) => (isCompared(charts, chartId) ? "on" : "off");
}

/**
 * The query string after pressing a chart's toggle: its id added or removed,
 * every other parameter kept. Turning a chart off while "1" is on turns
 * every chart off (the toggle does not know the page's other charts).
 */
export function toggleCompare(search: string, chartId: string): string {
  const params = new URLSearchParams(search);
  const charts = comparedCharts(params.getAll("compare"));
  const next = isCompared(charts, chartId) ? [...charts].filter((c) => c !== chartId && c !== COMPARE_ALL) : [...charts, chartId];
  params.delete("compare");
  for (const c of next) params.append("compare", c);
  return params.toString();
}
