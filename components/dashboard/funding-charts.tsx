// Funding against requirements: per plan year with the coverage line, and by
// cluster for one plan. Coverage and unmet are recomputed from the sums.
import { getLocale, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { FundingChart } from "@/components/charts/funding-chart";
import { asOfDate, fundingRow } from "@/lib/domain/charts";
import { sectorName } from "@/lib/domain/sector-names";
import { seriesPoints, sourceLine } from "@/lib/data/series";
import { chartDatasets } from "./dataset-names";
import { fundingByYearData, fundingColumns } from "./funding-data";
import type { Visibility } from "@/lib/auth/visibility";

export async function FundingByYearChart({ id, visibility, ...props }: { id: string; visibility: Visibility; title: string; from?: string; to?: string }) {
  const { rows, meta, table, events } = await fundingByYearData(visibility, props);
  return (
    <ChartFigure id={id} height={320} meta={meta} table={table}>
      <FundingChart rows={rows} events={events} />
    </ChartFigure>
  );
}

export async function FundingByClusterChart({ id, visibility, title, year }: { id: string; visibility: Visibility; title: string; year: number }) {
  const [t, locale] = await Promise.all([getTranslations("charts"), getLocale()]);
  const query = { level: 0 as const, keyPrefix: "sector=", from: `${year}-01-01`, to: `${year}-12-31` };
  const [required, funded] = await Promise.all([seriesPoints(visibility, { indicator: "funding_required", ...query }), seriesPoints(visibility, { indicator: "funding_funded", ...query })]);
  const inYear = <P extends { start: string }>(ps: P[]) => ps.filter((p) => p.start.startsWith(String(year)));
  const req = inYear(required);
  const fund = inYear(funded);
  const sectors = [...new Set([...req, ...fund].map((p) => p.key))];
  const sectorLabels = new Map([...req, ...fund].map((p) => [p.key, p.sector ?? p.key]));
  const label = (key: string) => sectorName(sectorLabels.get(key) ?? key, locale === "fr" ? "fr" : "en");
  const rows = sectors
    .map((key) => fundingRow(label(key), req.find((p) => p.key === key)?.value ?? null, fund.find((p) => p.key === key)?.value ?? null))
    .sort((a, b) => (b.required ?? -1) - (a.required ?? -1) || (b.funded ?? 0) - (a.funded ?? 0));
  const shown = [...req, ...fund];
  // Room for each cluster's name on two lines (components/charts/funding-chart.tsx).
  const height = Math.max(240, rows.length * 36 + 60);
  return (
    <ChartFigure
      id={id}
      height={height}
      meta={{ title, unit: "usd", sources: await sourceLine(shown), asOf: asOfDate(shown), ...(await chartDatasets(shown)) }}
      table={{ columns: fundingColumns(t, t("cluster")), rows: rows.map((r) => ({ ...r })) }}
    >
      <FundingChart rows={rows} layout="vertical" height={height} />
    </ChartFigure>
  );
}
