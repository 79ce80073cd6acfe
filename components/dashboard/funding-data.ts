// The data behind the funding charts; coverage and unmet are recomputed from the sums.
import { getLocale, getTranslations } from "next-intl/server";
import type { TableColumn } from "@/components/charts/chart-figure";
import { asOfDate, fundingRow } from "@/lib/domain/charts";
import { seriesPoints, sourceLine } from "@/lib/data/series";
import { cachedRead } from "@/lib/data/cache";

/** Requirement, funding, unmet and coverage per plan year, for either renderer (cached like trendData). */
export async function fundingByYearData(inputs: { title: string; from?: string; to?: string }) {
  const locale = await getLocale();
  return cachedRead(`funding-by-year:${locale}:${JSON.stringify(inputs)}`, () => buildFundingByYearData(inputs));
}

async function buildFundingByYearData({ title, from, to }: { title: string; from?: string; to?: string }) {
  const t = await getTranslations("charts");
  const query = { level: 0 as const, keys: [""], from, to };
  const [required, funded] = await Promise.all([seriesPoints({ indicator: "funding_required", ...query }), seriesPoints({ indicator: "funding_funded", ...query })]);
  const years = [...new Set(required.map((p) => p.start.slice(0, 4)))].sort();
  const rows = years.map((year) => {
    const r = required.find((p) => p.start.startsWith(year));
    const f = funded.find((p) => p.start.startsWith(year));
    return fundingRow(year, r?.value ?? null, f?.value ?? null);
  });
  const shown = [...required, ...funded];
  return {
    rows,
    meta: { title, unit: "usd" as const, sources: await sourceLine(shown), asOf: asOfDate(shown) },
    table: { columns: fundingColumns(t, t("year")), rows: rows.map((r) => ({ ...r })) },
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
