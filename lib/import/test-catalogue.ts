// The project's own regions and indicators as an import catalogue, for tests,
// and helpers to read an analysis.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { INDICATORS } from "../../prisma/seed-data/indicators";
import { analyseFile, type Analysis, type AnalyseOptions, type Catalogue } from "./analyse";
import type { Candidate } from "./apply-mapping";
import { createRegionMatcher, type RegionRef } from "./region-match";

export const TEST_REGIONS = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed-data/regions.json"), "utf8")) as RegionRef[];

export const TEST_CATALOGUE: Catalogue = {
  regions: createRegionMatcher(TEST_REGIONS),
  indicators: new Map(INDICATORS.map((i) => [i.code, { unit: i.unit, spatialAggregation: i.spatialAggregation, disaggregation: i.disaggregation, hxl: i.hxl, code: i.code }])),
};

export { hasSharedData, SHARED_DATA } from "../../tests/shared-data";

/** The analysis of a file that must be importable (its reason otherwise). */
export async function analysed(data: Uint8Array, fileName: string, options: AnalyseOptions = {}): Promise<Extract<Analysis, { ok: true }>> {
  const result = await analyseFile(data, fileName, TEST_CATALOGUE, options);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** The one figure of an indicator, region and period start (and disaggregation), as a number. */
export function figureValue(cs: Candidate[], indicator: string, region: string, start: string, extra: Record<string, unknown> = {}): number {
  const hits = cs.filter((c) => c.indicator === indicator && c.region === region && c.periodStart === start && Object.entries(extra).every(([k, v]) => (c.disaggregation as Record<string, unknown> | null)?.[k] === v));
  expect(hits, `${indicator} ${region} ${start} ${JSON.stringify(extra)}`).toHaveLength(1);
  return Number(hits[0]!.value);
}

export const indicatorTotal = (cs: Candidate[], indicator: string) => cs.reduce((s, c) => s + (c.indicator === indicator ? Number(c.value) : 0), 0);
