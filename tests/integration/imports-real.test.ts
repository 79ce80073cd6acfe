// Importing the real published files (../shared/data, read in place) into
// PostgreSQL: the stored figures are the published ones, a re-import changes
// nothing, and a file with planted bad rows is refused whole. They run
// whenever that folder is there (CI has it); imports-publications.test.ts does
// the same on made-up files in their shapes, on any clone.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { figures, importerOf, refusesPlantedRows, stored } from "./import-check";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { hasSharedData, SHARED_DATA as DATA } from "../shared-data";

const importFile = importerOf((file) => readFileSync(path.join(DATA, file)));

/** Every column of every figure of a dataset, as text. */
async function rowsOf(dataset: string): Promise<string> {
  const rows = await db().$queryRaw<unknown[]>`SELECT f.* FROM figures f JOIN datasets d ON d.id = f.dataset_id WHERE d.code = ${dataset} ORDER BY f.id`;
  expect(rows.length).toBeGreaterThan(5);
  return JSON.stringify(rows);
}

describe.runIf(hasSharedData)("importing published files", () => {
  beforeAll(async () => {
    process.env.DATABASE_URL = await createTestDatabase("importreal");
    await migrate(process.env.DATABASE_URL);
    await seed({ demoUsers: false });
  });

  afterAll(async () => {
    await disconnectDb();
  });

  describe("again, into the seeded database (built from the same files)", () => {
    const FTS = { organisation: "OCHA Financial Tracking Service (FTS)", title: "Mali: humanitarian response plan requirements and funding (HDX download)", url: "https://data.humdata.org/dataset/fts-requirements-and-funding-data-for-mali", date: "2026-04-18" };

    it("the Cadre Harmonisé export: 0 updates, each figure keeps its analysis cycle's source", async () => {
      const report = await importFile("mli-food-security-ch/derived/cadre_harmonise_caf_ipc_MALI_ONLY.csv", { commit: false });
      expect(report).toMatchObject({ status: "preview", counts: { create: 0, update: 0, invalid: 0 }, changes: [] });
      if (report.status !== "invalid_file") expect(report.counts.unchanged).toBeGreaterThan(1_000);
    });

    it("the FTS files with the snapshot's source: 0 updates", async () => {
      for (const file of ["mli-funding-fts/fts_requirements_funding_global.csv", "mli-funding-fts/fts_requirements_funding_globalcluster_global.csv"]) {
        expect(await importFile(file, { commit: false, source: FTS }), file).toMatchObject({ status: "preview", counts: { create: 0, update: 0, invalid: 0 }, changes: [] });
      }
    });

    it("the IDMC file writes into idmc-gidd only: DTM's figures stay byte-identical (2014: 61,621, not IDMC's 61,600)", async () => {
      const dtm = await rowsOf("iom-dtm-mali");
      const report = await importFile("mli-idps-idmc/idps_displacement_data.csv", { source: { organisation: "Internal Displacement Monitoring Centre (IDMC)", title: "GRID 2022", date: "2022-05-19" } });
      expect(report).toMatchObject({ status: "committed", datasets: [{ code: "idmc-gidd" }] });
      expect(await rowsOf("iom-dtm-mali")).toBe(dtm);
      expect(await stored("indicator=idps&region=ML&dataset=iom-dtm-mali&from=2014-12-31&to=2014-12-31")).toEqual([61_621]);
      expect(await stored("indicator=idps&region=ML&dataset=idmc-gidd&from=2014-12-31&to=2014-12-31")).toEqual([61_600]);
    });
  });

  describe("into an empty figures table", () => {
    beforeAll(async () => {
      await db().figure.deleteMany(); // regions and indicators stay; the figures come from the imports
    });

    it("IOM DTM round 72: Mopti 159,027 IDPs on 2021-09-30; the same file again changes nothing", async () => {
      const report = await importFile("mli-idps-dtm/iom_dtm_hdx_dtm_mali_baseline_assessment_round_72.xlsx");
      expect(report).toMatchObject({ status: "committed", mappingName: "HXL tags", counts: { invalid: 0 } });
      expect(await stored("indicator=idps&region=ML05&from=2021-09-30&to=2021-09-30")).toEqual([159_027]);
      expect(await stored("indicator=idps&region=ML10&from=2021-09-30&to=2021-09-30")).toEqual([12_995]);
      const again = await importFile("mli-idps-dtm/iom_dtm_hdx_dtm_mali_baseline_assessment_round_72.xlsx");
      expect(again).toMatchObject({ status: "unchanged", importId: null, counts: { create: 0, update: 0 } });
    });

    it("FTS plans and global clusters: HMLI24 701,569,941 required, 306,560,566 funded, 43.7 % covered", async () => {
      expect(await importFile("mli-funding-fts/fts_requirements_funding_global.csv")).toMatchObject({ status: "committed" });
      expect(await importFile("mli-funding-fts/fts_requirements_funding_globalcluster_global.csv")).toMatchObject({ status: "committed" });
      const plan = await figures("region=ML&from=2024-01-01&to=2024-12-31&indicator=funding_required,funding_funded,funding_coverage");
      const national = plan.filter((f) => f.disaggregation === null);
      expect(Object.fromEntries(national.map((f) => [f.indicator, f.value]))).toEqual({ funding_required: 701_569_941, funding_funded: 306_560_566, funding_coverage: 43.7 });
      const food = plan.filter((f) => f.disaggregation?.sector === "Food Security");
      expect(Object.fromEntries(food.map((f) => [f.indicator, f.value]))).toMatchObject({ funding_required: 222_602_369, funding_funded: 105_413_101 });

      // The import and the seed build read FTS alike: every plan funding figure of the seed, no more, no less
      // (a cluster's empty funding cell beside a requirement is no funding, hence no unmet or coverage, in both;
      // the seed's funding outside the plans is no plan figure and the import leaves those rows out).
      const seedFile = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed-data/figures.json"), "utf8")) as {
        figures: { indicator: string; region: string; start: string; end: string; value: string; source: string; disaggregation: { sector?: string } | null }[];
      };
      const planIndicators = ["funding_required", "funding_funded", "funding_unmet", "funding_coverage"];
      const key = (indicator: string, start: string, end: string, sector: string | undefined) => `${indicator} ${start} ${end} ${sector ?? "-"}`;
      const fromSeed = Object.fromEntries(
        seedFile.figures.filter((f) => f.source === "fts" && planIndicators.includes(f.indicator)).map((f) => [key(f.indicator, f.start, f.end, f.disaggregation?.sector), Number(f.value)]),
      );
      expect(Object.keys(fromSeed)).toHaveLength(772);
      const imported = await figures(`region=ML&indicator=${planIndicators.join(",")}&limit=50000`);
      expect(Object.fromEntries(imported.map((f) => [key(f.indicator, f.periodStart, f.periodEnd, f.disaggregation?.sector), f.value]))).toEqual(fromSeed);
    });

    it("Cadre Harmonisé: Mopti projected Jun–Aug 2023, phase 3+ = 436,514", async () => {
      expect(await importFile("mli-food-security-ch/derived/cadre_harmonise_caf_ipc_MALI_ONLY.csv")).toMatchObject({ status: "committed", counts: { invalid: 0 } });
      const ch = await figures("indicator=ch_phase3plus&region=ML05&from=2023-06-01&to=2023-08-31");
      expect(ch.filter((f) => f.disaggregation?.chStatus === "projected").map((f) => Math.round(f.value))).toEqual([436_514]);
    });

    it("HNO 2024 (year given) and IDMC", async () => {
      expect(await importFile("mli-needs-hno/download-hno-data-mli.csv", { year: 2024 })).toMatchObject({ status: "committed" });
      expect(await stored("indicator=people_in_need&region=ML05&from=2024-01-01&to=2024-12-31")).toEqual([1_300_197]);
      expect(await importFile("mli-idps-idmc/idps_displacement_data.csv")).toMatchObject({ status: "committed" });
      expect(await stored("indicator=idps&region=ML&from=2020-12-31&to=2020-12-31")).toEqual([326_298]);
    });

    it("refuses a file with planted bad rows whole, naming exactly those rows", async () => {
      const skipped = await refusesPlantedRows(readFileSync(path.join(DATA, "mli-idps-dtm/alldata2.csv"), "utf8"));
      expect(skipped).toBeGreaterThan(100); // the other countries' rows, listed
    });

    it("asks for a source when neither the file nor the import gives one (a recognised publication gives its own)", async () => {
      // HNO 2018's tags-only file names no source; IDMC's export is a recognised publication, which fills its own.
      const report = await importFile("mli-needs-hno/mli_hno_2018.csv", { source: {}, year: 2018, commit: false });
      expect(report).toMatchObject({ status: "invalid_file", reason: expect.stringContaining("source is required") });
      const idmc = await importFile("mli-idps-idmc/idps_displacement_data.csv", { source: {}, commit: false });
      expect(idmc).toMatchObject({ publication: { dataset: "idmc-gidd", source: { organisation: "Internal Displacement Monitoring Centre (IDMC)" } } });
    });
  });
});
