// The data behind a trend chart (one indicator over time): rows per date,
// the figure's metadata and its table, whichever renderer draws it.
import { getLocale, getTranslations } from "next-intl/server";
import type { LineSeries } from "@/components/charts/line-series";
import { asOfDate, rowsByDate, thinByPeriod } from "@/lib/domain/charts";
import type { UnitCode } from "@/lib/domain/format";
import { seriesPoints, sourceLine, type SeriesPoint, type SeriesQuery } from "@/lib/data/series";
import { cachedRead } from "@/lib/data/cache";

export interface TrendChartProps {
  id: string;
  title: string;
  query: SeriesQuery;
  unit: UnitCode;
  series: LineSeries[];
  /** Which series a point belongs to (default: its region). */
  by?: "region" | "key";
  dateLabel: string;
  height?: number;
}

/**
 * The chart's rows and its figure's metadata and table, for either renderer.
 * Cached whole (per data version and locale): shaping the rows costs more per
 * request than reading the cached series.
 */
export async function trendData(props: TrendChartProps) {
  const locale = await getLocale();
  const key = JSON.stringify([props.title, props.query, props.unit, props.series, props.by, props.dateLabel]);
  return cachedRead(`trend:${locale}:${key}`, () => buildTrendData(props));
}

async function buildTrendData({ title, query, unit, series, by = "region", dateLabel }: TrendChartProps) {
  const points = await seriesPoints(query);
  const columnOf = (p: SeriesPoint) => (by === "region" ? p.region : p.key);
  const known = new Set(series.map((s) => s.key));
  const { points: shown, thinning } = thinByPeriod(points.filter((p) => known.has(columnOf(p))), columnOf);
  const t = await getTranslations("charts");
  const rows = rowsByDate(shown, columnOf, series.map((s) => s.key));
  const sources = await sourceLine(shown);
  return {
    rows,
    meta: { title, unit, sources, asOf: asOfDate(shown), note: thinning === "none" ? undefined : t(`thinned.${thinning}`) },
    table: { columns: [{ key: "date", label: dateLabel, date: true }, ...series.map((s) => ({ key: s.key, label: s.label, unit }))], rows },
  };
}
