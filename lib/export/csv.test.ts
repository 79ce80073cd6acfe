import { describe, expect, it } from "vitest";
import { csvCell, csvLine, EXCEL_FR } from "./csv";

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell('IOM, "DTM"')).toBe('"IOM, ""DTM"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("Ségou")).toBe("Ségou");
  });

  it("guards text a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
  });

  it("writes numbers as numbers (a negative one is not a formula) and missing values as empty", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(1234.5)).toBe("1234.5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("ends a line with CRLF", () => {
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
});

describe("the French Excel dialect", () => {
  it("separates cells with semicolons and writes a decimal comma", () => {
    expect(csvLine(["Mopti", 181250.5, -0.25, 12, null], EXCEL_FR)).toBe("Mopti;181250,5;-0,25;12;\r\n");
  });
  it("quotes text holding a semicolon or a comma, and still guards formulas", () => {
    expect(csvCell("IOM; DTM", EXCEL_FR)).toBe('"IOM; DTM"');
    expect(csvCell("Mopti, Ségou", EXCEL_FR)).toBe('"Mopti, Ségou"');
    expect(csvCell("=1+1", EXCEL_FR)).toBe("'=1+1");
  });
  it("leaves the standard CSV as it was", () => {
    expect(csvLine(["IOM; DTM", 181250.5])).toBe("IOM; DTM,181250.5\r\n");
  });
});
