// The names of the datasets behind a chart's points, for its source line
// (every chart says which dataset it draws).
import { datasetCatalogue } from "@/lib/data/datasets";

export async function datasetNames(points: readonly { dataset: string }[]): Promise<string[]> {
  const catalogue = await datasetCatalogue();
  return [...new Set(points.map((p) => p.dataset))].map((code) => catalogue.byCode.get(code)?.name ?? code);
}
