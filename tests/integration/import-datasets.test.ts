// Imports and datasets against the seeded database: an import writes into the
// datasets its rows name (chosen, the file's, a built-in publication's) and
// never changes a figure of another dataset, byte for byte; its preview says
// per dataset what it does, and in words whether a value or only a source changes.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { runImport, type ImportReport } from "../../lib/data/import-run";
import { importEndpoint } from "../../lib/api/imports-endpoint";
import { changeText } from "../../lib/import/report-text";
import { publicationFixture } from "../fixtures/publications";

let writer: SessionUser;
let url: string;

beforeAll(async () => {
  url = await createTestDatabase("importds");
  process.env.DATABASE_URL = url;
  await migrate(url);
  await seed({ demoUsers: false });
  writer = await createUser({ email: "ds-importer@test.org", role: "analyst", password: "a-long-enough-password" });
});

afterAll(async () => {
  await disconnectDb();
});

/** Every column of every figure of a dataset, as text: "byte-identical" is this string unchanged. */
async function rowsOf(dataset: string): Promise<string> {
  const rows = await db().$queryRaw<unknown[]>`
    SELECT f.* FROM figures f JOIN datasets d ON d.id = f.dataset_id WHERE d.code = ${dataset} ORDER BY f.id`;
  expect(rows.length).toBeGreaterThan(5);
  return JSON.stringify(rows, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

const hxl = (rows: string[]) => Buffer.from(["#country+code,#date,#affected+idps+ind", ...rows].join("\n"));
const DTM = { organisation: "International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)", title: "Mali — Baseline Assessment, round 12 (snapshot 2014-12-31)", url: "https://data.humdata.org/dataset/mali-baseline-assessment-data-iom-dtm", date: "2014-12-31" };

function rowsReport(r: ImportReport): Extract<ImportReport, { changes: unknown }> {
  if (r.status === "invalid_file") throw new Error(r.reason);
  return r;
}

async function nationalIdps(dataset: string, date: string): Promise<number> {
  const f = await db().figure.findFirstOrThrow({
    where: { dataset: { code: dataset }, indicator: { code: "idps" }, region: { pcode: "ML" }, periodStart: new Date(`${date}T00:00:00Z`), disaggregationKey: "" },
  });
  return Number(f.value);
}

describe("an import writes into its dataset only", () => {
  it("a file imported into iom-dtm-mali for IDMC's slots leaves every IDMC figure byte-identical", async () => {
    const idmcBefore = await rowsOf("idmc-gidd");
    // 2021-12-31: a slot only IDMC fills (326,135), so a match across datasets would overwrite it.
    const file = hxl(["MLI,2014-12-31,61700", "MLI,2021-12-31,326000"]);
    const report = rowsReport(await runImport({ data: file, fileName: "dtm-national.csv", commit: true, dataset: "iom-dtm-mali", source: DTM, writer }));
    expect(report).toMatchObject({ status: "committed", datasets: [{ code: "iom-dtm-mali", name: "IOM DTM Mali — Baseline Assessment" }] });
    expect(report.changes.every((c) => c.dataset === "iom-dtm-mali")).toBe(true);
    expect(await nationalIdps("iom-dtm-mali", "2014-12-31")).toBe(61_700);
    expect(await nationalIdps("iom-dtm-mali", "2021-12-31")).toBe(326_000);
    expect(await rowsOf("idmc-gidd")).toBe(idmcBefore);
    expect(await nationalIdps("idmc-gidd", "2014-12-31")).toBe(61_600);
  });

  it("the IDMC file (a built-in publication) goes into idmc-gidd and leaves every DTM figure byte-identical", async () => {
    // 2019-12-31 left to DTM alone (207,751), so a match across datasets would overwrite DTM's figure.
    await db().figure.deleteMany({ where: { dataset: { code: "idmc-gidd" }, indicator: { code: "idps" }, region: { pcode: "ML" }, periodStart: new Date("2019-12-31T00:00:00Z") } });
    const dtmBefore = await rowsOf("iom-dtm-mali");
    const report = rowsReport(await runImport({ data: await publicationFixture("idps_displacement_data.csv"), fileName: "idps_displacement_data.csv", commit: true, source: { organisation: "IDMC", date: "2025-05-13" }, writer }));
    expect(report.status).toBe("committed");
    expect(report.datasets.map((d) => d.code)).toEqual(["idmc-gidd"]);
    expect(await nationalIdps("idmc-gidd", "2018-12-31")).toBe(111_222);
    expect(await nationalIdps("idmc-gidd", "2019-12-31")).toBe(198_765);
    expect(await rowsOf("iom-dtm-mali")).toBe(dtmBefore);
    expect(await nationalIdps("iom-dtm-mali", "2018-12-31")).toBe(120_298);
  });

  it("refuses a chosen dataset that the file contradicts, an unknown one, and an unknown code in a #meta+dataset column", async () => {
    const idmc = await publicationFixture("idps_displacement_data.csv");
    const conflict = await runImport({ data: idmc, fileName: "idmc.csv", commit: false, dataset: "iom-dtm-mali", source: { organisation: "IDMC" }, writer });
    expect(conflict).toMatchObject({ status: "invalid_file", reason: expect.stringContaining("the file names its own dataset (idmc-gidd") });

    const unknown = await runImport({ data: hxl(["MLI,2030-12-31,5"]), fileName: "x.csv", commit: false, dataset: "no-such-dataset", source: { organisation: "X" }, writer });
    expect(unknown).toMatchObject({ status: "invalid_file", reason: expect.stringContaining('there is no dataset "no-such-dataset"') });

    const column = Buffer.from(["#country+code,#date,#affected+idps+ind,#meta+dataset", "MLI,2030-12-31,5,nope-nope"].join("\n"));
    const row = await runImport({ data: column, fileName: "y.csv", commit: false, source: { organisation: "X" }, writer });
    expect(row).toMatchObject({ status: "invalid_rows", errors: [{ line: 2, column: "#meta+dataset", reason: expect.stringContaining('unknown dataset "nope-nope"') }] });
  });

  it("POST /api/v1/imports takes a dataset field: 400 for a malformed code, 422 naming an unknown one, else the figures go there", async () => {
    const form = (dataset: string) => {
      const f = new FormData();
      f.set("file", new Blob([hxl(["MLI,2031-12-31,77"])]), "api.csv");
      f.set("dryRun", "true");
      f.set("sourceOrganisation", "API test");
      f.set("dataset", dataset);
      return f;
    };
    expect(await importEndpoint(form("Not A Code!"), writer)).toMatchObject({ status: 400, body: { error: { code: "invalid_parameter", message: expect.stringContaining("dataset") } } });
    expect(await importEndpoint(form("absent-dataset"), writer)).toMatchObject({ status: 422, body: { data: { status: "invalid_file", reason: expect.stringContaining('"absent-dataset"') } } });
    expect(await importEndpoint(form("idmc-gidd"), writer)).toMatchObject({ status: 200, body: { data: { status: "preview", datasets: [{ code: "idmc-gidd", create: 1 }], changes: [{ dataset: "idmc-gidd", datasetName: expect.stringContaining("IDMC") }] } } });
  });
});

describe("the preview in words", () => {
  it("tells a value change from a source-only and a note-only change, with names and datasets", async () => {
    // The seeded DTM round 48 (2018-12-31): Mopti 56,495 IDPs; national 120,298.
    const file = Buffer.from(
      [
        "#adm1+code,#date,#affected+idps+ind,#meta+comment",
        "ML05,2018-12-31,56495,",
        "ML07,2018-12-31,31000,",
        "ML10,2040-01-31,5,",
      ].join("\n"),
    );
    const national = Buffer.from(["#country+code,#date,#affected+idps+ind,#meta+comment", "MLI,2018-12-31,120298,Checked against the VERIFICATION sheet"].join("\n"));
    const r48 = { ...DTM, title: "Mali — Baseline Assessment, round 48 (snapshot 2018-12-31)", date: "2018-12-31" };
    const moved = { ...r48, title: "Mali — Baseline Assessment, round 48, republished" };
    const report = rowsReport(await runImport({ data: file, fileName: "words.csv", commit: false, dataset: "iom-dtm-mali", source: moved, writer }));
    expect(report.counts).toMatchObject({ create: 1, update: 2, unchanged: 0, invalid: 0 });
    expect(report.datasets).toEqual([{ code: "iom-dtm-mali", name: "IOM DTM Mali — Baseline Assessment", create: 1, update: 2, unchanged: 0, held: 0 }]);
    const byRegion = Object.fromEntries(report.changes.map((c) => [c.region, c]));
    expect(byRegion.ML05).toMatchObject({ action: "update", kind: "source", regionName: "Mopti", indicatorName: expect.stringContaining("IDPs"), dataset: "iom-dtm-mali", old: { value: 56_495 } });
    expect(changeText(byRegion.ML05!)).toBe(
      `the value stays 56,495; the source changes from ${r48.organisation} — ${r48.title} (2018-12-31) to ${moved.organisation} — ${moved.title} (2018-12-31)`,
    );
    expect(byRegion.ML07).toMatchObject({ kind: "value", regionName: "Gao" });
    expect(changeText(byRegion.ML07!)).toMatch(/^the value changes from 30,938 to 31,000; the source changes from /);
    expect(changeText(byRegion.ML10!)).toBe("new figure: 5");
    expect(byRegion.ML10).toMatchObject({ action: "create", kind: "value", regionName: "Ménaka" });

    const moving = rowsReport(await runImport({ data: national, fileName: "national.csv", commit: false, dataset: "iom-dtm-mali", source: moved, writer }));
    expect(moving.changes).toMatchObject([{ region: "ML", regionName: "Mali", kind: "source", note: "Checked against the VERIFICATION sheet", old: { note: expect.stringContaining("round 48") } }]);
    // With the stored source, only the note is left to change.
    const same = rowsReport(await runImport({ data: national, fileName: "national.csv", commit: false, dataset: "iom-dtm-mali", source: r48, writer }));
    expect(same.changes).toMatchObject([{ region: "ML", kind: "note" }]);
    expect(changeText(same.changes[0]!)).toMatch(/^the value stays 120,298; the note changes from “National total of DTM round 48 \(all regions assessed\)\.” to “Checked against the VERIFICATION sheet”$/);
  });

  it("the CLI takes --dataset and prints the counts per dataset and the changes in words", () => {
    const run = (args: string[]) => spawnSync("node", ["--import", "tsx", "scripts/cli.ts", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });
    const file = "tests/fixtures/publications/idps_displacement_data.csv";
    const into = run(["import", file, "--dry-run", "--source-org", "IDMC", "--source-date", "2025-05-13", "--dataset", "idmc-gidd"]);
    expect(into.status, into.stderr).toBe(0);
    expect(into.stdout).toContain("Into IDMC Global Internal Displacement Database — Mali, conflict (idmc-gidd):");
    expect(into.stdout).toContain("Dry run: nothing was written.");
    const wrong = run(["import", file, "--dry-run", "--source-org", "IDMC", "--dataset", "iom-dtm-mali"]);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toContain("the file names its own dataset (idmc-gidd");
    const bad = run(["import", file, "--dataset", "Bad Code"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--dataset must be a dataset code");
  });
});
