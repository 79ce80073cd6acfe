// What the funding-by-year chart draws: requirement and funding per plan year
// as stored, unmet and coverage recomputed from them by the one rule
// (lib/domain/funding.ts via fundingRow), so the chart, its table, the tiles
// (stored derived figures) and the API agree.
import { fundingRow, type FundingRowData } from "../domain/charts";
import { FUNDING_FUNDED, FUNDING_REQUIRED } from "../domain/funding";
import { seriesPoints, type SeriesPoint } from "./series";
import type { Visibility } from "../auth/visibility";

export async function fundingByYear(v: Visibility, { from, to }: { from?: string; to?: string }): Promise<{ rows: FundingRowData[]; points: SeriesPoint[] }> {
  const query = { level: 0 as const, keys: [""], from, to };
  const [required, funded] = await Promise.all([seriesPoints(v, { indicator: FUNDING_REQUIRED, ...query }), seriesPoints(v, { indicator: FUNDING_FUNDED, ...query })]);
  const years = [...new Set(required.map((p) => p.start.slice(0, 4)))].sort();
  const rows = years.map((year) => {
    const r = required.find((p) => p.start.startsWith(year));
    const f = funded.find((p) => p.start.startsWith(year));
    return fundingRow(year, r?.value ?? null, f?.value ?? null);
  });
  return { rows, points: [...required, ...funded] };
}
