// The data behind a trend chart (one indicator over time): rows per date,
// the figure's metadata and its table, whichever renderer draws it. Each
// series draws its preferred dataset only; with comparisons on, the other
// datasets' points come as lines of their own (never joined to it).
import { visibilityKey, type Visibility } from "@/lib/auth/visibility";
import { getLocale, getTranslations } from "next-intl/server";
import type { LineSeries } from "@/components/charts/line-series";
import { CATEGORICAL } from "@/lib/domain/colour-scale";
import { asOfDate, rowsByDate, thinByPeriod } from "@/lib/domain/charts";
import { columnsWithSeveralDatasets, comparisonKey, comparisonLines, comparisonStyles } from "@/lib/domain/comparison";
import { compareHref } from "@/lib/domain/datasets";
import type { UnitCode } from "@/lib/domain/format";
import { seriesWithComparisons, sourceLine, type SeriesPoint, type SeriesQuery } from "@/lib/data/series";
import { datasetCatalogue, preferenceOf } from "@/lib/data/datasets";
import { cachedRead } from "@/lib/data/cache";
import { eventsFor } from "@/lib/data/events";
import { eventMarkers, eventRegionsOf } from "@/lib/domain/events";
import { chartDatasets, datasetNames } from "./dataset-names";
import { sign } from "@/lib/domain/typography";

export interface TrendChartProps {
  /** What the chart draws (forAggregates of the page's reader; publishedOnly for files). */
  visibility: Visibility;
  id: string;
  title: string;
  query: Omit<SeriesQuery, "allDatasets" | "datasets">;
  unit: UnitCode;
  series: LineSeries[];
  /** Which series a point belongs to (default: its region). */
  by?: "region" | "key";
  dateLabel: string;
  height?: number;
  /**
   * The chart offers the "Compare sources" toggle when its series have other
   * datasets: "on" draws them (the page reads it from ?compare=). Without
   * it, no toggle.
   */
  compare?: "on" | "off";
}

export interface CompareLinkSpec {
  href: string;
  /** The series' label when the chart has several series; else null. */
  series: string | null;
}

/**
 * The chart's rows and its figure's metadata and table, for either renderer.
 * Cached whole (per data version and locale): shaping the rows costs more per
 * request than reading the cached series.
 */
export async function trendData(props: TrendChartProps, intl?: ChartIntl) {
  const { locale, t } = intl ?? (await requestIntl());
  const key = JSON.stringify([props.title, props.query, props.unit, props.series, props.by, props.dateLabel, props.compare]);
  return cachedRead(`trend:${locale}:${visibilityKey(props.visibility)}:${key}`, () => buildTrendData(props, { locale, t }), { indicators: [props.query.indicator] });
}

/**
 * A chart's language: the request's (pages), or one given by the caller (the
 * sitrep pack, whose language is a parameter and which also runs outside a request).
 */
export interface ChartIntl {
  locale: string;
  /** The "charts" messages. */
  t: (key: string) => string;
}

export async function requestIntl(): Promise<ChartIntl> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("charts")]);
  return { locale, t: (key) => t(key as Parameters<typeof t>[0]) };
}

async function buildTrendData({ visibility, title, query, unit, series, by = "region", dateLabel, compare }: TrendChartProps, { t, locale }: ChartIntl) {
  const [{ drawn, others }, preference, catalogue, events] = await Promise.all([
    seriesWithComparisons(visibility, query),
    preferenceOf(query.indicator),
    datasetCatalogue(),
    eventsFor({ regions: eventRegions(query), from: query.from, to: query.to }),
  ]);
  const columnOf = (p: SeriesPoint) => (by === "region" ? p.region : p.key);
  const columns = series.map((s) => s.key);
  const known = (p: SeriesPoint) => columns.includes(columnOf(p));
  const nameOf = (code: string) => catalogue.byCode.get(code)?.name ?? code;

  // Comparison lines: one per series and other dataset, in their own style.
  const lines = comparisonLines(others, columnOf, columns, preference, catalogue.kinds);
  const comparing = compare === "on" && lines.length > 0;
  const styles = comparisonStyles(lines, series.map((s) => s.colour), CATEGORICAL);
  const labelOf = (column: string) => series.find((s) => s.key === column)?.label ?? column;
  const comparisonSeries: LineSeries[] = comparing
    ? lines.map((l, i) => ({
        key: l.key,
        label: series.length > 1 ? `${labelOf(l.column)}${sign(":", locale)} ${nameOf(l.dataset)}` : nameOf(l.dataset),
        colour: styles[i]!.colour,
        dotted: styles[i]!.dotted,
        dotsOnly: styles[i]!.dotsOnly,
      }))
    : [];
  const isDrawn = new Set(drawn);
  const lineOf = (p: SeriesPoint) => (isDrawn.has(p) ? columnOf(p) : comparisonKey(columnOf(p), p.dataset));
  const candidates = [...drawn.filter(known), ...(comparing ? others.filter(known) : [])];
  const { points: shown, thinning } = thinByPeriod(candidates, lineOf);
  const shownDrawn = shown.filter((p) => isDrawn.has(p));
  // Beside comparison lines, each drawn line names its own dataset too.
  const drawnSeries = comparing ? await Promise.all(series.map(async (s) => ({ ...s, label: namedLabel(s.label, await datasetNames(drawn.filter((p) => columnOf(p) === s.key)), locale) }))) : series;
  const allSeries = [...drawnSeries, ...comparisonSeries];
  const rows = rowsByDate(shown, lineOf, allSeries.map((s) => s.key));
  // The events within the chart's dates (its regions' own and the national ones).
  const markers = eventMarkers(events, rows.map((r) => r.date), locale);
  const sources = await sourceLine(shown);

  // A link to the compare page for each series that has more than one dataset.
  const several = columnsWithSeveralDatasets([...drawn, ...others].filter(known), columnOf);
  const compareLinks: CompareLinkSpec[] = columns
    .filter((c) => several.includes(c))
    .map((column) => {
      const p = drawn.find((d) => columnOf(d) === column) ?? others.find((o) => columnOf(o) === column)!;
      return { href: compareHref(query.indicator, p.region, p.key), series: series.length > 1 ? labelOf(column) : null };
    });

  return {
    rows,
    series: allSeries,
    meta: {
      title,
      unit,
      sources,
      asOf: asOfDate(shownDrawn),
      ...(await chartDatasets(shownDrawn, shown.filter((p) => !isDrawn.has(p)))),
      note: thinning === "none" ? undefined : t(`thinned.${thinning}`),
    },
    table: { columns: [{ key: "date", label: dateLabel, date: true }, ...allSeries.map((s) => ({ key: s.key, label: s.label, unit }))], rows, events: markers },
    events: markers,
    comparison: {
      /** The toggle is offered when the page asks for it and a series has another dataset. */
      toggle: compare !== undefined && lines.length > 0,
      on: comparing,
      links: compareLinks,
    },
  };
}

/**
 * The regions whose own events a chart marks beside the national ones: its
 * regions (a cercle's region for a cercle); none for a national chart; every
 * region (null) for a chart of all regions.
 */
function eventRegions(query: TrendChartProps["query"]): string[] | null {
  if (query.regions) return eventRegionsOf(query.regions);
  return (query.level ?? 0) === 0 ? [] : null;
}

function namedLabel(label: string, datasets: string[], locale: string): string {
  return datasets.length ? `${label}${sign(":", locale)} ${datasets.join(`${sign(";", locale)} `)}` : label;
}
