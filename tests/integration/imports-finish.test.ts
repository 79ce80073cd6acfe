// Issue 16, "the daily finish" of imports, against the seeded database: a
// tagged file is told what its tags lack (never "no HXL tags"), the level
// chosen is honoured, a file that is no table says so, a recognised
// publication fills its source, and an import's page lists its figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { exportFigures } from "../../lib/api/figure-exports";
import { importEndpoint } from "../../lib/api/imports-endpoint";
import type { ImportReport } from "../../lib/data/import-run";
import { deflatedEntry, zipArchive } from "../../lib/import/test-zip";
import { importFigures } from "../../lib/data/imports";

let user: SessionUser;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("impfinish");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  user = await createUser({ email: "finisher@test.org", role: "analyst", password: "a-long-enough-password" });
});

afterAll(async () => {
  await disconnectDb();
});

/** POST /api/v1/imports as the form sends it. */
async function post(data: Uint8Array | string, fileName: string, fields: Record<string, string> = {}): Promise<{ status: number; report: ImportReport }> {
  const form = new FormData();
  form.set("file", new Blob([typeof data === "string" ? Buffer.from(data) : Buffer.from(data)]), fileName);
  form.set("dryRun", "true");
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const answer = await importEndpoint(form, user);
  if (!("data" in answer.body)) throw new Error(JSON.stringify(answer.body));
  return { status: answer.status, report: answer.body.data };
}

/** The app's own HXL export of Mopti's and Ségou's IDPs: a real, fully tagged file. */
async function hxlExport(): Promise<string[][]> {
  const res = await exportFigures("hxl", new URLSearchParams("indicator=idps&region=ML04,ML05&from=2020-01-01&to=2021-12-31"), user);
  const text = (await res.text()).replace(/^\uFEFF/, "");
  return text.trimEnd().split("\r\n").map((l) => l.split(","));
}
const csvOf = (rows: string[][]) => rows.map((r) => r.join(",")).join("\n");

describe("a tagged file is told what its tags lack", () => {
  it("the HXL export reads back whole, also with extra tags the app does not map", async () => {
    const rows = await hxlExport();
    expect(rows.length).toBeGreaterThan(3);
    const extra = rows.map((r, i) => [...r, i === 0 ? "Partner" : i === 1 ? "#org+name" : "IOM", i === 0 ? "Women" : i === 1 ? "#affected+idps+f" : "1"]);
    const { report } = await post(csvOf(extra), "export-extra.hxl.csv");
    expect(report).toMatchObject({ status: "preview", mappingName: "HXL tags" });
  });

  it("the export without its date tags: the problem is the date, and the column form starts from the tags' roles", async () => {
    const rows = await hxlExport();
    const tags = rows[1]!.map((t) => (t === "#date+start" || t === "#date+end" ? "" : t));
    const { status, report } = await post(csvOf([rows[0]!, tags, ...rows.slice(2)]), "export-no-dates.hxl.csv");
    expect(status).toBe(422);
    expect(report).toMatchObject({ status: "invalid_file", problem: { code: "no_date_tag" } });
    if (report.status !== "invalid_file") return;
    expect(report.reason).not.toMatch(/no HXL/);
    expect(report.columns?.filter((c) => c.role).map((c) => [c.header, c.role])).toEqual([["P-code", "regionCode"], ["Area", "regionName"], [expect.any(String), "value:idps"]]);
  });

  it("a malformed tag among valid ones (#affected+idps+2021) is named, not 'the file has no HXL tags'", async () => {
    const rows = await hxlExport();
    const tags = rows[1]!.map((t) => (t === "#affected+idps+ind" ? "#affected+idps+2021" : t));
    const { report } = await post(csvOf([rows[0]!, tags, ...rows.slice(2)]), "export-bad-tag.hxl.csv");
    expect(report).toMatchObject({ status: "invalid_file", problem: { code: "no_indicator_tag", tags: ["#affected+idps+2021"] }, reason: expect.stringContaining("#affected+idps+2021") });
  });
});

describe("the level chosen is honoured", () => {
  // Cercles named like their regions (Kayes ML0103, Mopti ML0506, Ségou ML0405 in prisma/seed-data/regions.json) and one that is not (Bafoulabe ML0101).
  const file = "Cercle,Date,Population\nKayes,2031-06-30,100\nMopti,2031-06-30,200\nBafoulabe,2031-06-30,300\n";
  const mapping = JSON.stringify({ region: { name: "Cercle" }, period: { date: "Date" }, values: [{ column: "Population", indicator: "population" }] });

  it("cercles: the rows are cercles, as the form's level says", async () => {
    const { report } = await post(file, "cercles.csv", { level: "2", mapping, sourceOrganisation: "DNP" });
    if (report.status === "invalid_file") throw new Error(report.reason);
    expect(report.changes.map((c) => c.region).sort()).toEqual(["ML0101", "ML0103", "ML0506"]);
  });

  it("a publication without cercles (FTS) refuses cercles with the problem the form shows at the level field", async () => {
    const fts = "countryCode,id,name,code,typeId,typeName,startDate,endDate,year,requirements,funding,percentFunded\nMLI,1,Mali 2031,HMLI31,1,HRP,2031-01-01,2031-12-31,2031,700,300,42\n";
    const { report } = await post(fts, "fts.csv", { level: "2", sourceOrganisation: "OCHA" });
    expect(report).toMatchObject({ status: "invalid_file", problem: { code: "no_cercles" } });
  });
});

describe("a file that is no table", () => {
  it("PDF, PNG, a Word document, random bytes: 422, 'not a CSV or Excel file', with the kind", async () => {
    const docx = zipArchive([deflatedEntry("[Content_Types].xml", Buffer.from("<Types/>")), deflatedEntry("word/document.xml", Buffer.from("<w:document/>"))]);
    const cases: [Uint8Array, string, string][] = [
      [Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n"), "bulletin.pdf", "pdf"],
      [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "carte.csv", "image"],
      [docx, "rapport.xlsx", "word"],
      [Uint8Array.from([0x00, 0x13, 0x37, 0x01, 0xfe, 0x02]), "random.csv", "binary"],
    ];
    for (const [data, name, kind] of cases) {
      const { status, report } = await post(data, name);
      expect(status, name).toBe(422);
      expect(report, name).toMatchObject({ status: "invalid_file", problem: { code: "not_table", kind }, reason: expect.stringContaining("is not a CSV or Excel file") });
    }
  });
});

describe("a recognised publication fills its source", () => {
  it("IOM DTM (round from the file name, snapshot date from the file): no source typed, the preview carries the seed's kind of source", async () => {
    const dtm = [
      "Snapshot Date,Admin 1,Admin 1 pcode,Admin 2,Admin 2 pcode,Admin 3,Total No# of IDPs Ind#",
      "2031-09-30,Mopti,MLI05,Douentza,MLI0504,Commune A,5",
      "2031-09-30,Mopti,MLI05,Douentza,MLI0504,Commune B,7",
    ].join("\n");
    const { report } = await post(dtm, "dtm_mali_baseline_assessment_round_99.csv");
    if (report.status === "invalid_file") throw new Error(report.reason);
    const source = {
      organisation: "International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)",
      title: "Mali — Baseline Assessment, round 99 (snapshot 2031-09-30)",
      url: "https://data.humdata.org/dataset/mali-baseline-assessment-data-iom-dtm",
      date: "2031-09-30",
    };
    expect(report.publication).toEqual({ name: "IOM DTM Mali baseline assessment", dataset: "iom-dtm-mali", source });
    expect(report.changes[0]?.sourceDetail).toEqual(source);
    // What the user types wins over the publication's.
    const typed = await post(dtm, "dtm.csv", { sourceTitle: "DTM round 99, my copy" });
    expect(typed.report.status !== "invalid_file" && typed.report.changes[0]?.sourceDetail).toMatchObject({ organisation: source.organisation, title: "DTM round 99, my copy" });
  });

  it("OCHA FTS: organisation, title and URL filled (the date is the download's: today unless typed)", async () => {
    const fts = "countryCode,id,name,code,typeId,typeName,startDate,endDate,year,requirements,funding,percentFunded\nMLI,1,Mali 2031,HMLI31,1,HRP,2031-01-01,2031-12-31,2031,700,300,42\n";
    const { report } = await post(fts, "fts_requirements_funding_mli.csv");
    if (report.status === "invalid_file") throw new Error(report.reason);
    expect(report.publication).toMatchObject({ dataset: "ocha-fts", source: { organisation: "OCHA Financial Tracking Service (FTS)", url: "https://data.humdata.org/dataset/fts-requirements-and-funding-data-for-mali" } });
    expect(report.changes[0]?.sourceDetail.organisation).toBe("OCHA Financial Tracking Service (FTS)");
  });
});

describe("an import's page lists the figures it created and changed", () => {
  it("each figure with its indicator, region, dataset and old → new value, paged, with the datasets and the counts", async () => {
    const file = (a: number, b: number) => `#adm1+code,#date,#affected+idps+ind,#meta+dataset\nML04,2033-03-31,${a},iom-dtm-mali\nML05,2033-03-31,${b},iom-dtm-mali\n`;
    const first = await post(file(10, 20), "a.csv", { dryRun: "false", sourceOrganisation: "Test", sourceTitle: "Bulletin", sourceDate: "2033-04-01" });
    const second = await post(file(15, 20), "b.csv", { dryRun: "false", sourceOrganisation: "Test", sourceTitle: "Bulletin", sourceDate: "2033-04-01" });
    const more = await post(`#adm1+code,#date,#inneed,#meta+dataset\nML06,2033-01-01,5,ocha-hno\n`, "c.csv", { dryRun: "false", sourceOrganisation: "Test", sourceTitle: "Bulletin", sourceDate: "2033-04-01" });
    if (first.report.status !== "committed" || second.report.status !== "committed" || more.report.status !== "committed") throw new Error("not committed");

    const created = await importFigures(first.report.importId!, { page: 1, perPage: 1 });
    expect(created).toMatchObject({ total: 2, created: 2, changed: 0, datasets: [{ code: "iom-dtm-mali", created: 2, changed: 0 }], page: 1, pages: 2 });
    expect(created.rows).toEqual([
      expect.objectContaining({ action: "create", indicator: "idps", region: "ML04", dataset: { code: "iom-dtm-mali", name: expect.any(String) }, periodStart: "2033-03-31", old: null, value: 10 }),
    ]);
    expect((await importFigures(first.report.importId!, { page: 2, perPage: 1 })).rows).toEqual([expect.objectContaining({ region: "ML05", value: 20 })]);

    const changed = await importFigures(second.report.importId!);
    expect(changed).toMatchObject({ total: 1, created: 0, changed: 1 });
    expect(changed.rows).toEqual([expect.objectContaining({ action: "update", region: "ML04", old: 10, value: 15, figureId: created.rows[0]!.figureId })]);
    expect((await importFigures(more.report.importId!)).datasets).toEqual([{ code: "ocha-hno", name: expect.any(String), created: 1, changed: 0 }]);

    // A reader whose reading is limited to Mopti meets Mopti's row only: the list is read on the record, like every read.
    const moptiOnly = await importFigures(first.report.importId!, { reader: { regions: ["ML05"], datasets: [], readScoped: true } });
    expect(moptiOnly).toMatchObject({ total: 1, created: 1, datasets: [{ code: "iom-dtm-mali", created: 1, changed: 0 }] });
    expect(moptiOnly.rows).toEqual([expect.objectContaining({ region: "ML05", value: 20 })]);
    expect((await importFigures(first.report.importId!, { reader: { regions: [], datasets: ["ocha-hno"], readScoped: true } })).total).toBe(0);
  });
});
