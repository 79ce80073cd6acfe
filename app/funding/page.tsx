import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireReader } from "@/lib/auth/reader";
import { forAggregates } from "@/lib/auth/visibility";
import { readsNational } from "@/lib/auth/read-scope";
import { OutsideScopeNotice } from "@/components/dashboard/outside-scope";
import { periodsOf } from "@/lib/data/series";
import { parseDashboardFilters } from "@/lib/validation/dashboard-filters";
import { ChartSlot } from "@/components/charts/chart-slot";
import { FundingByClusterChart, FundingByYearChart } from "@/components/dashboard/funding-charts";
import { FilterBar } from "@/components/filters/filter-bar";
import { DataDownloads } from "@/components/dashboard/data-downloads";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("fundingPage"))("title") };
}

export default async function FundingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const v = forAggregates((await requireReader("figures:read")).visibility);
  const filters = parseDashboardFilters(await searchParams);
  const [t, plans] = await Promise.all([getTranslations("fundingPage"), periodsOf(v, "funding_required", 0, "sector=")]);
  // Funding is national: outside a regional read scope.
  if (!readsNational(v)) {
    return (
      <>
        <h1>{t("title")}</h1>
        <OutsideScopeNotice visibility={v} />
      </>
    );
  }
  const years = [...new Set(plans.map((p) => Number(p.start.slice(0, 4))))];
  const year = years.find((y) => y === filters.year) ?? years[0];

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <FilterBar controls={{ year: { options: years.map((y) => ({ value: String(y), label: String(y) })), value: String(year ?? "") }, range: { from: filters.from, to: filters.to } }} />
      <DataDownloads indicators={["funding_required", "funding_funded", "funding_unmet", "funding_coverage"]} regions={["ML"]} from={filters.from} to={filters.to} />
      <div className="chart-grid wide">
        <ChartSlot title={t("byYear")} height={320}>
          <FundingByYearChart visibility={v} id="funding-by-year" title={t("byYear")} from={filters.from} to={filters.to} />
        </ChartSlot>
        {year && (
          <ChartSlot title={t("byCluster", { year })} height={420}>
            <FundingByClusterChart visibility={v} id="funding-by-cluster" title={t("byCluster", { year })} year={year} />
          </ChartSlot>
        )}
      </div>
    </>
  );
}
