import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireReader } from "@/lib/auth/reader";
import { forAggregates } from "@/lib/auth/visibility";
import { readablePlace, readsNational } from "@/lib/auth/read-scope";
import { OutsideScopeNotice } from "@/components/dashboard/outside-scope";
import { regionIndex } from "@/lib/data/reference";
import { periodsOf } from "@/lib/data/series";
import { parseDashboardFilters } from "@/lib/validation/dashboard-filters";
import { CATEGORICAL } from "@/lib/domain/colour-scale";
import { compareStateOf } from "@/lib/domain/comparison";
import { formatPeriod } from "@/lib/domain/format";
import { periodInForce } from "@/lib/domain/series";
import { ChartSlot } from "@/components/charts/chart-slot";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { PhaseChart } from "@/components/dashboard/phase-chart";
import { FilterBar } from "@/components/filters/filter-bar";
import { DataDownloads } from "@/components/dashboard/data-downloads";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("food"))("title") };
}

export default async function FoodSecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const v = forAggregates((await requireReader("figures:read")).visibility);
  const params = await searchParams;
  const filters = parseDashboardFilters(params);
  // Charts whose "Compare sources" toggle is on (?compare=<chart id>).
  const compare = compareStateOf(params.compare);
  const status = filters.status;
  const [locale, t, tc, tf, regionsByCode, periods] = await Promise.all([
    getLocale(),
    getTranslations("food"),
    getTranslations("charts"),
    getTranslations("filters"),
    regionIndex(),
    periodsOf(v, "ch_phase3plus", 1, `status=${status}`),
  ]);
  const lang = locale === "fr" ? "fr" : "en";
  const regions = [...regionsByCode.values()].filter((r) => r.level === 1 && readablePlace(v, r));
  const national = readsNational(v);
  // `date` picks the analysis in force on that day (any day); default the latest.
  const period = periodInForce(periods, filters.date) ?? undefined;
  const selected = filters.regions.filter((p) => regions.some((r) => r.pcode === p));
  const trendRegions = selected.length ? selected : ["ML05", "ML04", "ML06", "ML07"].filter((p) => regions.some((r) => r.pcode === p));
  const range = { from: filters.from, to: filters.to };
  // The phase chart compares every region unless the address picks some; then it shows those (as the trend does).
  const phaseRegions = selected.length ? regions.filter((r) => selected.includes(r.pcode)) : regions;
  const statusLabel = tc(status);
  const phasesTitle = period ? t("phases", { period: formatPeriod(period.start, period.end, locale), status: statusLabel }) : t("title");

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <FilterBar
        controls={{
          status: { value: status },
          asOf: { label: tf("inForce"), value: filters.date ?? period?.end ?? "", min: periods.at(-1)?.start, max: periods[0]?.end },
          regions: { options: regions.map((r) => ({ value: r.pcode, label: r.name[lang] })), value: trendRegions },
          range,
        }}
      />
      <DataDownloads indicators={["ch_population_by_phase", "ch_phase3plus"]} regions={selected.length ? selected : trendRegions} from={range.from} to={range.to} />
      {!national && <OutsideScopeNotice visibility={v} />}
      <div className="chart-grid">
        {period && (
          <ChartSlot title={phasesTitle} height={340}>
            <PhaseChart visibility={v} id="ch-phases" title={phasesTitle} period={period} status={status} regions={phaseRegions} lang={lang} />
          </ChartSlot>
        )}
        {national && (
          <ChartSlot title={t("trend")}>
            <TrendChart
              visibility={v}
              id="ch-trend"
              compare={compare("ch-trend")}
              title={t("trend")}
              query={{ indicator: "ch_phase3plus", level: 0, keys: ["status=current", "status=projected"], ...range }}
              by="key"
              unit="people"
              series={[
                { key: "status=current", label: tc("current"), colour: CATEGORICAL[5] },
                { key: "status=projected", label: tc("projected"), colour: CATEGORICAL[0], dashed: true },
              ]}
              dateLabel={tc("period")}
            />
          </ChartSlot>
        )}
        <ChartSlot title={t("byRegion", { status: statusLabel })}>
          <TrendChart
            visibility={v}
            id="ch-by-region"
            compare={compare("ch-by-region")}
            title={t("byRegion", { status: statusLabel })}
            query={{ indicator: "ch_phase3plus", regions: trendRegions, keys: [`status=${status}`], ...range }}
            unit="people"
            series={trendRegions.map((pcode, i) => ({ key: pcode, label: regionsByCode.get(pcode)?.name[lang] ?? pcode, colour: CATEGORICAL[i % CATEGORICAL.length]!, dashed: i >= CATEGORICAL.length }))}
            dateLabel={tc("period")}
          />
        </ChartSlot>
      </div>
    </>
  );
}
