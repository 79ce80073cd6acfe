// The datasets behind a chart's points, for its source line: every chart says
// which dataset it draws and how fresh that is (its latest figure's reference
// date against the dataset's cadence).
import type { FreshnessProps } from "@/components/dashboard/freshness";
import { datasetCatalogue } from "@/lib/data/datasets";
import { asOfDate } from "@/lib/domain/charts";
import { freshnessOf, todayIso } from "@/lib/domain/datasets";

type Drawn = { dataset: string; end: string; publishedOn?: string | null };

export async function datasetNames(points: readonly { dataset: string }[]): Promise<string[]> {
  const catalogue = await datasetCatalogue();
  return [...new Set(points.map((p) => p.dataset))].map((code) => catalogue.byCode.get(code)?.name ?? code);
}

/** Each drawn dataset's freshness for what the chart shows (its indicator and places). */
export async function datasetFreshness(points: readonly Drawn[], today = todayIso()): Promise<FreshnessProps[]> {
  const catalogue = await datasetCatalogue();
  return [...new Set(points.map((p) => p.dataset))].map((code) => {
    const info = catalogue.byCode.get(code);
    const latestReference = asOfDate(points.filter((p) => p.dataset === code), today);
    const cadenceDays = info?.cadenceDays ?? null;
    return { datasetName: info?.name ?? code, latestReference, cadenceDays, freshness: freshnessOf(latestReference, cadenceDays, today) };
  });
}

/** A chart's `datasets` and `freshness` metadata (ChartMeta) from its drawn and compared points. */
export async function chartDatasets(drawn: readonly Drawn[], compared: readonly Drawn[] = []) {
  return { datasets: { drawn: await datasetNames(drawn), compared: await datasetNames(compared) }, freshness: await datasetFreshness(drawn) };
}
