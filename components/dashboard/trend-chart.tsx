// A line chart of one indicator over time: national, or one line per region,
// or one per disaggregation (current vs projected).
import { ChartFigure } from "@/components/charts/chart-figure";
import { TimeSeriesChart, type LineSeries } from "@/components/charts/time-series-chart";
import { getTranslations } from "next-intl/server";
import { asOfDate, rowsByDate, thinByPeriod } from "@/lib/domain/charts";
import type { UnitCode } from "@/lib/domain/format";
import { seriesPoints, sourceLine, type SeriesPoint, type SeriesQuery } from "@/lib/data/series";

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

export async function TrendChart({ id, title, query, unit, series, by = "region", dateLabel, height = 300 }: TrendChartProps) {
  const points = await seriesPoints(query);
  const columnOf = (p: SeriesPoint) => (by === "region" ? p.region : p.key);
  const known = new Set(series.map((s) => s.key));
  const { points: shown, thinning } = thinByPeriod(points.filter((p) => known.has(columnOf(p))), columnOf);
  const t = await getTranslations("charts");
  const rows = rowsByDate(shown, columnOf, series.map((s) => s.key));
  const sources = await sourceLine(shown);
  return (
    <ChartFigure
      id={id}
      height={height}
      meta={{ title, unit, sources, asOf: asOfDate(shown), note: thinning === "none" ? undefined : t(`thinned.${thinning}`) }}
      table={{
        columns: [{ key: "date", label: dateLabel, date: true }, ...series.map((s) => ({ key: s.key, label: s.label, unit }))],
        rows,
      }}
    >
      <TimeSeriesChart rows={rows} series={series} unit={unit} height={height} />
    </ChartFigure>
  );
}
