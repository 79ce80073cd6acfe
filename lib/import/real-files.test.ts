// The published files analysts import, read as they are (../shared/data, never
// copied here), must give the figures their publishers state (SOURCES.md).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyseFile, type Analysis } from "./analyse";
import type { Candidate } from "./apply-mapping";
import { SHARED_DATA, TEST_CATALOGUE } from "./test-catalogue";

async function analyse(file: string, options = {}): Promise<Extract<Analysis, { ok: true }>> {
  const result = await analyseFile(readFileSync(path.join(SHARED_DATA, file)), path.basename(file), TEST_CATALOGUE, options);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const value = (cs: Candidate[], indicator: string, region: string, start: string, extra: Partial<Candidate["disaggregation"] & object> = {}) => {
  const hits = cs.filter((c) => c.indicator === indicator && c.region === region && c.periodStart === start && Object.entries(extra).every(([k, v]) => (c.disaggregation as Record<string, unknown> | null)?.[k] === v));
  expect(hits, `${indicator} ${region} ${start}`).toHaveLength(1);
  return Number(hits[0]!.value);
};

describe("real files", () => {
  it("IOM DTM round 72 (XLSX with an HXL row): communes add up to regions", async () => {
    const r = await analyse("mli-idps-dtm/iom_dtm_hdx_dtm_mali_baseline_assessment_round_72.xlsx");
    expect(r.mappingName).toBe("HXL tags");
    expect(r.errors).toEqual([]);
    const idps = r.candidates.filter((c) => c.indicator === "idps");
    expect(value(idps, "idps", "ML05", "2021-09-30")).toBe(159_027);
    expect(value(idps, "idps", "ML10", "2021-09-30")).toBe(12_995);
    expect(value(idps, "idps", "ML07", "2021-09-30")).toBe(97_859); // includes the "MLI07      " rows
    expect(idps.reduce((s, c) => s + Number(c.value), 0)).toBe(401_736);
  });

  it("Cadre Harmonisé (built-in mapping): Mopti projected Jun–Aug 2023 in phase 3+ is 436,514", async () => {
    const r = await analyse("mli-food-security-ch/derived/cadre_harmonise_caf_ipc_MALI_ONLY.csv");
    expect(r.mappingName).toBe("Cadre Harmonisé (HDX export)");
    expect(r.errors).toEqual([]);
    expect(Math.round(value(r.candidates, "ch_phase3plus", "ML05", "2023-06-01", { chStatus: "projected" }))).toBe(436_514);
    expect(Math.round(value(r.candidates, "ch_phase3plus", "ML05", "2021-06-01", { chStatus: "projected" }))).toBe(574_637);
    expect(r.skipped.length).toBeGreaterThan(0); // superseded projections (usethisperiod = N)
  });

  it("OCHA FTS plans: HMLI24 required 701,569,941, funded 306,560,566, coverage recomputed", async () => {
    const r = await analyse("mli-funding-fts/fts_requirements_funding_global.csv");
    expect(r.errors).toEqual([]);
    expect(value(r.candidates, "funding_required", "ML", "2024-01-01")).toBe(701_569_941);
    expect(value(r.candidates, "funding_funded", "ML", "2024-01-01")).toBe(306_560_566);
    expect(value(r.candidates, "funding_coverage", "ML", "2024-01-01")).toBe(43.7);
    expect(value(r.candidates, "funding_unmet", "ML", "2024-01-01")).toBe(701_569_941 - 306_560_566);
    expect(value(r.candidates, "funding_required", "ML", "2025-01-01")).toBe(771_314_315);
    expect(r.skipped.length).toBeGreaterThan(3000); // other countries, listed not dropped
  });

  it("OCHA FTS global clusters: Food Security 2024", async () => {
    const r = await analyse("mli-funding-fts/fts_requirements_funding_globalcluster_global.csv");
    expect(r.mappingName).toBe("OCHA FTS requirements and funding by cluster");
    expect(value(r.candidates, "funding_required", "ML", "2024-01-01", { sector: "Food Security" })).toBe(222_602_369);
    expect(value(r.candidates, "funding_funded", "ML", "2024-01-01", { sector: "Food Security" })).toBe(105_413_101);
  });

  it("HNO 2024 (built-in mapping over its HXL tags, year given): Mopti in need is 1,300,197", async () => {
    await expect(analyseFile(readFileSync(path.join(SHARED_DATA, "mli-needs-hno/download-hno-data-mli.csv")), "hno.csv", TEST_CATALOGUE)).resolves.toMatchObject({ ok: false, reason: expect.stringContaining("year") });
    const r = await analyse("mli-needs-hno/download-hno-data-mli.csv", { year: 2024 });
    expect(r.errors).toEqual([]);
    expect(value(r.candidates, "people_in_need", "ML05", "2024-01-01")).toBe(1_300_197);
  });

  it("HNO 2018 (HXL tags as the only header, no date): the year is asked for, cercles at level 2 when chosen", async () => {
    await expect(analyseFile(readFileSync(path.join(SHARED_DATA, "mli-needs-hno/mli_hno_2018.csv")), "hno.csv", TEST_CATALOGUE)).resolves.toMatchObject({ ok: false, reason: expect.stringContaining("year") });
    const r = await analyse("mli-needs-hno/mli_hno_2018.csv", { level: 2, year: 2018 });
    expect(r.errors).toEqual([]);
    expect(r.candidates.filter((c) => c.indicator === "people_in_need")).toHaveLength(50);
    expect(r.candidates.reduce((s, c) => s + (c.indicator === "people_in_need" ? Number(c.value) : 0), 0)).toBe(5_087_290);
  });

  it("IDMC: Mali's conflict stock at the end of 2020 is 326,298", async () => {
    const r = await analyse("mli-idps-idmc/idps_displacement_data.csv");
    expect(r.mappingName).toBe("IDMC internal displacement (GIDD)");
    expect(value(r.candidates, "idps", "ML", "2020-12-31")).toBe(326_298);
  });
});
