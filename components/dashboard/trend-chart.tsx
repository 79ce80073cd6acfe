// A line chart of one indicator over time: national, or one line per region,
// or one per disaggregation (current vs projected).
import { ChartFigure } from "@/components/charts/chart-figure";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { trendData, type TrendChartProps } from "./trend-data";

export async function TrendChart(props: TrendChartProps) {
  const { id, series, unit, height = 300 } = props;
  const { rows, meta, table } = await trendData(props);
  return (
    <ChartFigure id={id} height={height} meta={meta} table={table}>
      <TimeSeriesChart rows={rows} series={series} unit={unit} height={height} />
    </ChartFigure>
  );
}
