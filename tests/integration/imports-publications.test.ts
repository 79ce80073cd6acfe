// Importing files in the shapes of the publications (made-up values,
// tests/fixtures/publications) into PostgreSQL: the stored figures are the
// files' figures, a re-import changes nothing, and a file with planted bad
// rows is refused whole. The same as imports-real.test.ts, on any clone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { figures, importerOf, refusesPlantedRows, stored } from "./import-check";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { publicationFixture } from "../fixtures/publications";

const importFile = importerOf(publicationFixture);

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("importpub");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  await db().figure.deleteMany(); // regions and indicators stay; the figures come from the imports
});

afterAll(async () => {
  await disconnectDb();
});

describe("importing files shaped like the publications", () => {
  it("IOM DTM round 72: Mopti's communes add up to 27,780 IDPs on 2021-09-30; the same file again changes nothing", async () => {
    const report = await importFile("iom_dtm_hdx_dtm_mali_baseline_assessment_round_72.xlsx");
    expect(report).toMatchObject({ status: "committed", mappingName: "HXL tags", counts: { invalid: 0 } });
    expect(await stored("indicator=idps&region=ML05&from=2021-09-30&to=2021-09-30")).toEqual([7_400 + 4_100 + 11_250 + 5_030]);
    expect(await stored("indicator=idps&region=ML10&from=2021-09-30&to=2021-09-30")).toEqual([6_480]);
    expect(await stored("indicator=returnees&region=ML06&from=2021-09-30&to=2021-09-30")).toEqual([4_350 + 5 + 7_900]);
    const again = await importFile("iom_dtm_hdx_dtm_mali_baseline_assessment_round_72.xlsx");
    expect(again).toMatchObject({ status: "unchanged", importId: null, counts: { create: 0, update: 0 } });
  });

  it("FTS plans and global clusters: HMLI24 612,345,678 required, 267,890,123 funded, 43.7 % covered", async () => {
    expect(await importFile("fts_requirements_funding_global.csv")).toMatchObject({ status: "committed" });
    expect(await importFile("fts_requirements_funding_globalcluster_global.csv")).toMatchObject({ status: "committed" });
    const plan = await figures("region=ML&from=2024-01-01&to=2024-12-31&indicator=funding_required,funding_funded,funding_unmet,funding_coverage");
    const national = plan.filter((f) => f.disaggregation === null);
    expect(Object.fromEntries(national.map((f) => [f.indicator, f.value]))).toEqual({
      funding_required: 612_345_678,
      funding_funded: 267_890_123,
      funding_unmet: 612_345_678 - 267_890_123,
      funding_coverage: 43.7,
    });
    const food = plan.filter((f) => f.disaggregation?.sector === "Food Security");
    expect(Object.fromEntries(food.map((f) => [f.indicator, f.value]))).toEqual({ funding_required: 210_987_654, funding_funded: 98_765_432, funding_unmet: 112_222_222, funding_coverage: 46.8 });
    const shared = plan.filter((f) => f.disaggregation?.sector === "Multiple clusters/sectors (shared)");
    expect(shared.map((f) => [f.indicator, f.value])).toEqual([["funding_funded", 30_000_000]]);
    // An empty funding cell beside a requirement: the requirement alone, no funding, unmet or coverage.
    const logistics = plan.filter((f) => f.disaggregation?.sector === "Logistics");
    expect(logistics.map((f) => [f.indicator, f.value])).toEqual([["funding_required", 3_000_000]]);
  });

  it("Cadre Harmonisé: Mopti projected Jun–Aug 2023, phase 3+ = 116,012.3024 (cercles added up, superseded projection left out)", async () => {
    expect(await importFile("cadre_harmonise_caf_ipc_MALI_ONLY.csv")).toMatchObject({ status: "committed", counts: { invalid: 0 } });
    const ch = await figures("indicator=ch_phase3plus&region=ML05&from=2023-06-01&to=2023-08-31");
    expect(ch.filter((f) => f.disaggregation?.chStatus === "projected").map((f) => f.value)).toEqual([116_012.3024]);
  });

  it("HNO 2024 (year given) and IDMC", async () => {
    expect(await importFile("download-hno-data-mli.csv", { year: 2024 })).toMatchObject({ status: "committed" });
    expect(await stored("indicator=people_in_need&region=ML05&from=2024-01-01&to=2024-12-31")).toEqual([176_543 + 71_234 + 95_678]);
    expect(await stored("indicator=people_in_need&region=ML&from=2024-01-01&to=2024-12-31")).toEqual([6_500_000]);
    expect(await importFile("idps_displacement_data.csv")).toMatchObject({ status: "committed" });
    expect(await stored("indicator=idps&region=ML&from=2020-12-31&to=2020-12-31")).toEqual([312_345]);
  });

  it("refuses a file with planted bad rows whole, naming exactly those rows", async () => {
    const skipped = await refusesPlantedRows((await publicationFixture("alldata2.csv")).toString("utf8"));
    expect(skipped).toBe(6 + 1); // the six rows of other countries, listed, and Ménaka's empty row
  });

  it("asks for a source when neither the file nor the import gives one (a recognised publication gives its own)", async () => {
    // HNO 2018's tags-only file names no source; IDMC's export is a recognised publication, which fills its own.
    const report = await importFile("mli_hno_2018.csv", { source: {}, year: 2018, commit: false });
    expect(report).toMatchObject({ status: "invalid_file", reason: expect.stringContaining("source is required") });
    const idmc = await importFile("idps_displacement_data.csv", { source: {}, commit: false });
    expect(idmc).toMatchObject({ publication: { dataset: "idmc-gidd", source: { organisation: "Internal Displacement Monitoring Centre (IDMC)" } } });
  });
});
