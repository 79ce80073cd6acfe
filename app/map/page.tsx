import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireReader } from "@/lib/auth/reader";
import { forAggregates, type Visibility } from "@/lib/auth/visibility";
import { readablePlace } from "@/lib/auth/read-scope";
import { indicatorIndex, regionIndex, type RegionDto } from "@/lib/data/reference";
import { chPhaseMapView, mapView } from "@/lib/data/map";
import { parseDashboardFilters, type DashboardFilters } from "@/lib/validation/dashboard-filters";
import { formatPeriod, type UnitCode } from "@/lib/domain/format";
import { ChartSlot } from "@/components/charts/chart-slot";
import { MapPanel } from "@/components/dashboard/map-panel";
import { PhaseMapPanel } from "@/components/dashboard/phase-map-panel";
import { CERCLE_PATHS } from "@/components/map/mali-cercles";
import { FilterBar } from "@/components/filters/filter-bar";
import { mapMeasureOf, MeasureSwitch } from "@/components/map/measure-switch";
import { RATE_INDICATORS } from "@/lib/data/rates";

export const dynamic = "force-dynamic";

// Indicators a region map can show: one value per region (CH per status).
const MAPPABLE = ["idps", "idp_households", "returnees", "ch_phase3plus", "people_in_need", "people_targeted", "population"];
// Not an indicator: the Cadre Harmonisé area phase, classified from the population by phase.
const AREA_PHASE = "ch_area_phase";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("map"))("title") };
}

export default async function MapPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const v = forAggregates((await requireReader("figures:read")).visibility);
  const params = await searchParams;
  const filters = parseDashboardFilters(params);
  const [locale, t, indicators, regionsByCode] = await Promise.all([getLocale(), getTranslations("map"), indicatorIndex(), regionIndex()]);
  const lang = locale === "fr" ? "fr" : "en";
  const indicatorOptions = [
    ...MAPPABLE.filter((c) => indicators.has(c)).map((c) => ({ value: c, label: indicators.get(c)!.name[lang] })),
    ...(indicators.has("ch_population_by_phase") ? [{ value: AREA_PHASE, label: t("areaPhase") }] : []),
  ];
  if (filters.indicator === AREA_PHASE) return <AreaPhaseMap visibility={v} filters={filters} options={indicatorOptions} lang={lang} locale={locale} regionsByCode={regionsByCode} />;
  const code = filters.indicator && MAPPABLE.includes(filters.indicator) ? filters.indicator : "idps";
  const indicator = indicators.get(code);
  const isCh = indicator?.disaggregation === "ch_status";
  const keys = isCh ? [`status=${filters.status}`] : [""];
  // The dates of the map's dataset; by default the one covering most regions.
  const view = await mapView(v, code, keys[0]!, filters.date);
  const periods = view.periods;
  const period = periods.find((p) => p.end === view.date);
  // A read-scoped reader's map names and colours their regions only.
  const regions = [...regionsByCode.values()].filter((r) => r.level === 1 && readablePlace(v, r));
  const name = indicator?.name[lang] ?? code;
  // ?measure=rate: the indicator as a % of each region's population, where it has rates.
  const measure = mapMeasureOf(params.measure, RATE_INDICATORS.some((r) => r.indicator === code));
  const title = period ? t(measure === "rate" ? "rateTitle" : "heading", { indicator: name, period: formatPeriod(period.start, period.end, locale) }) : name;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <FilterBar
        controls={{
          indicator: { options: indicatorOptions, value: code },
          ...(isCh ? { status: { value: filters.status } } : {}),
          date: { options: periods.map((p) => ({ value: p.end, label: formatPeriod(p.start, p.end, locale) })), value: period?.end ?? "" },
        }}
      />
      {RATE_INDICATORS.some((r) => r.indicator === code) && <MeasureSwitch measure={measure} params={params} labels={{ group: t("measure"), count: t("count"), rate: t("rate") }} locale={locale} />}
      {period && (
        <ChartSlot title={title} height={520}>
          <MapPanel visibility={v} title={title} indicator={code} unit={(indicator?.unit ?? "count") as UnitCode} date={period.end} keys={keys} regions={regions} lang={lang} measure={measure} />
        </ChartSlot>
      )}
    </>
  );
}

/** The CH area phase map: a status, a level (regions or cercles) and a CH period, all in the URL. */
async function AreaPhaseMap({
  visibility,
  filters,
  options,
  lang,
  locale,
  regionsByCode,
}: {
  visibility: Visibility;
  filters: DashboardFilters;
  options: { value: string; label: string }[];
  lang: "en" | "fr";
  locale: string;
  regionsByCode: Map<string, RegionDto>;
}) {
  const t = await getTranslations("map");
  const level = filters.level;
  const view = await chPhaseMapView(visibility, filters.status, level, filters.date);
  const period = view.periods.find((p) => p.end === view.date);
  // Every region; the cercles that have a shape (the 2015 ones, Ménaka as ML0704).
  const areas = [...regionsByCode.values()].filter((r) => (level === "region" ? r.level === 1 : r.level === 2 && r.pcode in CERCLE_PATHS) && readablePlace(visibility, r));
  const title = t("phaseHeading", { level, status: filters.status, period: period ? formatPeriod(period.start, period.end, locale) : "—" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("phaseIntro")}</p>
      <FilterBar
        controls={{
          indicator: { options, value: AREA_PHASE },
          status: { value: filters.status },
          level: { value: level },
          date: { options: view.periods.map((p) => ({ value: p.end, label: formatPeriod(p.start, p.end, locale) })), value: period?.end ?? "" },
        }}
      />
      {period && (
        <ChartSlot title={title} height={520}>
          <PhaseMapPanel title={title} view={view} level={level} areas={areas} lang={lang} />
        </ChartSlot>
      )}
    </>
  );
}
