// The geometry of the overview's light charts, computed on the server: the
// browser gets finished coordinates and labels and only runs the tooltip.
// The overview thus stays inside its JavaScript budget (issue 3: 250 kB
// gzipped; recharts alone is ~120 kB), which matters on slow connections.
// Theme pages keep recharts for its richer interaction.
import { loneFigures, type SeriesRow } from "./series";

export interface PlotColumn {
  /** Centre of the column, in viewBox units. */
  x: number;
  label: string;
  /** The tooltip's formatted value (or "no data") of each of the spec's `series`, in order. */
  texts: string[];
}

export interface PlotSpec {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  y2Ticks: { y: number; label: string }[];
  /** Each line is one path; its observations are drawn as markers on the path's points. */
  lines: { key: string; colour: string; dashed: boolean; path: string }[];
  bars: { x: number; y: number; width: number; height: number; colour: string }[];
  /** A series of one figure: that figure and its date written above its point. */
  labels: PointLabel[];
  /** The tooltip's rows: a name and colour per series (bars and lines alike). */
  series: { label: string; colour: string }[];
  columns: PlotColumn[];
  legend: { label: string; colour: string; kind: "line" | "bar"; dashed?: boolean }[];
  /** Event markers (lib/domain/events.ts), numbered: a line at x, or a band from x to x2; `label` is the title and dates. */
  events?: { n: number; x: number; x2: number | null; label: string; colour: string }[];
}

/** Events to mark on a line chart: where (dates within its rows), what, in which colour, and the legend's name for them. */
export interface EventSpec {
  markers: { x1: string; x2: string | null; label: string }[];
  colour: string;
  legend: string;
}

export interface PointLabel {
  key: string;
  x: number;
  y: number;
  text: string;
  anchor: "start" | "middle" | "end";
}

export const VIEW_WIDTH = 640;

/** Where a point's label hangs, from the point's place across the plot (0 left, 1 right): inside the plot either way. */
export function labelAnchor(fraction: number): PointLabel["anchor"] {
  return fraction < 0.2 ? "start" : fraction > 0.8 ? "end" : "middle";
}

/** The smallest "nice" step (1, 2, 2.5 or 5 × 10^n) that covers `max` in at most `ticks` steps, and the axis top. */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 0.25 };
  const power = 10 ** Math.floor(Math.log10(max / ticks));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => Math.ceil(max / s) <= ticks) as number;
  return { max: Math.ceil(max / step) * step, step };
}

const round = (n: number) => Math.round(n * 10) / 10;

export interface LineSeriesSpec {
  key: string;
  label: string;
  colour: string;
  dashed?: boolean;
}

export interface Formatters {
  tick: (value: number) => string;
  value: (value: number | null) => string;
  date: (iso: string) => string;
}

/**
 * Axis text size in viewBox units. The chart is scaled to its card (about
 * 520 px wide in the two-column grid, so × 0.8): 15 units read as 12 px
 * there, where 11 read as 9 px.
 */
export const TICK_FONT_SIZE = 15;
/** An axis label's width, at ~0.6 em a character (digits and the narrow spaces around them are narrower). */
const textWidth = (text: string) => text.length * TICK_FONT_SIZE * 0.6;

/** The plot area inside the margins, wide enough for the longest tick label on each side. */
function frame(height: number, leftLabels: string[], rightLabels: string[] = []) {
  const side = (labels: string[], least: number) => Math.ceil(Math.max(least, ...labels.map((l) => textWidth(l) + 10)));
  return { left: side(leftLabels, 58), right: VIEW_WIDTH - side(rightLabels, 16), top: 10, bottom: height - TICK_FONT_SIZE - 18 };
}

function tickValues(scale: { max: number; step: number }): number[] {
  const values = [];
  for (let v = 0; v <= scale.max + scale.step / 2; v += scale.step) values.push(v);
  return values;
}

/** Lines over time; x is proportional to time, each series joins its own observations. */
export function lineChartSpec(rows: SeriesRow[], series: LineSeriesSpec[], height: number, f: Formatters, events?: EventSpec): PlotSpec {
  const values = rows.flatMap((r) => series.map((s) => r[s.key])).filter((v): v is number => typeof v === "number");
  const scale = niceScale(Math.max(0, ...values));
  const plot = frame(height, tickValues(scale).map(f.tick));
  const dates = rows.map((r) => Date.parse(`${r.date}T00:00:00Z`));
  const [t0, t1] = [Math.min(...dates), Math.max(...dates)];
  const x = (t: number) => round(t1 === t0 ? (plot.left + plot.right) / 2 : plot.left + ((t - t0) / (t1 - t0)) * (plot.right - plot.left));
  const y = (v: number) => round(plot.bottom - (v / scale.max) * (plot.bottom - plot.top));

  const lines = series.map((s) => {
    const points = rows.flatMap((r, i) => (typeof r[s.key] === "number" ? [{ x: x(dates[i] as number), y: y(r[s.key] as number) }] : []));
    return { key: s.key, colour: s.colour, dashed: !!s.dashed, path: pathThrough(points) };
  });
  const lone = loneFigures(rows, series.map((s) => s.key));
  const labels = series.flatMap((s) => {
    const one = lone.get(s.key);
    if (!one) return [];
    const px = x(dates[one.index] as number);
    return [{ key: s.key, x: px, y: round(y(one.value) - 8), text: `${f.value(one.value)} (${f.date(one.date)})`, anchor: labelAnchor(t1 === t0 ? 0.5 : (px - plot.left) / (plot.right - plot.left)) }];
  });
  const years = [...new Set(rows.map((r) => r.date.slice(0, 4)))];
  const every = Math.max(1, Math.ceil(years.length / 7));
  const at = (iso: string) => x(Date.parse(`${iso}T00:00:00Z`));
  const marked = rows.length && events ? events.markers.map((m, i) => ({ n: i + 1, x: at(m.x1), x2: m.x2 ? at(m.x2) : null, label: `${i + 1}. ${m.label}`, colour: events.colour })) : [];
  return {
    width: VIEW_WIDTH,
    height,
    plot,
    xTicks: years.filter((_, i) => i % every === 0).map((year) => ({ x: x(Date.parse(`${year}-01-01T00:00:00Z`)), label: year })).filter((t) => t.x >= plot.left && t.x <= plot.right),
    yTicks: yTicks(scale, y, f.tick),
    y2Ticks: [],
    lines,
    bars: [],
    labels,
    series: series.map((s) => ({ label: s.label, colour: s.colour })),
    columns: rows.map((r, i) => ({ x: x(dates[i] as number), label: f.date(r.date), texts: series.map((s) => f.value(typeof r[s.key] === "number" ? (r[s.key] as number) : null)) })),
    legend: [
      ...(series.length > 1 || marked.length ? series.map((s) => ({ label: s.label, colour: s.colour, kind: "line" as const, dashed: s.dashed })) : []),
      ...(marked.length && events ? [{ label: events.legend, colour: events.colour, kind: "line" as const, dashed: true }] : []),
    ],
    events: marked,
  };
}

function pathThrough(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i ? "L" : "M"}${p.x},${p.y}`).join("");
}

function yTicks(scale: { max: number; step: number }, y: (v: number) => number, label: (v: number) => string) {
  return tickValues(scale).map((v) => ({ y: y(v), label: label(v) }));
}

export interface FundingBarRow {
  label: string;
  funded: number | null;
  unmet: number | null;
  coverage: number | null;
}

/** Funded and unmet stacked (together the requirement), coverage % as a line on the right axis. */
export function fundingChartSpec(
  rows: FundingBarRow[],
  height: number,
  labels: { funded: string; unmet: string; coverage: string },
  colours: { funded: string; unmet: string; coverage: string },
  f: Formatters & { usd: (v: number | null) => string; percent: (v: number | null) => string },
): PlotSpec {
  const scale = niceScale(Math.max(0, ...rows.map((r) => (r.funded ?? 0) + (r.unmet ?? 0))));
  const percents = [0, 25, 50, 75, 100];
  const plot = frame(height, tickValues(scale).map(f.tick), percents.map((p) => f.percent(p)));
  const band = (plot.right - plot.left) / Math.max(1, rows.length);
  const centre = (i: number) => round(plot.left + band * (i + 0.5));
  const y = (v: number) => round(plot.bottom - (v / scale.max) * (plot.bottom - plot.top));
  const y2 = (pct: number) => round(plot.bottom - (Math.min(pct, 100) / 100) * (plot.bottom - plot.top));
  const width = round(Math.min(36, band * 0.6));
  const bars = rows.flatMap((r, i) => {
    const funded = r.funded ?? 0;
    const unmet = r.unmet ?? 0;
    const out = [];
    if (funded > 0) out.push({ x: round(centre(i) - width / 2), y: y(funded), width, height: round(plot.bottom - y(funded)), colour: colours.funded });
    if (unmet > 0) out.push({ x: round(centre(i) - width / 2), y: y(funded + unmet), width, height: round(y(funded) - y(funded + unmet)), colour: colours.unmet });
    return out;
  });
  const dots = rows.flatMap((r, i) => (r.coverage === null ? [] : [{ x: centre(i), y: y2(r.coverage) }]));
  const every = Math.max(1, Math.ceil(rows.length / 8));
  return {
    width: VIEW_WIDTH,
    height,
    plot,
    xTicks: rows.map((r, i) => ({ x: centre(i), label: r.label })).filter((_, i) => i % every === 0),
    yTicks: yTicks(scale, y, f.tick),
    y2Ticks: percents.map((p) => ({ y: y2(p), label: f.percent(p) })),
    lines: [{ key: "coverage", colour: colours.coverage, dashed: false, path: pathThrough(dots) }],
    bars,
    labels: [],
    series: [
      { label: labels.funded, colour: colours.funded },
      { label: labels.unmet, colour: colours.unmet },
      { label: labels.coverage, colour: colours.coverage },
    ],
    columns: rows.map((r, i) => ({ x: centre(i), label: r.label, texts: [f.usd(r.funded), f.usd(r.unmet), f.percent(r.coverage)] })),
    legend: [
      { label: labels.funded, colour: colours.funded, kind: "bar" },
      { label: labels.unmet, colour: colours.unmet, kind: "bar" },
      { label: labels.coverage, colour: colours.coverage, kind: "line" },
    ],
  };
}

/** The column nearest to `x` (viewBox units), for the tooltip. */
export function nearestColumn(columns: PlotColumn[], x: number): number {
  let best = -1;
  let distance = Infinity;
  columns.forEach((c, i) => {
    const d = Math.abs(c.x - x);
    if (d < distance) [best, distance] = [i, d];
  });
  return best;
}
