// The published files analysts import, read as they are (../shared/data, never
// copied here), must give the figures their publishers state (SOURCES.md).
// They run whenever that folder is there (CI has it); a clone without it runs
// the same parsing checks on made-up files in their shapes (publications.test.ts),
// and the first check here keeps those fixtures in the publications' shapes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyseFile, type AnalyseOptions } from "./analyse";
import { describeColumns } from "./hxl";
import { layoutSignature } from "./mapping";
import { readTable } from "./read-table";
import { analysed, figureValue as value, hasSharedData, indicatorTotal as total, SHARED_DATA, TEST_CATALOGUE } from "./test-catalogue";
import { publicationFixture } from "../../tests/fixtures/publications";

const read = (file: string, options: AnalyseOptions = {}) => analyseFile(readFileSync(path.join(SHARED_DATA, file)), path.basename(file), TEST_CATALOGUE, options);
const analyse = (file: string, options: AnalyseOptions = {}) => analysed(readFileSync(path.join(SHARED_DATA, file)), path.basename(file), options);

/** Each publication and the fixture written in its shape (tests/fixtures/publications). */
const FIXTURES = [
  "mli-idps-dtm/iom_dtm_hdx_dtm_mali_baseline_assessment_round_72.xlsx",
  "mli-idps-dtm/Mali_Baseline_Assessment_December_2018.xlsx",
  "mli-idps-dtm/Baseline_December_2017.xlsx",
  "mli-idps-dtm/alldata2.csv",
  "mli-food-security-ch/derived/cadre_harmonise_caf_ipc_MALI_ONLY.csv",
  "mli-food-security-ch/cadre_harmonise.csv",
  "mli-funding-fts/fts_requirements_funding_global.csv",
  "mli-funding-fts/fts_requirements_funding_globalcluster_global.csv",
  "mli-funding-fts/fts_requirements_funding_cluster_global.csv",
  "mli-needs-hno/download-hno-data-mli.csv",
  "mli-needs-hno/mli_hno_2018.csv",
  "mli-idps-idmc/idps_displacement_data.csv",
];

/** A file's columns, header texts and HXL tags (what a saved mapping is keyed by). */
const layoutOf = async (data: Uint8Array, file: string) => layoutSignature(describeColumns(await readTable(data, path.basename(file))));

describe.runIf(hasSharedData)("the fixtures", () => {
  it("have the layout of their publications: the same columns, headers and HXL tags", { timeout: 60_000 }, async () => {
    for (const file of FIXTURES) {
      const real = await layoutOf(readFileSync(path.join(SHARED_DATA, file)), file);
      expect(await layoutOf(await publicationFixture(path.basename(file)), file), file).toBe(real);
    }
  });
});

describe.runIf(hasSharedData)("IOM DTM", () => {
  it("round 72 (XLSX with an HXL row): communes add up to regions, padded P-codes included", async () => {
    const r = await analyse("mli-idps-dtm/iom_dtm_hdx_dtm_mali_baseline_assessment_round_72.xlsx");
    expect(r).toMatchObject({ mappingName: "HXL tags", errors: [], skipped: [], rows: 56 });
    expect(value(r.candidates, "idps", "ML05", "2021-09-30")).toBe(159_027);
    expect(value(r.candidates, "idps", "ML10", "2021-09-30")).toBe(12_995);
    expect(value(r.candidates, "idps", "ML07", "2021-09-30")).toBe(97_859); // includes the "MLI07      " rows
    expect(total(r.candidates, "idps")).toBe(401_736);
    expect(r.candidates.every((c) => c.periodEnd === "2021-09-30")).toBe(true);
    // Returnees are formulas (=L3+O3, shared down the column): their results, added up.
    expect(value(r.candidates, "returnees", "ML05", "2021-09-30")).toBe(57_559);
    expect(total(r.candidates, "returnees")).toBe(690_329);
    expect(r.ignoredColumns).toContain("Total No# of Returnees HH# (#affected+hh+returnees)");
  });

  it("December 2018 and 2017 (no HXL row): the built-in DTM mapping, day-first text dates and KaYes", async () => {
    const r18 = await analyse("mli-idps-dtm/Mali_Baseline_Assessment_December_2018.xlsx");
    expect(r18).toMatchObject({ mappingName: "IOM DTM Mali baseline assessment", errors: [] });
    expect(value(r18.candidates, "idps", "ML05", "2018-12-31")).toBe(56_495);
    expect(total(r18.candidates, "idps")).toBe(120_298); // = the file's VERIFICATION sheet
    const r17 = await analyse("mli-idps-dtm/Baseline_December_2017.xlsx");
    expect(r17.errors).toEqual([]);
    expect(total(r17.candidates, "idps")).toBe(38_172);
    expect(r17.candidates.every((c) => c.periodStart === "2017-12-31")).toBe(true);
  });
});

describe.runIf(hasSharedData)("Cadre Harmonisé", () => {
  it("built-in mapping: cercles add up to Mopti's phase 3+ (projected Jun–Aug 2023: 436,514; Jan–May 2021 projection: 574,637)", async () => {
    const r = await analyse("mli-food-security-ch/derived/cadre_harmonise_caf_ipc_MALI_ONLY.csv");
    expect(r).toMatchObject({ mappingName: "Cadre Harmonisé (HDX export)", errors: [] });
    const p3plus = (start: string, region = "ML05") => Math.round(value(r.candidates, "ch_phase3plus", region, start, { chStatus: "projected" }));
    expect(p3plus("2023-06-01")).toBe(436_514);
    expect(p3plus("2021-06-01")).toBe(574_637);
    const mali2023 = r.candidates.filter((c) => c.indicator === "ch_phase3plus" && c.periodStart === "2023-06-01" && c.disaggregation?.chStatus === "projected");
    expect(Math.round(mali2023.reduce((s, c) => s + Number(c.value), 0))).toBe(1_262_079);
    expect(r.skipped.some((s) => s.reason.startsWith("superseded projection"))).toBe(true);
    expect(value(r.candidates, "ch_population_by_phase", "ML05", "2023-06-01", { chPhase: 3, chStatus: "projected" })).toBeGreaterThan(0);
  });

  it("the older all-countries CSV export: Mali's rows only, and the same Jan–May 2021 projection for Mopti", async () => {
    const r = await analyse("mli-food-security-ch/cadre_harmonise.csv");
    expect(r).toMatchObject({ mappingName: "Cadre Harmonisé (HDX export)", errors: [] });
    expect(Math.round(value(r.candidates, "ch_phase3plus", "ML05", "2021-06-01", { chStatus: "projected" }))).toBe(574_637);
    expect(r.skipped.filter((s) => s.reason.startsWith("other country")).length).toBeGreaterThan(15_000);
  });
});

describe.runIf(hasSharedData)("OCHA FTS", () => {
  it("plans: HMLI24 required 701,569,941, funded 306,560,566, coverage recomputed 43.7", async () => {
    const r = await analyse("mli-funding-fts/fts_requirements_funding_global.csv");
    expect(r).toMatchObject({ mappingName: "OCHA FTS requirements and funding", errors: [] });
    expect(value(r.candidates, "funding_required", "ML", "2024-01-01")).toBe(701_569_941);
    expect(value(r.candidates, "funding_funded", "ML", "2024-01-01")).toBe(306_560_566);
    expect(value(r.candidates, "funding_coverage", "ML", "2024-01-01")).toBe(43.7);
    expect(value(r.candidates, "funding_unmet", "ML", "2024-01-01")).toBe(701_569_941 - 306_560_566);
    expect(value(r.candidates, "funding_required", "ML", "2025-01-01")).toBe(771_314_315);
    expect(r.skipped.filter((s) => s.reason.startsWith("other country")).length).toBeGreaterThan(3000); // listed, not dropped
  });

  it("global clusters: Food Security 2024 required 222,602,369, funded 105,413,101", async () => {
    const r = await analyse("mli-funding-fts/fts_requirements_funding_globalcluster_global.csv");
    expect(r).toMatchObject({ mappingName: "OCHA FTS requirements and funding by cluster", errors: [] });
    expect(value(r.candidates, "funding_required", "ML", "2024-01-01", { sector: "Food Security" })).toBe(222_602_369);
    expect(value(r.candidates, "funding_funded", "ML", "2024-01-01", { sector: "Food Security" })).toBe(105_413_101);
    expect(value(r.candidates, "funding_coverage", "ML", "2024-01-01", { sector: "Food Security" })).toBe(47.4);
  });

  it("plan clusters in French, with quoted names holding commas", async () => {
    const r = await analyse("mli-funding-fts/fts_requirements_funding_cluster_global.csv");
    expect(r).toMatchObject({ mappingName: "OCHA FTS requirements and funding by cluster", errors: [] });
    expect(r.candidates.some((c) => c.indicator === "funding_required" && c.disaggregation?.sector === "Sécurité alimentaire")).toBe(true);
  });
});

describe.runIf(hasSharedData)("HNO", () => {
  it("2024 (built-in mapping over its HXL tags): asks for the year, then Mopti 1,300,197 (cercles) and Mali 7,107,194 (published)", async () => {
    await expect(read("mli-needs-hno/download-hno-data-mli.csv")).resolves.toMatchObject({ ok: false, reason: expect.stringContaining("year") });
    const r = await analyse("mli-needs-hno/download-hno-data-mli.csv", { year: 2024 });
    expect(r).toMatchObject({ mappingName: "OCHA HPC people in need (HNO data)", errors: [] });
    expect(value(r.candidates, "people_in_need", "ML05", "2024-01-01")).toBe(1_300_197);
    expect(value(r.candidates, "people_in_need", "ML", "2024-01-01")).toBe(7_107_194);
    expect(value(r.candidates, "people_targeted", "ML", "2024-01-01")).toBe(4_081_412);
    expect(r.candidates.find((c) => c.region === "ML05")?.periodEnd).toBe("2024-12-31");
    const cercles = await analyse("mli-needs-hno/download-hno-data-mli.csv", { year: 2024, level: 2 });
    expect(value(cercles.candidates, "people_in_need", "ML0501", "2024-01-01")).toBe(187_366);
  });

  it("2018 (HXL tags as the only header, no date): the year is asked for, cercles at level 2 when chosen", async () => {
    await expect(read("mli-needs-hno/mli_hno_2018.csv")).resolves.toMatchObject({ ok: false, reason: expect.stringContaining("year") });
    const r = await analyse("mli-needs-hno/mli_hno_2018.csv", { level: 2, year: 2018 });
    expect(r.errors).toEqual([]);
    expect(r.candidates.filter((c) => c.indicator === "people_in_need")).toHaveLength(50);
    expect(total(r.candidates, "people_in_need")).toBe(5_087_290);
  });
});

describe.runIf(hasSharedData)("IDMC", () => {
  it("Mali's conflict stock at the end of 2020 is 326,298 (raw)", async () => {
    const r = await analyse("mli-idps-idmc/idps_displacement_data.csv");
    expect(r).toMatchObject({ mappingName: "IDMC internal displacement (GIDD)", errors: [] });
    expect(value(r.candidates, "idps", "ML", "2020-12-31")).toBe(326_298);
    expect(r.candidates.every((c) => c.periodStart === c.periodEnd && c.periodEnd.endsWith("-12-31"))).toBe(true);
  });
});
