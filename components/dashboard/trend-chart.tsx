// A line chart of one indicator over time: national, or one line per region,
// or one per disaggregation (current vs projected); with "Compare sources",
// the other datasets' lines beside each series.
import { ChartFigure } from "@/components/charts/chart-figure";
import { CompareLinks } from "@/components/charts/compare-links";
import { CompareToggle } from "@/components/charts/compare-toggle";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { trendData, type TrendChartProps } from "./trend-data";

export async function TrendChart(props: TrendChartProps) {
  const { id, unit } = props;
  const { rows, series, meta, table, comparison, events } = await trendData(props);
  // Comparison lines' legend entries take room from the plot: the chart grows with them
  // (and with the legend a single series gets for its "Events" entry).
  const height = (props.height ?? 300) + (series.length - props.series.length) * 28 + (series.length === 1 && events.length > 0 ? 28 : 0);
  return (
    <ChartFigure
      id={id}
      height={height}
      meta={meta}
      table={table}
      actions={comparison.toggle ? <CompareToggle chartId={id} pressed={comparison.on} /> : undefined}
      footer={<CompareLinks links={comparison.links} />}
    >
      <TimeSeriesChart rows={rows} series={series} unit={unit} height={height} events={events} />
    </ChartFigure>
  );
}
