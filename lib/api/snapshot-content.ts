// What a situation snapshot holds, for the country or one region: the key
// figures, the two trend charts, funding by year, IDPs by region and the
// sources. One source of truth: the /snapshot page (and so its PDF) draws
// these charts, and the sitrep pack (PowerPoint, Word) writes the same numbers
// (lib/api/sitrep.ts).
import { fundingByYearData } from "@/components/dashboard/funding-data";
import { trendData, type ChartIntl, type TrendChartProps } from "@/components/dashboard/trend-data";
import { svgFormatters } from "@/components/charts/svg-formatters";
import type { TableColumn } from "@/components/charts/chart-figure";
import { translator } from "@/i18n/translator";
import type { Locale } from "@/i18n/locales";
import { datasetCatalogue } from "../data/datasets";
import { mapView } from "../data/map";
import { indicatorIndex, regionIndex, type RegionDto } from "../data/reference";
import { latestForRegion, periodsOf, sourceLine, sourcesOf, type RegionLatest } from "../data/series";
import type { SourceDto } from "../data/figures";
import { asOfDate } from "../domain/charts";
import { CATEGORICAL, EVENT_COLOUR, FUNDING_COLOURS } from "../domain/colour-scale";
import { eventLabel, type EventMarker } from "../domain/events";
import { formatValue, type UnitCode } from "../domain/format";
import type { SourceSummary } from "../domain/sources";
import { fundingChartSpec, lineChartSpec, type PlotSpec } from "../domain/svg-chart";
import { todayIso } from "../domain/datasets";
import { snapshotQuerySchema } from "../validation/snapshot-query";
import { jsonError } from "./respond";
import { publishedOnly, type Visibility } from "../auth/visibility";
import { readablePlace } from "../auth/read-scope";
import { outsideScopeBody } from "./scope-refusal";

/**
 * The area and language of GET /api/v1/snapshot.pdf, sitrep.pptx and sitrep.docx
 * (region and locale only), or the 400 that refuses them (403 outside_scope
 * for an area outside the reader's read scope, the country included).
 */
export async function snapshotRequest(request: Request, v: Visibility): Promise<{ ok: true; area: RegionDto; locale: Locale } | { ok: false; response: Response }> {
  const url = new URL(request.url);
  const refuse = (message: string) => ({ ok: false as const, response: jsonError(400, "invalid_parameter", message) });
  const unknown = [...url.searchParams.keys()].find((key) => key !== "region" && key !== "locale");
  if (unknown) return refuse(`unknown parameter "${unknown.slice(0, 50)}": give region and locale only`);
  const parsed = snapshotQuerySchema.safeParse({ region: url.searchParams.get("region") ?? undefined, locale: url.searchParams.get("locale") ?? undefined });
  if (!parsed.success) return refuse(parsed.error.issues[0]!.message);
  const area = await snapshotArea(parsed.data.region);
  if (!area) return refuse(`region: no country or region with P-code ${parsed.data.region} (cercles have no snapshot)`);
  if (!readablePlace(v, area)) return { ok: false, response: Response.json(outsideScopeBody({ kind: "region", code: area.pcode }), { status: 403 }) };
  return { ok: true, area, locale: parsed.data.locale };
}

/** The indicators a snapshot shows, in this order, when the area has them. */
export const KEY_INDICATORS = ["idps", "returnees", "ch_phase3plus", "people_in_need", "funding_required", "funding_funded", "funding_coverage"];

/** The area of a snapshot: the country or a region; null for an unknown P-code or a cercle (cercles have no snapshot). */
export async function snapshotArea(pcode: string): Promise<RegionDto | null> {
  const area = (await regionIndex()).get(pcode);
  return area && area.level <= 1 ? area : null;
}

/** The key figures of an area as `v` sees them, in KEY_INDICATORS order, with their sources and "data as of". */
export async function snapshotFigures(v: Visibility, area: RegionDto): Promise<{ shown: RegionLatest[]; sources: SourceDto[]; asOf: string | null }> {
  const latest = await latestForRegion(v, area.pcode);
  const shown = latest.filter((l) => KEY_INDICATORS.includes(l.indicator)).sort((a, b) => KEY_INDICATORS.indexOf(a.indicator) - KEY_INDICATORS.indexOf(b.indicator));
  return { shown, sources: await sourcesOf(shown), asOf: asOfDate(shown) };
}

type SnapshotTexts = { snapshot: (key: string, values?: Record<string, string>) => string; charts: (key: string) => string };

/** The two trend charts (IDPs, CH phase 3+), as the page draws them: queries, series, names and colours. */
export function snapshotTrendCharts(v: Visibility, area: RegionDto, name: string, t: SnapshotTexts): { idps: TrendChartProps; ch: TrendChartProps } {
  const query = (indicator: string, keys: string[]) => (area.level === 0 ? { indicator, level: 0 as const, keys } : { indicator, regions: [area.pcode], keys });
  return {
    idps: {
      visibility: v,
      id: "snapshot-idps",
      title: t.snapshot("idpsTrend", { name }),
      query: query("idps", [""]),
      unit: "people",
      series: [{ key: area.level === 0 ? "ML" : area.pcode, label: name, colour: CATEGORICAL[0] }],
      dateLabel: t.charts("date"),
      height: 180,
    },
    ch: {
      visibility: v,
      id: "snapshot-ch",
      title: t.snapshot("chTrend", { name }),
      query: query("ch_phase3plus", ["status=current", "status=projected"]),
      by: "key",
      unit: "people",
      series: [
        { key: "status=current", label: t.charts("current"), colour: CATEGORICAL[5] },
        { key: "status=projected", label: t.charts("projected"), colour: CATEGORICAL[0], dashed: true },
      ],
      dateLabel: t.charts("period"),
      height: 180,
    },
  };
}

/** A dated event within a chart's dates (its region's own and the national ones, as the app marks them). */
export interface PackEvent {
  date: string;
  /** Title and dates, as the chart's tooltip and exports write them (eventLabel). */
  label: string;
}

/** One chart of the pack: its numbers by category, as drawn in the app, with its source line. */
export interface PackChart {
  id: "idps" | "ch" | "funding" | "map";
  kind: "line" | "bar";
  title: string;
  unit: UnitCode;
  /** Stacked bars (funding: funded + unmet = the requirement). */
  stacked: boolean;
  /** The x axis: ISO dates (line charts), plan years or region names (bar charts). */
  categoryLabel: string;
  categories: string[];
  series: { key: string; label: string; colour: string; dashed?: boolean; values: (number | null)[] }[];
  /** The chart's table, as its table view shows it. */
  table: { columns: TableColumn[]; rows: Record<string, string | number | null>[] };
  sources: SourceSummary[];
  datasets: string[];
  asOf: string | null;
  /** The app's SVG geometry of the chart, for a picture; null where the app draws it otherwise (the map). */
  plot: PlotSpec | null;
  events: PackEvent[];
}

export interface KeyFigure {
  indicator: string;
  key: string;
  label: string;
  value: number;
  unit: UnitCode;
  start: string;
  end: string;
  dataset: string;
  source: SourceDto | null;
}

export interface SnapshotContent {
  area: RegionDto;
  locale: Locale;
  name: string;
  asOf: string | null;
  /** The day the pack was made (ISO). */
  today: string;
  keyFigures: KeyFigure[];
  charts: PackChart[];
  sources: SourceDto[];
}

/**
 * Everything a snapshot shows, in `locale`, for an area from snapshotArea:
 * the sitrep pack is a file that leaves the app, so published figures only,
 * within the reader's read scope.
 */
export async function snapshotContent(reader: Visibility, area: RegionDto, locale: Locale): Promise<SnapshotContent> {
  const v = publishedOnly(reader);
  const snapshot = translator(locale, "snapshot");
  const charts = translator(locale, "charts");
  const overview = translator(locale, "overview");
  const intl: ChartIntl = { locale, t: charts };
  const name = area.name[locale];
  const [{ shown, sources, asOf }, indicators, catalogue, regions, idpPeriods] = await Promise.all([snapshotFigures(v, area), indicatorIndex(), datasetCatalogue(), regionIndex(), periodsOf(v, "idps", 1)]);

  const keyFigures: KeyFigure[] = await Promise.all(
    shown.map(async (l) => {
      const indicator = indicators.get(l.indicator);
      const status = l.key.startsWith("status=") ? ` (${overview(`status.${l.key.slice(7)}`)})` : "";
      const [source] = await sourcesOf([l]);
      return {
        indicator: l.indicator,
        key: l.key,
        label: `${indicator?.name[locale] ?? l.indicator}${status}`,
        value: l.value,
        unit: (indicator?.unit ?? "count") as UnitCode,
        start: l.start,
        end: l.end,
        dataset: catalogue.byCode.get(l.dataset)?.name ?? l.dataset,
        source: source ?? null,
      };
    }),
  );

  const trends = snapshotTrendCharts(v, area, name, { snapshot, charts });
  const lines = await Promise.all([trends.idps, trends.ch].map(async (props, i) => trendChart(i === 0 ? "idps" : "ch", props, intl)));
  const level1 = [...regions.values()].filter((r) => r.level === 1 && readablePlace(v, r));
  return {
    area,
    locale,
    name,
    asOf,
    today: todayIso(),
    keyFigures,
    charts: [...lines, await fundingChart(v, snapshot("fundingTrend"), intl), ...(idpPeriods[0] ? [await idpMapChart(v, snapshot("map"), idpPeriods[0].end, level1, intl)] : [])],
    sources,
  };
}

async function trendChart(id: "idps" | "ch", props: TrendChartProps, intl: ChartIntl): Promise<PackChart> {
  const { rows, series, meta, table, events } = await trendData(props, intl);
  return {
    id,
    kind: "line",
    title: props.title,
    unit: props.unit,
    stacked: false,
    categoryLabel: props.dateLabel,
    categories: rows.map((r) => r.date),
    series: series.map((s) => ({ key: s.key, label: s.label, colour: s.colour, dashed: s.dashed, values: rows.map((r) => (typeof r[s.key] === "number" ? (r[s.key] as number) : null)) })),
    table: { columns: table.columns, rows: table.rows as Record<string, string | number | null>[] },
    sources: meta.sources,
    datasets: meta.datasets.drawn,
    asOf: meta.asOf,
    plot: lineChartSpec(rows, series, 320, svgFormatters(intl.locale, props.unit, intl.t("noData"), intl.t("people")), {
      markers: events.map((e) => ({ x1: e.x1, x2: e.x2, label: eventLabel(e, intl.locale) })),
      colour: EVENT_COLOUR,
      legend: intl.t("events"),
    }),
    events: packEvents(events, intl.locale),
  };
}

async function fundingChart(v: Visibility, title: string, intl: ChartIntl): Promise<PackChart> {
  const { rows, meta, table, events } = await fundingByYearData(v, { title }, intl);
  const { t, locale } = intl;
  const or = (v: number | null, unit: "usd" | "percent") => (v === null ? t("noData") : formatValue(v, unit, locale));
  return {
    id: "funding",
    kind: "bar",
    title,
    unit: "usd",
    stacked: true,
    categoryLabel: t("year"),
    categories: rows.map((r) => r.label),
    series: [
      { key: "funded", label: t("funded"), colour: FUNDING_COLOURS.funded, values: rows.map((r) => r.funded) },
      { key: "unmet", label: t("unmet"), colour: FUNDING_COLOURS.unmet, values: rows.map((r) => r.unmet) },
    ],
    table: { columns: table.columns, rows: table.rows as unknown as Record<string, string | number | null>[] },
    sources: meta.sources,
    datasets: meta.datasets.drawn,
    asOf: meta.asOf,
    plot: fundingChartSpec(rows, 320, { funded: t("funded"), unmet: t("unmet"), coverage: t("coverage") }, FUNDING_COLOURS, {
      ...svgFormatters(locale, "usd", t("noData")),
      usd: (v) => or(v, "usd"),
      percent: (v) => or(v, "percent"),
    }),
    events: packEvents(events, locale),
  };
}

function packEvents(markers: readonly EventMarker[], locale: string): PackEvent[] {
  return markers.map((m) => ({ date: m.startDate, label: eventLabel(m, locale) }));
}

/** The snapshot's map as numbers: each region's IDPs at the map's date (mapView, as MapPanel), regions without a figure left out. */
async function idpMapChart(v: Visibility, title: string, date: string, regions: RegionDto[], intl: ChartIntl): Promise<PackChart> {
  const { t, locale } = intl;
  const view = await mapView(v, "idps", "", date);
  const shown = [...view.figures.values()];
  const lang = locale === "fr" ? "fr" : "en";
  const withData = regions.flatMap((r) => {
    const f = view.figures.get(r.pcode);
    return f ? [{ name: r.name[lang], value: f.value, date: f.end }] : [];
  });
  withData.sort((a, b) => b.value - a.value);
  const sources = await sourceLine(shown);
  return {
    id: "map",
    kind: "bar",
    title,
    unit: "people",
    stacked: false,
    categoryLabel: t("region"),
    categories: withData.map((r) => r.name),
    series: [{ key: "value", label: t("value"), colour: CATEGORICAL[0], values: withData.map((r) => r.value) }],
    table: {
      columns: [
        { key: "name", label: t("region") },
        { key: "value", label: t("value"), unit: "people" },
        { key: "date", label: t("date"), date: true },
      ],
      rows: withData,
    },
    sources,
    datasets: view.dataset ? [view.dataset.name] : [],
    asOf: asOfDate(shown),
    plot: null,
    events: [],
  };
}
