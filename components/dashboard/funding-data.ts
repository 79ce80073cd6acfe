// The data behind the funding charts; coverage and unmet are recomputed from the sums.
import type { TableColumn } from "@/components/charts/chart-figure";
import { asOfDate } from "@/lib/domain/charts";
import { sourceLine } from "@/lib/data/series";
import { fundingByYear } from "@/lib/data/funding";
import { cachedRead } from "@/lib/data/cache";
import { FUNDING_FUNDED, FUNDING_REQUIRED } from "@/lib/domain/funding";
import { eventsFor } from "@/lib/data/events";
import { yearMarkers } from "@/lib/domain/events";
import { chartDatasets } from "./dataset-names";
import { requestIntl, type ChartIntl } from "./trend-data";
import { visibilityKey, type Visibility } from "@/lib/auth/visibility";

/** Requirement, funding, unmet and coverage per plan year as `v` sees them, for either renderer (cached like trendData). */
export async function fundingByYearData(v: Visibility, inputs: { title: string; from?: string; to?: string }, intl?: ChartIntl) {
  const { locale, t } = intl ?? (await requestIntl());
  return cachedRead(`funding-by-year:${locale}:${visibilityKey(v)}:${JSON.stringify(inputs)}`, () => buildFundingByYearData(v, inputs, { locale, t }), { indicators: [FUNDING_REQUIRED, FUNDING_FUNDED] });
}

async function buildFundingByYearData(v: Visibility, { title, from, to }: { title: string; from?: string; to?: string }, { t, locale }: ChartIntl) {
  const [{ rows, points: shown }, events] = await Promise.all([fundingByYear(v, { from, to }), eventsFor({ from, to })]);
  // A plan covers the country: its chart marks the national events, on their years' bars.
  const markers = yearMarkers(events, rows.map((r) => r.label), locale);
  return {
    rows,
    events: markers,
    meta: { title, unit: "usd" as const, sources: await sourceLine(shown), asOf: asOfDate(shown), ...(await chartDatasets(shown)) },
    table: { columns: fundingColumns(t, t("year")), rows: rows.map((r) => ({ ...r })), events: markers },
  };
}

export function fundingColumns(t: (key: string) => string, first: string): TableColumn[] {
  return [
    { key: "label", label: first },
    { key: "required", label: t("required"), unit: "usd" },
    { key: "funded", label: t("funded"), unit: "usd" },
    { key: "unmet", label: t("unmet"), unit: "usd" },
    { key: "coverage", label: t("coverage"), unit: "percent" },
  ];
}
