import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { indicatorIndex, regionIndex } from "@/lib/data/reference";
import { mapView } from "@/lib/data/map";
import { parseDashboardFilters } from "@/lib/validation/dashboard-filters";
import { formatPeriod, type UnitCode } from "@/lib/domain/format";
import { ChartSlot } from "@/components/charts/chart-slot";
import { MapPanel } from "@/components/dashboard/map-panel";
import { FilterBar } from "@/components/filters/filter-bar";
import { mapMeasureOf, MeasureSwitch } from "@/components/map/measure-switch";
import { RATE_INDICATORS } from "@/lib/data/rates";

export const dynamic = "force-dynamic";

// Indicators a region map can show: one value per region (CH per status).
const MAPPABLE = ["idps", "idp_households", "returnees", "ch_phase3plus", "people_in_need", "people_targeted", "population"];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("map"))("title") };
}

export default async function MapPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("figures:read");
  const params = await searchParams;
  const filters = parseDashboardFilters(params);
  const [locale, t, indicators, regionsByCode] = await Promise.all([getLocale(), getTranslations("map"), indicatorIndex(), regionIndex()]);
  const lang = locale === "fr" ? "fr" : "en";
  const code = filters.indicator && MAPPABLE.includes(filters.indicator) ? filters.indicator : "idps";
  const indicator = indicators.get(code);
  const isCh = indicator?.disaggregation === "ch_status";
  const keys = isCh ? [`status=${filters.status}`] : [""];
  // The dates of the map's dataset; by default the one covering most regions.
  const view = await mapView(code, keys[0]!, filters.date);
  const periods = view.periods;
  const period = periods.find((p) => p.end === view.date);
  const regions = [...regionsByCode.values()].filter((r) => r.level === 1);
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
          indicator: { options: MAPPABLE.filter((c) => indicators.has(c)).map((c) => ({ value: c, label: indicators.get(c)!.name[lang] })), value: code },
          ...(isCh ? { status: { value: filters.status } } : {}),
          date: { options: periods.map((p) => ({ value: p.end, label: formatPeriod(p.start, p.end, locale) })), value: period?.end ?? "" },
        }}
      />
      {RATE_INDICATORS.some((r) => r.indicator === code) && <MeasureSwitch measure={measure} params={params} labels={{ group: t("measure"), count: t("count"), rate: t("rate") }} />}
      {period && (
        <ChartSlot title={title} height={520}>
          <MapPanel title={title} indicator={code} unit={(indicator?.unit ?? "count") as UnitCode} date={period.end} keys={keys} regions={regions} lang={lang} measure={measure} />
        </ChartSlot>
      )}
    </>
  );
}
