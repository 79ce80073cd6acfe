import { describe, expect, it } from "vitest";
import { analyseFile, type Analysis } from "./analyse";
import type { ImportMappingInput } from "./mapping";
import { TEST_CATALOGUE } from "./test-catalogue";

const bytes = (text: string) => new TextEncoder().encode(text);

async function run(csv: string, mapping?: ImportMappingInput, options = {}): Promise<Extract<Analysis, { ok: true }>> {
  const r = await analyseFile(bytes(csv), "test.csv", TEST_CATALOGUE, { ...(mapping ? { mapping: { name: "test", mapping } } : {}), ...options });
  if (!r.ok) throw new Error(r.reason);
  return r;
}

const brief = (r: { candidates: { indicator: string; region: string; periodStart: string; periodEnd: string; value: string; lines: number[]; disaggregation: unknown }[] }) =>
  r.candidates.map((c) => [c.indicator, c.region, c.periodStart, c.periodEnd, c.disaggregation, c.value, c.lines]);

describe("applyMapping through HXL tags", () => {
  it("reads a semicolon CSV with BOM, CRLF, titles above the header and an HXL row, attributes in any order", async () => {
    const csv = "\uFEFFDéplacés internes – Mali;;\r\nRégion;Date;PDI\r\n#adm1+name;#date;#affected+ind+idps\r\nSégou;30/09/2021;54 885\r\nKoulikouro;2021-09-30;\"1 234,0\"\r\n";
    const r = await run(csv);
    expect(r).toMatchObject({ mappingName: "HXL tags", errors: [], skipped: [], rows: 2 });
    expect(brief(r)).toEqual([
      ["idps", "ML04", "2021-09-30", "2021-09-30", null, "54885", [4]],
      ["idps", "ML02", "2021-09-30", "2021-09-30", null, "1234", [5]],
    ]);
  });

  it("reports exactly the planted bad rows, each with its line, the column's header and the reason", async () => {
    const csv = [
      "adm1,date,idps,share",
      "#adm1+code,#date,#affected+idps+ind,#inneed+pct",
      "ML05,2021-09-30,159027,10",
      "ML99,2021-09-30,5,10", // line 4: unknown region
      "ML04,2021-09-31,5,10", // line 5: no such day
      "ML06,2021-09-30,-3,10", // line 6: negative
      "ML07,2021-09-30,12abc,10", // line 7: not a number
      "ML08,2021-09-30,,140", // line 8: percentage over 100 (the empty IDP cell is no data, not an error)
      "MLI09 ,2021-09-30,0,", // line 9: fine (a real 0)
      "ML01,,7,", // line 10: no date
      "Tombouctou,soon,x,", // line 11: three problems, three errors
      ",,,", // not a row at all
    ].join("\n");
    const r = await run(csv);
    expect(r.errors).toEqual([
      { line: 4, column: "adm1", reason: 'unknown region P-code "ML99"' },
      { line: 5, column: "date", reason: '"2021-09-31" is not a date (write YYYY-MM-DD)' },
      { line: 6, column: "idps", reason: "-3 is negative" },
      { line: 7, column: "idps", reason: '"12abc" is not a number' },
      { line: 8, column: "share", reason: "140 is a percentage over 100" },
      { line: 10, column: "date", reason: "the date is missing" },
      { line: 11, column: "adm1", reason: 'unknown region P-code "Tombouctou"' },
      { line: 11, column: "date", reason: '"soon" is not a date (write YYYY-MM-DD)' },
      { line: 11, column: "idps", reason: '"x" is not a number' },
    ]);
    expect(brief(r)).toEqual([
      ["idps", "ML05", "2021-09-30", "2021-09-30", null, "159027", [3]],
      ["people_in_need_share", "ML05", "2021-09-30", "2021-09-30", null, "10", [3]],
      ["idps", "ML09", "2021-09-30", "2021-09-30", null, "0", [9]],
    ]);
  });

  it("adds up rows of one region (communes) exactly and lists their lines; refuses a repeated figure that does not add up", async () => {
    const csv = ["#adm1+code,#date,#affected+idps+ind,#inneed+pct", "MLI05,2021-09-30,100.00005,5", "ML05 ,2021-09-30,\"1,000\",", "ML05,2021-09-30,0.1,7"].join("\n");
    const r = await run(csv);
    expect(r.candidates.find((c) => c.indicator === "idps")).toMatchObject({ value: "1100.1001", lines: [2, 3, 4] });
    expect(r.errors).toEqual([{ line: 4, column: "#inneed+pct", reason: "duplicate of row 2 (people_in_need_share, ML05, 2021-09-30); people_in_need_share does not add up across rows" }]);
  });

  it("skips other countries' rows with the reason, and rows with no value at all", async () => {
    const r = await run(["#country+code,#date+year,#affected+idps+ind", "BFA,2020,5", "MLI,2020,326298", "MLI,2019,"].join("\n"));
    expect(brief(r)).toEqual([["idps", "ML", "2020-01-01", "2020-12-31", null, "326298", [3]]]);
    expect(r.skipped).toEqual([
      { line: 2, reason: 'other country (#country+code is "BFA")' },
      { line: 4, reason: "no value in the mapped columns" },
    ]);
  });
});

describe("applyMapping with a written mapping", () => {
  const ch: ImportMappingInput = {
    filters: [{ column: "use", equals: "Y", reason: "superseded" }],
    region: { code: "pcode", name: "name", level: 1 },
    period: { label: "months", year: "year" },
    status: { column: "type" },
    values: [
      { column: "p3", indicator: "ch_population_by_phase", chPhase: 3 },
      { column: "p3+", indicator: "ch_phase3plus" },
    ],
  };

  it("reads CH month ranges and statuses, falls back from an empty code to the name, and reports bad statuses", async () => {
    const csv = [
      "pcode,name,months,year,type,p3,p3+,use",
      "ML05,,Jun-Aug,2023,projected,10.5,20.25,Y",
      ",Mopti,Jun-Aug,2023,Projetée,0.5,0.75,y",
      "ML05,,Jun-Aug,2023,projected,1,1,N",
      "ML04,,Jun-Aug,2023,,1,1,Y", // line 5: no status
      "ML04,,Jun-Aug,2023,later,1,1,Y", // line 6: unknown status
      "ML04,,Aug-Jun,2023,current,1,1,Y", // line 7: not a range
    ].join("\n");
    const r = await run(csv, ch);
    expect(brief(r)).toEqual([
      ["ch_population_by_phase", "ML05", "2023-06-01", "2023-08-31", { chPhase: 3, chStatus: "projected" }, "11", [2, 3]],
      ["ch_phase3plus", "ML05", "2023-06-01", "2023-08-31", { chStatus: "projected" }, "21", [2, 3]],
    ]);
    expect(r.skipped).toEqual([{ line: 4, reason: 'superseded (use is "N")' }]);
    expect(r.errors).toEqual([
      { line: 5, column: "type", reason: "needs a status: current or projected" },
      { line: 6, column: "type", reason: '"later" is neither current nor projected' },
      { line: 7, column: "months", reason: '"Aug-Jun" is not a month range such as Jun-Aug' },
    ]);
  });

  it("reports a period that ends before it starts, and keeps a fixed region for national files", async () => {
    const mapping: ImportMappingInput = { region: { fixed: "ML" }, period: { start: "from", end: "to" }, values: [{ column: "n", indicator: "people_targeted" }] };
    const r = await run("from;to;n\n2024-01-01;2024-12-31;4 081 412\n2024-12-31;2024-01-01;1\n", mapping);
    expect(brief(r)).toEqual([["people_targeted", "ML", "2024-01-01", "2024-12-31", null, "4081412", [2]]]);
    expect(r.errors).toEqual([{ line: 3, column: "to", reason: "the period ends (2024-01-01) before it starts (2024-12-31)" }]);
  });

  it("derives unmet and coverage from summed amounts, and neither for funding without a requirement", async () => {
    const mapping: ImportMappingInput = {
      region: { fixed: "ML" },
      period: { year: "year" },
      sector: { column: "cluster" },
      values: [
        { column: "required", indicator: "funding_required" },
        { column: "funded", indicator: "funding_funded" },
      ],
      derive: ["funding"],
    };
    const csv = ["year,cluster,required,funded", "2024,,600000000,300000000", "2024,,101569941,6560566", "2024,Health,100,150", "2024,Not specified,,5000", "2024,Logistics,0,10", "2024,WASH,3,1"].join("\n");
    const r = await run(csv, mapping);
    const of = (indicator: string, sector?: string) => r.candidates.find((c) => c.indicator === indicator && c.disaggregation?.sector === sector)?.value;
    expect([of("funding_required"), of("funding_funded"), of("funding_unmet"), of("funding_coverage")]).toEqual(["701569941", "306560566", "395009375", "43.7"]);
    expect([of("funding_unmet", "Health"), of("funding_coverage", "Health")]).toEqual(["0", "150"]);
    expect([of("funding_funded", "Not specified"), of("funding_unmet", "Not specified"), of("funding_coverage", "Not specified")]).toEqual(["5000", undefined, undefined]);
    expect([of("funding_unmet", "Logistics"), of("funding_coverage", "Logistics")]).toEqual(["0", undefined]);
    expect(of("funding_coverage", "WASH")).toBe("33.3");
    expect(r.candidates.find((c) => c.indicator === "funding_unmet" && !c.disaggregation)?.lines).toEqual([2, 3]);
  });

  it("keeps filtering with anyOf: cercle rows and the national row, not region rows", async () => {
    const mapping: ImportMappingInput = {
      filters: [{ anyOf: [{ column: "adm2", notEmpty: true }, { column: "adm1", equals: "" }], reason: "a region row" }],
      region: { code: "adm1", level: 1, fixed: "ML" },
      period: { fixedStart: "2024-01-01", fixedEnd: "2024-12-31" },
      values: [{ column: "pin", indicator: "people_in_need" }],
    };
    const r = await run("adm1,adm2,pin\n,,100\nML05,,60\nML05,ML0501,40\nML05,ML0502,19\n", mapping);
    expect(brief(r).map(([, region, , , , value, lines]) => [region, value, lines])).toEqual([["ML", "100", [2]], ["ML05", "59", [4, 5]]]);
    expect(r.skipped).toEqual([{ line: 3, reason: 'a region row (adm2 is "", adm1 is "ML05")' }]);
  });
});

describe("filters", () => {
  it("compare plainly and ignore case: equals, startsWith, contains", async () => {
    const mapping: ImportMappingInput = {
      filters: [
        { column: "code", startsWith: "hmli", reason: "not a Mali plan" },
        { column: "name", contains: "RESPONSE", reason: "not a response plan" },
      ],
      region: { fixed: "ML" },
      period: { year: "year" },
      values: [{ column: "required", indicator: "funding_required" }],
    };
    const r = await run("code,name,year,required\nHMLI24,Mali Response Plan 2024,2024,10\nRBFA24,Sahel response plan,2024,5\nHMLI23,Mali Flash Appeal,2023,3\n", mapping);
    expect(brief(r)).toEqual([["funding_required", "ML", "2024-01-01", "2024-12-31", null, "10", [2]]]);
    expect(r.skipped).toEqual([
      { line: 3, reason: 'not a Mali plan (code is "RBFA24")' },
      { line: 4, reason: 'not a response plan (name is "Mali Flash Appeal")' },
    ]);
  });

  it("never run a pattern: a saved mapping with a catastrophic one is refused at once instead of holding the worker", async () => {
    const header = "Zone,Jour,Déplacés,Note";
    const first = await analyseFile(bytes(`${header}\nMopti,2032-01-31,120,x\n`), "p.csv", TEST_CATALOGUE);
    if (first.ok || !first.signature) throw new Error("an unmapped layout should ask for a mapping, with its signature");
    const evil = {
      name: "Evil",
      mapping: { filters: [{ column: "Note", matches: "^(a+)+$" }], region: { name: "Zone" }, period: { date: "Jour" }, values: [{ column: "Déplacés", indicator: "idps" }] },
    };
    const started = performance.now();
    const r = await analyseFile(bytes(`${header}\nMopti,2032-01-31,120,${"a".repeat(27)}!\n`), "victim.csv", TEST_CATALOGUE, { savedMappings: new Map([[first.signature, evil]]) });
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining("regular expressions (matches) are not accepted") });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("source URLs", () => {
  it("are http(s) only: any other scheme is an error naming its line and column", async () => {
    const csv = [
      "Region,Date,IDPs,Source,Link",
      "#adm1+code,#date,#affected+idps+ind,#meta+source,#meta+source+url",
      "ML05,2032-01-31,10,OCHA,https://example.org/report",
      "ML04,2032-01-31,11,OCHA,javascript:alert(document.cookie)",
      "ML06,2032-01-31,12,OCHA,\"data:text/html;base64,PHNjcmlwdD4=\"",
      "ML07,2032-01-31,13,OCHA, VBScript:msgbox(1)",
      "ML08,2032-01-31,14,OCHA,",
    ].join("\n");
    const r = await run(csv);
    expect(r.errors).toEqual([
      { line: 4, column: "Link", reason: '"javascript:alert(document.cookie)" is not a web address: a source URL starts with http:// or https://' },
      { line: 5, column: "Link", reason: '"data:text/html;base64,PHNjcmlwdD4=" is not a web address: a source URL starts with http:// or https://' },
      { line: 6, column: "Link", reason: '"VBScript:msgbox(1)" is not a web address: a source URL starts with http:// or https://' },
    ]);
    expect(r.candidates.map((c) => [c.region, c.sourceDetails?.url])).toEqual([
      ["ML05", "https://example.org/report"],
      ["ML08", undefined],
    ]);
  });
});

describe("analyseFile: whole-file problems", () => {
  it("says what is wrong with a file it cannot import", async () => {
    await expect(analyseFile(bytes(""), "empty.csv", TEST_CATALOGUE)).resolves.toEqual({ ok: false, reason: "empty.csv is empty" });
    await expect(analyseFile(bytes("\u0000\u0001binary"), "x.csv", TEST_CATALOGUE)).resolves.toMatchObject({ ok: false, reason: expect.stringContaining("binary") });
    await expect(analyseFile(bytes("a,b\n1,2\n"), "plain.csv", TEST_CATALOGUE)).resolves.toMatchObject({ ok: false, reason: expect.stringContaining("map its columns"), layout: { columns: [{ header: "a" }, { header: "b" }] } });
    const mapping = (m: unknown) => ({ mapping: { name: "mine", mapping: m } });
    const good = { region: { code: "a" }, period: { date: "a" }, values: [{ column: "b", indicator: "idps" }] };
    await expect(analyseFile(bytes("a,b\n1,2\n"), "p.csv", TEST_CATALOGUE, mapping({ ...good, region: { code: "region" } }))).resolves.toMatchObject({ ok: false, reason: 'the file has no column "region"' });
    await expect(analyseFile(bytes("a,b\n1,2\n"), "p.csv", TEST_CATALOGUE, mapping({ ...good, values: [{ column: "b", indicator: "cats" }] }))).resolves.toMatchObject({ ok: false, reason: "the mapping names an unknown indicator: cats" });
    await expect(analyseFile(bytes("a,b\n1,2\n"), "p.csv", TEST_CATALOGUE, mapping({ ...good, period: {} }))).resolves.toMatchObject({ ok: false, reason: expect.stringContaining("the mapping is invalid") });
  });
});

describe("analyseFile with saved mappings", () => {
  const partner = "Zone,Jour,Déplacés\nMopti,2032-01-31,120\n";
  const saved = { name: "Partner layout", mapping: { region: { name: "Zone" }, period: { date: "Jour" }, values: [{ column: "Déplacés", indicator: "idps" }] } };

  it("reads a file laid out like the one a mapping was saved for, and only such a file", async () => {
    const first = await analyseFile(bytes(partner), "p.csv", TEST_CATALOGUE);
    if (first.ok || !first.signature) throw new Error("an unmapped layout should ask for a mapping, with its signature");
    const savedMappings = new Map([[first.signature, saved]]);
    const r = await analyseFile(bytes("Zone,Jour,Déplacés\nGao,2032-02-29,7\n"), "p2.csv", TEST_CATALOGUE, { savedMappings });
    expect(r).toMatchObject({ ok: true, mappingName: "Partner layout" });
    if (r.ok) expect(brief(r)).toEqual([["idps", "ML07", "2032-02-29", "2032-02-29", null, "7", [2]]]);
    // Another column order is another layout: the user maps it again.
    await expect(analyseFile(bytes("Jour,Zone,Déplacés\n2032-01-31,Mopti,120\n"), "p3.csv", TEST_CATALOGUE, { savedMappings })).resolves.toMatchObject({ ok: false });
  });

  it("lets the user's own mapping win over a saved one", async () => {
    const first = await analyseFile(bytes(partner), "p.csv", TEST_CATALOGUE);
    const savedMappings = new Map([[first.ok ? "" : (first.signature ?? ""), saved]]);
    const own = { name: "mine", mapping: { ...saved.mapping, values: [{ column: "Déplacés", indicator: "returnees" }] } };
    await expect(analyseFile(bytes(partner), "p.csv", TEST_CATALOGUE, { savedMappings, mapping: own })).resolves.toMatchObject({ ok: true, mappingName: "mine", candidates: [{ indicator: "returnees" }] });
  });
});

describe("source texts a mapping fixes or builds from the row", () => {
  const csv = ["Region,Cycle,Year,IDPs", "ML05,Jan-May,2014,10", "ML06,Sep-Dec,2014,20", "ML07,Jun-Aug,2014,30"].join("\n");
  const mapping: ImportMappingInput = {
    region: { code: "Region" },
    period: { fixedStart: "2014-01-01", fixedEnd: "2014-01-01" },
    values: [{ column: "IDPs", indicator: "idps" }],
    source: { fixed: "Cadre Harmonisé" },
    sourceTitle: { template: "Mali, {Cycle} {Year} analysis", words: { Cycle: { "Jan-May": "March", "Sep-Dec": "November" } } },
    sourceUrl: { fixed: "https://data.humdata.org/dataset/cadre-harmonise" },
    sourceDate: { template: "{Year}-{Cycle}", words: { Cycle: { "Jan-May": "03-31", "Sep-Dec": "11-30" } } },
  };

  it("gives each row the source its cells name; a cell the words lack is an error at its column", async () => {
    const r = await run(csv, mapping);
    expect(r.candidates.map((c) => [c.region, c.source, c.sourceDetails])).toEqual([
      ["ML05", "Cadre Harmonisé", { title: "Mali, March 2014 analysis", url: "https://data.humdata.org/dataset/cadre-harmonise", date: "2014-03-31" }],
      ["ML06", "Cadre Harmonisé", { title: "Mali, November 2014 analysis", url: "https://data.humdata.org/dataset/cadre-harmonise", date: "2014-11-30" }],
    ]);
    expect(r.errors).toEqual([{ line: 4, column: "Cycle", reason: '"Jun-Aug" is none of "Jan-May", "Sep-Dec"' }]);
  });

  it("refuses a file without a column a template names", async () => {
    const r = await analyseFile(bytes("Region,Year,IDPs\nML05,2014,10\n"), "t.csv", TEST_CATALOGUE, { mapping: { name: "t", mapping } });
    expect(r).toMatchObject({ ok: false, reason: 'the file has no column "Cycle"' });
  });
});
