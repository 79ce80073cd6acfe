import { describe, expect, it } from "vitest";
import { analyseFile } from "./analyse";
import { parseCellDate, parseCellNumber, parseMonthRange } from "./cells";
import { TEST_CATALOGUE } from "./test-catalogue";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("analyseFile", () => {
  it("reads a semicolon CSV with BOM, CRLF, titles above the header and an HXL row, attributes in any order", async () => {
    const csv = "\uFEFFDéplacés internes – Mali;;\r\nRégion;Date;PDI\r\n#adm1+name;#date;#affected+ind+idps\r\nSégou;30/09/2021;54 885\r\nKoulikouro;2021-09-30;\"1 234,0\"\r\n";
    const r = await analyseFile(bytes(csv), "pdi.csv", TEST_CATALOGUE);
    expect(r).toMatchObject({ ok: true, mappingName: "HXL tags", errors: [] });
    if (!r.ok) return;
    expect(r.candidates.map((c) => [c.region, c.periodStart, c.value, c.lines])).toEqual([
      ["ML04", "2021-09-30", "54885", [4]],
      ["ML02", "2021-09-30", "1234", [5]],
    ]);
  });

  it("reports exactly the planted bad rows, each with its line, column and reason", async () => {
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
    ].join("\n");
    const r = await analyseFile(bytes(csv), "bad.csv", TEST_CATALOGUE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.errors).toEqual([
      { line: 4, column: "adm1", reason: 'unknown region P-code "ML99"' },
      { line: 5, column: "date", reason: '"2021-09-31" is not a date (write YYYY-MM-DD)' },
      { line: 6, column: "idps", reason: "-3 is negative" },
      { line: 7, column: "idps", reason: '"12abc" is not a number' },
      { line: 8, column: "share", reason: "140 is a percentage over 100" },
    ]);
    expect(r.candidates.find((c) => c.region === "ML09")?.value).toBe("0");
  });

  it("says what is wrong with a file it cannot import", async () => {
    await expect(analyseFile(bytes(""), "empty.csv", TEST_CATALOGUE)).resolves.toEqual({ ok: false, reason: "empty.csv is empty" });
    await expect(analyseFile(bytes("\u0000\u0001binary"), "x.csv", TEST_CATALOGUE)).resolves.toMatchObject({ ok: false, reason: expect.stringContaining("binary") });
    await expect(analyseFile(bytes("a,b\n1,2\n"), "plain.csv", TEST_CATALOGUE)).resolves.toMatchObject({ ok: false, reason: expect.stringContaining("map its columns"), layout: { columns: [{ header: "a" }, { header: "b" }] } });
    await expect(analyseFile(bytes("a,b\n1,2\n"), "plain.csv", TEST_CATALOGUE, { mapping: { name: "mine", mapping: { region: { code: "region" }, period: { date: "a" }, values: [{ column: "b", indicator: "idps" }] } } })).resolves.toMatchObject({ ok: false, reason: 'the file has no column "region"' });
  });
});

describe("cells", () => {
  it("reads numbers as files write them", () => {
    expect(["1234", "1 234", "1,234.5", "1.234,5", "1234,5", "12abc", "1,2,3"].map(parseCellNumber)).toEqual([1234, 1234, 1234.5, 1234.5, 1234.5, null, null]);
  });

  it("reads dates, Excel serials and CH month ranges", () => {
    expect(["2021-09-30", "30/09/2021", "44469", "2021-02-29", "soon"].map(parseCellDate)).toEqual(["2021-09-30", "2021-09-30", "2021-09-30", null, null]);
    expect(parseMonthRange("Jun-Aug", 2023)).toEqual(["2023-06-01", "2023-08-31"]);
    expect(parseMonthRange("janv.–mai", 2024)).toEqual(["2024-01-01", "2024-05-31"]);
    expect(parseMonthRange("Aug-Jun", 2023)).toBeNull();
  });
});
