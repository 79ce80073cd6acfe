import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireReader } from "@/lib/auth/reader";
import { forAggregates } from "@/lib/auth/visibility";
import { readablePlace, readsNational } from "@/lib/auth/read-scope";
import { OutsideScopeNotice } from "@/components/dashboard/outside-scope";
import { regionIndex } from "@/lib/data/reference";
import { periodsOf, seriesPoints } from "@/lib/data/series";
import { parseDashboardFilters } from "@/lib/validation/dashboard-filters";
import { CATEGORICAL } from "@/lib/domain/colour-scale";
import { compareStateOf } from "@/lib/domain/comparison";
import { latestPerKey, rank } from "@/lib/domain/series";
import { formatDate } from "@/lib/domain/format";
import { ChartSlot } from "@/components/charts/chart-slot";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { RankingChart } from "@/components/dashboard/ranking-chart";
import { FilterBar } from "@/components/filters/filter-bar";
import { DataDownloads } from "@/components/dashboard/data-downloads";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("displacement"))("title") };
}

export default async function DisplacementPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const v = forAggregates((await requireReader("figures:read")).visibility);
  const params = await searchParams;
  const filters = parseDashboardFilters(params);
  // Charts whose "Compare sources" toggle is on (?compare=<chart id>).
  const compare = compareStateOf(params.compare);
  const [locale, t, tc, regionsByCode, dates] = await Promise.all([getLocale(), getTranslations("displacement"), getTranslations("charts"), regionIndex(), periodsOf(v, "idps", 1)]);
  const latestDate = dates[0]?.end;
  const firstDate = dates.at(-1)?.start;
  const lang = locale === "fr" ? "fr" : "en";
  const regions = [...regionsByCode.values()].filter((r) => r.level === 1 && readablePlace(v, r));
  const national = readsNational(v);

  // Default regions: the five with the most IDPs at the latest date.
  let selected = filters.regions.filter((p) => regions.some((r) => r.pcode === p));
  if (!selected.length) {
    const latest = latestPerKey((await seriesPoints(v, { indicator: "idps", level: 1, keys: [""] })).map((p) => ({ date: p.end, key: p.region, value: p.value })));
    selected = rank(new Map([...latest.values()].map((p) => [p.key, p.value]))).slice(0, 5).map((r) => r.key);
  }
  // The ranking is "as of" any day; default: the latest assessment.
  const date = filters.date ?? latestDate;
  const range = { from: filters.from, to: filters.to };

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <FilterBar
        controls={{
          regions: { options: regions.map((r) => ({ value: r.pcode, label: r.name[lang] })), value: selected },
          range,
          asOf: { value: date ?? "", min: firstDate, max: latestDate },
        }}
      />
      <DataDownloads indicators={["idps", "returnees"]} regions={selected} from={range.from} to={range.to} />
      {!national && <OutsideScopeNotice visibility={v} />}
      <div className="chart-grid">
        {national && (
          <ChartSlot title={t("national")}>
            <TrendChart visibility={v} id="idps-national" compare={compare("idps-national")} title={t("national")} query={{ indicator: "idps", level: 0, keys: [""], ...range }} unit="people" series={[{ key: "ML", label: tc("national"), colour: CATEGORICAL[0] }]} dateLabel={tc("date")} />
          </ChartSlot>
        )}
        <ChartSlot title={t("byRegion")}>
          <TrendChart
            visibility={v}
            id="idps-by-region"
            compare={compare("idps-by-region")}
            title={t("byRegion")}
            query={{ indicator: "idps", regions: selected, keys: [""], ...range }}
            unit="people"
            series={selected.map((pcode, i) => ({ key: pcode, label: regionsByCode.get(pcode)?.name[lang] ?? pcode, colour: CATEGORICAL[i % CATEGORICAL.length]!, dashed: i >= CATEGORICAL.length }))}
            dateLabel={tc("date")}
          />
        </ChartSlot>
        {date && (
          <ChartSlot title={t("ranked", { date: formatDate(date, locale) })} height={340}>
            <RankingChart visibility={v} id="idps-ranked" title={t("ranked", { date: formatDate(date, locale) })} indicator="idps" date={date} regions={regions} lang={lang} unit="people" colour={CATEGORICAL[0]} labels={{ region: tc("region"), value: tc("value"), date: tc("date") }} />
          </ChartSlot>
        )}
        {national && (
          <>
            <ChartSlot title={t("returnees")}>
              <TrendChart visibility={v} id="returnees-national" compare={compare("returnees-national")} title={t("returnees")} query={{ indicator: "returnees", level: 0, keys: [""], ...range }} unit="people" series={[{ key: "ML", label: tc("national"), colour: CATEGORICAL[2] }]} dateLabel={tc("date")} />
            </ChartSlot>
            <ChartSlot title={t("refugees")}>
              <TrendChart visibility={v} id="refugees-national" compare={compare("refugees-national")} title={t("refugees")} query={{ indicator: "refugees", level: 0, keys: [""], ...range }} unit="people" series={[{ key: "ML", label: tc("national"), colour: CATEGORICAL[3] }]} dateLabel={tc("date")} />
            </ChartSlot>
          </>
        )}
      </div>
    </>
  );
}
