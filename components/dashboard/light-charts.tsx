// The overview's trend charts, drawn as plain SVG on the server (no recharts
// in the page: see lib/domain/svg-chart.ts). Same data, figure, table and
// source line as the theme pages' charts.
import { getLocale, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { CompareLinks } from "@/components/charts/compare-links";
import { SvgChart } from "@/components/charts/svg-chart";
import { svgFormatters } from "@/components/charts/svg-formatters";
import { EVENT_COLOUR, FUNDING_COLOURS } from "@/lib/domain/colour-scale";
import { eventLabel } from "@/lib/domain/events";
import { formatValue } from "@/lib/domain/format";
import { fundingChartSpec, lineChartSpec } from "@/lib/domain/svg-chart";
import { fundingByYearData } from "./funding-data";
import { trendData, type TrendChartProps } from "./trend-data";
import type { Visibility } from "@/lib/auth/visibility";

/** The preferred datasets' lines only (no comparison toggle: the theme pages have it), with the datasets named and links to the compare page. */
export async function LightTrendChart(props: TrendChartProps) {
  const { id, title, series, unit, height = 300 } = props;
  const [{ rows, meta, table, comparison, events }, t, locale] = await Promise.all([trendData({ ...props, compare: undefined }), getTranslations("charts"), getLocale()]);
  const marks = { markers: events.map((e) => ({ x1: e.x1, x2: e.x2, label: eventLabel(e, locale) })), colour: EVENT_COLOUR, legend: t("events") };
  const spec = lineChartSpec(rows, series, height, svgFormatters(locale, unit, t("noData"), t("people")), marks);
  return (
    <ChartFigure id={id} height={height} meta={meta} table={table} footer={<CompareLinks links={comparison.links} />}>
      <SvgChart spec={spec} label={title} id={id} />
    </ChartFigure>
  );
}

export async function LightFundingByYearChart({ id, visibility, title, height = 320 }: { id: string; visibility: Visibility; title: string; height?: number }) {
  const [{ rows, meta, table: full }, t, locale] = await Promise.all([fundingByYearData(visibility, { title }), getTranslations("charts"), getLocale()]);
  // The light bar chart does not draw events (yet): its table does not list them either.
  const table = { ...full, events: undefined };
  const or = (v: number | null, unit: "usd" | "percent") => (v === null ? t("noData") : formatValue(v, unit, locale));
  const spec = fundingChartSpec(rows, height, { funded: t("funded"), unmet: t("unmet"), coverage: t("coverage") }, FUNDING_COLOURS, {
    ...svgFormatters(locale, "usd", t("noData")),
    usd: (v) => or(v, "usd"),
    percent: (v) => or(v, "percent"),
  });
  return (
    <ChartFigure id={id} height={height} meta={meta} table={table}>
      <SvgChart spec={spec} label={title} id={id} />
    </ChartFigure>
  );
}
