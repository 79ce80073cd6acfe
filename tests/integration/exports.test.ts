// The figures exports against real PostgreSQL and the seeded data: CSV, XLSX
// and HXL hold what GET /api/v1/figures returns for the same filters, the
// HXL file imports back to the same figures, and every export is audited.
import { PUBLISHED_ONLY } from "../../lib/auth/visibility";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { writeFigure } from "../../lib/data/figure-writes";
import { figuresEndpoint } from "../../lib/api/figures-endpoint";
import { exportFigures } from "../../lib/api/figure-exports";
import { runImport } from "../../lib/data/import-run";
import type { FigureDto } from "../../lib/data/figures";

let user: SessionUser;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("exports");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  user = await createUser({ email: "exporter@test.org", role: "viewer", password: "exporter-long-password" });
  // The organisations these tests write as have datasets that publish at once: exports show published figures only.
  for (const [code, name] of [["at-org", "@org"], ["ocha-fts-semicolon", "OCHA; FTS"]] as const) {
    await db().dataset.create({ data: { code, name, publisher: name, url: "", kind: "series", needsReview: false } });
  }
});

afterAll(async () => {
  await disconnectDb();
});

const FILTER = "indicator=idps,ch_population_by_phase&region=ML04,ML05,ML06,ML07&from=2019-01-01&to=2024-12-31";

async function api(query: string): Promise<FigureDto[]> {
  const res = await figuresEndpoint(PUBLISHED_ONLY, new URLSearchParams(`${query}&limit=50000`));
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body.data;
}

async function exported(format: "csv" | "csv-excel-fr" | "xlsx" | "hxl", query: string) {
  const res = await exportFigures(format, new URLSearchParams(query), user);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe("figure exports", () => {
  it("CSV: one header row with a value column, then exactly the API's figures in its order", async () => {
    const expected = await api(FILTER);
    expect(expected.length).toBeGreaterThan(20);
    const { res, bytes } = await exported("csv", FILTER);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="figures_idps-ch_population_by_phase_ML04-ML05-ML06-and-1-more_2019-01-01_2024-12-31.csv"');
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toContain("value");
    expect(rows.map((r) => ({ id: Number(r.id), region: r.region, start: r.period_start, end: r.period_end, value: Number(r.value), phase: r.ch_phase, source: r.source_title }))).toEqual(
      expected.map((f) => ({ id: f.id, region: f.region, start: f.periodStart, end: f.periodEnd, value: f.value, phase: f.disaggregation?.chPhase === undefined ? "" : String(f.disaggregation.chPhase), source: f.source.title })),
    );
    expect(rows.find((r) => r.region === "ML05")?.region_name).toBe("Mopti");
    expect(rows.map((r) => [r.dataset, r.dataset_name])).toEqual(expected.map((f) => [f.dataset.code, f.dataset.name]));
  });


  it("CSV guards cells a spreadsheet would run as formulas", async () => {
    const values = { indicator: "idps", region: "ML10", periodStart: "2035-01-31", periodEnd: "2035-01-31", disaggregation: null, value: 5, note: '=HYPERLINK("http://evil.example","click")', source: { organisation: "@org", title: "+title", url: "", date: "2035-02-01" } };
    expect(await writeFigure({ op: "create", values, outliers: "confirmed" }, user)).toMatchObject({ status: "saved" });
    const rows = parse((await exported("csv", "indicator=idps&region=ML10&from=2035-01-01")).bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ note: `'=HYPERLINK("http://evil.example","click")`, source_organisation: "'@org", source_title: "'+title", value: "5" });
  });

  it("CSV for French Excel: BOM, semicolons, decimal commas, ISO dates, the standard CSV's rows", async () => {
    const values = { indicator: "funding_outside_plan", region: "ML", periodStart: "2036-01-01", periodEnd: "2036-12-31", disaggregation: null, value: 181250.5, note: "hors plan; à vérifier", source: { organisation: "OCHA; FTS", title: "Mali, 2036", url: "", date: "2037-01-15" } };
    expect(await writeFigure({ op: "create", values, outliers: "confirmed" }, user)).toMatchObject({ status: "saved" });
    const query = "indicator=funding_outside_plan&from=2036-01-01&to=2036-12-31";
    const { res, bytes } = await exported("csv-excel-fr", query);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="figures_funding_outside_plan_[^"]*\.excel-fr\.csv"$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const [header, line] = text.split("\r\n");
    expect(header).toMatch(/^id;/);
    expect(line).toContain(";181250,5;");
    expect(line).toContain(';"hors plan; à vérifier";');
    expect(line).toContain(';"OCHA; FTS";');
    expect(line).toContain(";2036-12-31;");
    // The same table as the standard CSV, cell for cell.
    const french = parse(bytes, { bom: true, columns: true, delimiter: ";" }) as Record<string, string>[];
    const standard = parse((await exported("csv", query)).bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(french).toEqual(standard.map((r) => ({ ...r, value: r.value!.replace(".", ",") })));
    expect(french[0]?.value).toBe("181250,5");
  });

  it("XLSX: typed numbers and dates equal to the API's, and a Sources sheet", async () => {
    const expected = await api(FILTER);
    const { res, bytes } = await exported("xlsx", FILTER);
    expect(res.headers.get("content-disposition")).toMatch(/\.xlsx"$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Figures")!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.rowCount - 1).toBe(expected.length);
    const first = sheet.getRow(2);
    expect(typeof first.getCell(col("value")).value).toBe("number");
    expect(first.getCell(col("period_end")).value).toBeInstanceOf(Date);
    const values = Array.from({ length: expected.length }, (_, i) => sheet.getRow(i + 2).getCell(col("value")).value);
    expect(values).toEqual(expected.map((f) => f.value));
    const sources = book.getWorksheet("Sources")!;
    const titles = new Set(expected.map((f) => f.source.title));
    expect(sources.rowCount - 1).toBe(titles.size);
  });

  it("HXL: a hashtag row, and the import reads the file back to the same figures", async () => {
    const expected = await api(FILTER);
    const { bytes } = await exported("hxl", FILTER);
    const [headers, tags] = parse(bytes, { bom: true, to: 2 }) as string[][];
    expect(headers![0]).toBe("P-code");
    expect(tags).toEqual(expect.arrayContaining(["#adm1+code", "#date+start", "#date+end", "#status", "#affected+idps+ind", "#affected+food+ch+num+p3", "#meta+source"]));
    const report = await runImport({ data: bytes, fileName: "roundtrip.hxl.csv", commit: false, writer: user });
    expect(report).toMatchObject({ status: "preview", mappingName: "HXL tags", counts: { create: 0, update: 0, unchanged: expected.length, invalid: 0 } });
  });


  it("HXL refuses a view mixing administrative levels; bad filters get the API's 400", async () => {
    const mixed = await exportFigures("hxl", new URLSearchParams("indicator=idps&region=ML,ML05"), user);
    expect(mixed.status).toBe(400);
    expect((await mixed.json()).error.code).toBe("mixed_levels");
    const bad = await exportFigures("csv", new URLSearchParams("indicator=nope"), user);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "invalid_parameter", parameter: "indicator" } });
  });

  it("every export is in the audit log with its filters", async () => {
    const events = await db().auditEvent.findMany({ where: { userId: user.id, action: { startsWith: "export." } }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["export.csv", "export.csv", "export.csv_excel_fr", "export.csv", "export.xlsx", "export.hxl"]);
    expect(events[0]!.after).toMatchObject({ filters: { indicator: ["idps", "ch_population_by_phase"], region: ["ML04", "ML05", "ML06", "ML07"] } });
  });

  it("every figure carries its dataset, and dataset= (repeatable) filters the exports as the API", async () => {
    const slot = "indicator=idps&region=ML&from=2018-12-31&to=2018-12-31";
    const both = parse((await exported("csv", slot)).bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(both.map((r) => [r.dataset, r.dataset_name, r.value]).sort()).toEqual([
      ["idmc-gidd", "IDMC Global Internal Displacement Database — Mali, conflict", "120298"],
      ["iom-dtm-mali", "IOM DTM Mali — Baseline Assessment", "120298"],
    ]);
    const { res, bytes } = await exported("csv", `${slot}&dataset=idmc-gidd`);
    expect(res.headers.get("content-disposition")).toContain("_idmc-gidd_");
    expect((parse(bytes, { bom: true, columns: true }) as Record<string, string>[]).map((r) => r.dataset)).toEqual(["idmc-gidd"]);
    const repeated = parse((await exported("csv", `indicator=idps&region=ML&dataset=idmc-gidd&dataset=iom-dtm-mali`)).bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(new Set(repeated.map((r) => r.dataset))).toEqual(new Set(["idmc-gidd", "iom-dtm-mali"]));
    expect(repeated).toHaveLength((await api("indicator=idps&region=ML&dataset=idmc-gidd,iom-dtm-mali")).length);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exported("xlsx", slot)).bytes as unknown as ArrayBuffer);
    const header = (book.getWorksheet("Figures")!.getRow(1).values as string[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(["dataset", "dataset_name"]));
    const codes = [2, 3].map((r) => book.getWorksheet("Figures")!.getRow(r).getCell(header.indexOf("dataset") + 1).value);
    expect(codes.sort()).toEqual(["idmc-gidd", "iom-dtm-mali"]);
    expect((book.getWorksheet("Sources")!.getRow(1).values as string[]).slice(1)).toContain("dataset");

    const unknown = await exportFigures("hxl", new URLSearchParams(`${slot}&dataset=no-such-one`), user);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: "invalid_parameter", parameter: "dataset" } });
  });

  it("HXL: each row names its dataset (#meta+dataset), so two datasets' figures for one slot re-import into the same datasets unchanged", async () => {
    // DTM and IDMC both at 120,298 on 2018-12-31; people in need from OCHA's HNO and JIAF (one organisation, two datasets).
    const query = "indicator=idps,people_in_need&region=ML&from=2018-01-01&to=2025-12-31";
    const expected = await api(query);
    expect(expected.filter((f) => f.indicator === "idps" && f.periodEnd === "2018-12-31").map((f) => f.dataset.code).sort()).toEqual(["idmc-gidd", "iom-dtm-mali"]);
    expect(new Set(expected.filter((f) => f.indicator === "people_in_need").map((f) => f.dataset.code))).toEqual(new Set(["ocha-hno", "ocha-jiaf", "crs-2021"]));
    const { bytes } = await exported("hxl", query);
    const [, tags] = parse(bytes, { bom: true, to: 2 }) as string[][];
    expect(tags).toContain("#meta+dataset");
    const report = await runImport({ data: bytes, fileName: "two-datasets.hxl.csv", commit: false, writer: user });
    expect(report).toMatchObject({ status: "preview", counts: { create: 0, update: 0, unchanged: expected.length, invalid: 0 } });
    if (report.status === "invalid_file") throw new Error(report.reason);
    expect(new Set(report.datasets.map((d) => d.code))).toEqual(new Set(expected.map((f) => f.dataset.code)));
  });
});
