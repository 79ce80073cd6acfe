// Each publication analysts import, parsed from a small file in its shape
// with made-up values (tests/fixtures/publications): the same behaviours
// real-files.test.ts checks on the real files, on any clone. Expected
// figures are worked out from the fixtures' numbers, shown in the comments.
import { describe, expect, it } from "vitest";
import { analyseFile, type AnalyseOptions } from "./analyse";
import type { Candidate } from "./apply-mapping";
import { analysed, figureValue as value, indicatorTotal as total, TEST_CATALOGUE } from "./test-catalogue";
import { publicationFixture } from "../../tests/fixtures/publications";

const read = async (file: string, options: AnalyseOptions = {}) => analyseFile(await publicationFixture(file), file, TEST_CATALOGUE, options);
const analyse = async (file: string, options: AnalyseOptions = {}) => analysed(await publicationFixture(file), file, options);

/** The skipped lines with the first words of their reason ("other country"). */
const skipped = (r: { skipped: { line: number; reason: string }[] }) => r.skipped.map((s) => [s.line, s.reason.split(" (")[0]]);
const linesSkippedAs = (r: { skipped: { line: number; reason: string }[] }, reason: string) => r.skipped.filter((s) => s.reason.startsWith(reason)).map((s) => s.line);
const figureKeys = (cs: Candidate[]) => cs.map((c) => [c.indicator, c.region, c.periodStart, c.periodEnd, JSON.stringify(c.disaggregation), c.value].join(" ")).sort();

describe("IOM DTM", () => {
  it("round 72 (XLSX with an HXL row): communes add up to regions, a space-padded region code included, returnees from formulas saved without results", async () => {
    const r = await analyse("iom_dtm_hdx_dtm_mali_baseline_assessment_round_72.xlsx");
    // 12 commune rows; the formatted empty row after them is not one.
    expect(r).toMatchObject({ mappingName: "HXL tags", errors: [], skipped: [], rows: 12 });
    expect(value(r.candidates, "idps", "ML05", "2021-09-30")).toBe(7_400 + 4_100 + 11_250 + 5_030);
    expect(value(r.candidates, "idps", "ML07", "2021-09-30")).toBe(15_600 + 3_350); // the first row's code is "MLI07" and spaces
    expect(value(r.candidates, "idps", "ML10", "2021-09-30")).toBe(6_480); // Ménaka (MLI10) is a region of its own
    expect(value(r.candidates, "idp_households", "ML05", "2021-09-30")).toBe(1_500 + 820 + 2_200 + 960);
    expect(total(r.candidates, "idps")).toBe(210 + 64 + 27_780 + 18_950 + 6_480 + 2_290 + 1_870 + 720);
    expect(r.candidates.every((c) => c.periodStart === "2021-09-30" && c.periodEnd === "2021-09-30")).toBe(true);
    // Returnees = L + O (from abroad + returned IDPs): rows 3–12 have no saved result, rows 13–14 do.
    expect(value(r.candidates, "returnees", "ML05", "2021-09-30")).toBe(30 + 2_100 + 700 + 10 + 480);
    expect(value(r.candidates, "returnees", "ML06", "2021-09-30")).toBe(4_350 + 5 + 7_900);
    expect(total(r.candidates, "returnees")).toBe(2_130 + 700 + 490 + 6_125 + 1_490 + 95 + 4_350 + 7_905);
    expect(r.ignoredColumns).toContain("Total No# of Returnees HH# (#affected+hh+returnees)");
  });

  it("December 2018 and 2017 (no HXL row): the built-in DTM mapping, the data sheet rather than VERIFICATION, day-first text dates and KaYes", async () => {
    const r18 = await analyse("Mali_Baseline_Assessment_December_2018.xlsx");
    expect(r18).toMatchObject({ mappingName: "IOM DTM Mali baseline assessment", errors: [], rows: 8 });
    expect(value(r18.candidates, "idps", "ML05", "2018-12-31")).toBe(6_010 + 4_420 + 3_190); // two communes and a cercle row
    expect(value(r18.candidates, "returnees", "ML05", "2018-12-31")).toBe(210 + 80);
    expect(total(r18.candidates, "idps")).toBe(23_314); // = the fixture's VERIFICATION Grand Total
    const r17 = await analyse("Baseline_December_2017.xlsx");
    expect(r17.errors).toEqual([]);
    expect(value(r17.candidates, "idps", "ML01", "2017-12-31")).toBe(11); // "KaYes", MLI01
    expect(total(r17.candidates, "idps")).toBe(11 + 45 + 1_230 + 0 + 2_040 + 980 + 310);
    expect(r17.candidates.every((c) => c.periodStart === "2017-12-31")).toBe(true); // from the text "31-12-2017"
  });
});

describe("Cadre Harmonisé", () => {
  const file = "cadre_harmonise_caf_ipc_MALI_ONLY.csv";

  it("built-in mapping: cercles add up to regions (Koro split in two, Taoudénit without a code or as ML06051, Bamako by commune), to 4 decimals", async () => {
    const r = await analyse(file);
    expect(r).toMatchObject({ mappingName: "Cadre Harmonisé (HDX export)", errors: [] });
    const p3plus = (start: string, region = "ML05") => value(r.candidates, "ch_phase3plus", region, start, { chStatus: "projected" });
    // Jun–Aug 2023: Bandiagara 55,135.8023789 (kept as 55,135.8024) + Koro 41,000.5 + Mopti 19,876.
    expect(p3plus("2023-06-01")).toBe(116_012.3024);
    expect(p3plus("2023-06-01", "ML06")).toBe(12_000 + 980.25);
    expect(p3plus("2023-06-01", "ML09")).toBe(2_500 + 1_750.75);
    // Jun–Aug 2021: Bandiagara + Koro_accessible + Koro_limitedaccess + Mopti; Tombouctou + Taoudenit (no cercle code).
    expect(p3plus("2021-06-01")).toBe(69_655 + 32_367 + 65_200 + 22_479);
    expect(p3plus("2021-06-01", "ML06")).toBe(17_600 + 1_234);
    const mali2023 = r.candidates.filter((c) => c.indicator === "ch_phase3plus" && c.periodStart === "2023-06-01" && c.disaggregation?.chStatus === "projected");
    expect(mali2023.map((c) => c.region).sort()).toEqual(["ML05", "ML06", "ML07", "ML09"]);
    expect(total(mali2023, "ch_phase3plus")).toBeCloseTo(116_012.3024 + 12_980.25 + 45_123 + 4_250.75, 4);
    expect(value(r.candidates, "ch_population_by_phase", "ML05", "2023-06-01", { chPhase: 3, chStatus: "projected" })).toBe(100_999.9567); // 48,123.4567 + 35,000.5 + 17,876
    expect(value(r.candidates, "ch_population_by_phase", "ML05", "2021-06-01", { chPhase: 5, chStatus: "projected" })).toBe(312);
    expect(value(r.candidates, "ch_phase3plus", "ML05", "2021-01-01", { chStatus: "current" })).toBe(48_250 + 22_100 + 55_900 + 20_900);
    expect(r.candidates.find((c) => c.periodStart === "2021-06-01")).toMatchObject({ periodEnd: "2021-08-31" });
  });

  it("superseded projections (usethisperiod = N) and areas without phase figures are skipped, never added in", async () => {
    const r = await analyse(file);
    expect(skipped(r)).toEqual([
      [2, "area not analysed"], // Bamako, Sep–Dec 2014: no phases
      [3, "superseded projection"], // Bamako's Sep–Dec 2014 projection
      [4, "superseded projection"], // Sep–Dec 2020 → Jun–Aug 2021: Bandiagara 100,000
      [5, "superseded projection"], // and Mopti 30,000
      [23, "superseded projection"], // Sep–Dec 2022 → Jun–Aug 2023: Bandiagara 150,000
      [24, "superseded projection"], // and Gao 50,000
    ]);
    expect(r.candidates.some((c) => c.periodStart === "2015-01-01" || c.periodStart === "2014-09-01")).toBe(false);
    expect(value(r.candidates, "ch_phase3plus", "ML07", "2023-06-01", { chStatus: "projected" })).toBe(15_000 + 30_123); // not + 50,000
  });

  it("the older all-countries CSV export (CRLF, GAUL codes): Mali's rows only, the others listed; the same figures as the newer file for Jan–May 2021", async () => {
    const r = await analyse("cadre_harmonise.csv");
    expect(r).toMatchObject({ mappingName: "Cadre Harmonisé (HDX export)", errors: [] });
    expect(value(r.candidates, "ch_phase3plus", "ML05", "2021-06-01", { chStatus: "projected" })).toBe(69_655 + 32_367 + 65_200 + 22_479);
    expect(linesSkippedAs(r, "other country")).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(linesSkippedAs(r, "superseded projection")).toEqual([9, 10]);
    const newer = await analyse(file);
    const in2021 = (cs: Candidate[]) => figureKeys(cs.filter((c) => c.periodStart.startsWith("2021-")));
    expect(in2021(r.candidates)).toHaveLength(4 * 2 * 6); // four regions, current and projected, phases 1–5 and 3+
    expect(in2021(r.candidates)).toEqual(in2021(newer.candidates));
  });
});

describe("OCHA FTS", () => {
  it("plans: Mali's own plans only; unmet and coverage recomputed from the amounts (unmet never below 0)", async () => {
    const r = await analyse("fts_requirements_funding_global.csv");
    expect(r).toMatchObject({ mappingName: "OCHA FTS requirements and funding", errors: [] });
    expect(value(r.candidates, "funding_required", "ML", "2024-01-01")).toBe(612_345_678);
    expect(value(r.candidates, "funding_funded", "ML", "2024-01-01")).toBe(267_890_123);
    expect(value(r.candidates, "funding_coverage", "ML", "2024-01-01")).toBe(43.7); // 267,890,123 / 612,345,678 = 43.748 % (the file says 44)
    expect(value(r.candidates, "funding_unmet", "ML", "2024-01-01")).toBe(612_345_678 - 267_890_123);
    expect(value(r.candidates, "funding_required", "ML", "2025-01-01")).toBe(698_765_432);
    // CMLI13 was funded beyond its requirement: unmet 0, coverage 103.3.
    expect(value(r.candidates, "funding_unmet", "ML", "2013-01-01")).toBe(0);
    expect(value(r.candidates, "funding_coverage", "ML", "2013-01-01")).toBe(103.3);
    expect(r.candidates.find((c) => c.periodStart === "2012-05-01")).toMatchObject({ periodEnd: "2012-12-31" }); // CMLI12 started in May
    expect(linesSkippedAs(r, "other country")).toEqual([2, 3, 4, 14, 15]); // listed, not dropped
    // Not a Mali plan: "Not specified" funding (2027, 2025, 2024) and the West Africa 2010 regional appeal.
    expect(r.skipped.filter((s) => !s.reason.startsWith("other country")).map((s) => s.line)).toEqual([5, 8, 10, 13]);
    expect(new Set(r.candidates.map((c) => c.periodStart.slice(0, 4)))).toEqual(new Set(["2012", "2013", "2024", "2025", "2026"]));
  });

  it("global clusters: Food Security 2024 required 210,987,654, funded 98,765,432; funding without a requirement has no unmet or coverage", async () => {
    const r = await analyse("fts_requirements_funding_globalcluster_global.csv");
    expect(r).toMatchObject({ mappingName: "OCHA FTS requirements and funding by cluster", errors: [] });
    const food = { sector: "Food Security" };
    expect(value(r.candidates, "funding_required", "ML", "2024-01-01", food)).toBe(210_987_654);
    expect(value(r.candidates, "funding_funded", "ML", "2024-01-01", food)).toBe(98_765_432);
    expect(value(r.candidates, "funding_coverage", "ML", "2024-01-01", food)).toBe(46.8);
    expect(value(r.candidates, "funding_coverage", "ML", "2024-01-01", { sector: "Protection - Housing, Land and Property" })).toBe(0);
    // An empty funding cell beside a requirement is no figure (as the seed reads it): the requirement alone, no unmet or coverage.
    const logistics = r.candidates.filter((c) => c.disaggregation?.sector === "Logistics");
    expect(logistics.map((c) => [c.indicator, Number(c.value)])).toEqual([["funding_required", 3_000_000]]);
    for (const sector of ["Multi-sector", "Not specified", "Multiple clusters/sectors (shared)"]) {
      const own = r.candidates.filter((c) => c.disaggregation?.sector === sector);
      expect(own.map((c) => c.indicator), sector).toEqual(["funding_funded"]);
    }
    expect(linesSkippedAs(r, "other country")).toEqual([2, 3]);
  });

  it("plan clusters in French, with quoted names holding commas", async () => {
    const r = await analyse("fts_requirements_funding_cluster_global.csv");
    expect(r).toMatchObject({ mappingName: "OCHA FTS requirements and funding by cluster", errors: [] });
    expect(value(r.candidates, "funding_required", "ML", "2024-01-01", { sector: "Sécurité alimentaire" })).toBe(210_987_654);
    const wash = { sector: "Eau, Hygiène et Assainissement" };
    expect(value(r.candidates, "funding_required", "ML", "2020-01-01", wash)).toBe(36_000_000);
    expect(value(r.candidates, "funding_coverage", "ML", "2020-01-01", wash)).toBe(11.1);
    expect(value(r.candidates, "funding_funded", "ML", "2020-01-01", { sector: "Protection de l'enfance" })).toBe(400_000);
  });
});

describe("HNO", () => {
  const file = "download-hno-data-mli.csv";

  it("2024 (built-in mapping over its HXL tags): asks for the year, then Mopti = the sum of its cercles and Mali = the published national row", async () => {
    await expect(read(file)).resolves.toMatchObject({ ok: false, reason: expect.stringContaining("year") });
    const r = await analyse(file, { year: 2024 });
    expect(r).toMatchObject({ mappingName: "OCHA HPC people in need (HNO data)", errors: [] });
    expect(value(r.candidates, "people_in_need", "ML05", "2024-01-01")).toBe(176_543 + 71_234 + 95_678);
    expect(value(r.candidates, "people_targeted", "ML05", "2024-01-01")).toBe(101_234 + 40_987 + 54_321);
    expect(value(r.candidates, "people_in_need", "ML", "2024-01-01")).toBe(6_500_000); // not the sum of the regions
    expect(value(r.candidates, "people_targeted", "ML", "2024-01-01")).toBe(3_900_000);
    expect(value(r.candidates, "people_in_need", "ML10", "2024-01-01")).toBe(95_000 + 66_000); // Ménaka's new cercles ML1001–ML1002
    expect(r.candidates.find((c) => c.region === "ML05")?.periodEnd).toBe("2024-12-31");
    // Figures by sex, age, sector or population group, and region rows (sectors only; the stray ML011), are not added in.
    expect(new Set(r.skipped.map((s) => s.reason.split(" (")[0]))).toEqual(new Set(["a figure by sex", "a sector's figure", "a population group's figure"]));
    expect(r.skipped).toHaveLength(16);
  });

  it("2024 by cercle (level 2): each cercle's ALL row, Ménaka's 2021 cercle codes included (regions.json has the 2021 P-codes)", async () => {
    const r = await analyse(file, { year: 2024, level: 2 });
    expect(value(r.candidates, "people_in_need", "ML0501", "2024-01-01")).toBe(176_543);
    expect(value(r.candidates, "people_in_need", "ML0505", "2024-01-01")).toBe(95_678); // its refugees' row (RRI) is not added
    expect(value(r.candidates, "people_in_need", "ML1001", "2024-01-01")).toBe(95_000);
    expect(value(r.candidates, "people_in_need", "ML1002", "2024-01-01")).toBe(66_000);
    expect(r.errors).toEqual([]);
  });

  it("2018 (HXL tags as the only header, no date): the year is asked for, cercles at level 2 when chosen", async () => {
    await expect(read("mli_hno_2018.csv")).resolves.toMatchObject({ ok: false, reason: expect.stringContaining("year") });
    const r = await analyse("mli_hno_2018.csv", { level: 2, year: 2018 });
    expect(r.errors).toEqual([]);
    expect(r.candidates.filter((c) => c.indicator === "people_in_need")).toHaveLength(7);
    expect(total(r.candidates, "people_in_need")).toBe(6_100 + 120_500 + 98_000 + 210_000 + 45_000 + 38_000 + 0);
    expect(value(r.candidates, "people_in_need", "ML0901", "2018-01-01")).toBe(0); // a published 0 is a figure
    expect(r.candidates.every((c) => c.periodStart === "2018-01-01" && c.periodEnd === "2018-12-31")).toBe(true);
  });
});

describe("IDMC", () => {
  it("Mali's conflict stock at the end of 2020 is the raw 312,345 (not the rounded 310,000); other countries listed as skipped", async () => {
    const r = await analyse("idps_displacement_data.csv");
    expect(r).toMatchObject({ mappingName: "IDMC internal displacement (GIDD)", errors: [] });
    expect(value(r.candidates, "idps", "ML", "2020-12-31")).toBe(312_345);
    expect(value(r.candidates, "idps", "ML", "2018-12-31")).toBe(111_222);
    expect(r.candidates.every((c) => c.periodStart === c.periodEnd && c.periodEnd.endsWith("-12-31"))).toBe(true);
    expect(skipped(r)).toEqual([
      [3, "other country"],
      [4, "other country"], // "Bonaire, Sint Eustatius and Saba": quoted, with commas
      [5, "other country"],
      [6, "no value in the mapped columns"], // Mali 2009: no conflict stock
      [10, "other country"],
    ]);
  });
});
