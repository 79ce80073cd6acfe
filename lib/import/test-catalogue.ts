// The project's own regions and indicators as an import catalogue, for tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import { INDICATORS } from "../../prisma/seed-data/indicators";
import type { Catalogue } from "./analyse";
import { createRegionMatcher, type RegionRef } from "./region-match";

export const TEST_REGIONS = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed-data/regions.json"), "utf8")) as RegionRef[];

export const TEST_CATALOGUE: Catalogue = {
  regions: createRegionMatcher(TEST_REGIONS),
  indicators: new Map(INDICATORS.map((i) => [i.code, { unit: i.unit, spatialAggregation: i.spatialAggregation, disaggregation: i.disaggregation, hxl: i.hxl, code: i.code }])),
};

export const SHARED_DATA = path.resolve(import.meta.dirname, "../../../shared/data");
