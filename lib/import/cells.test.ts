import { describe, expect, it } from "vitest";
import { parseCellDate, parseCellNumber, parseChStatus, parseMonthRange } from "./cells";
import { fromTenThousandths, plainNumber, shiftDecimal, sumDecimals, toTenThousandths } from "./decimal";

const read = (mark: "." | ",") => (t: string) => {
  const n = parseCellNumber(t, mark);
  return n.ok ? n.value : null;
};

describe("parseCellNumber", () => {
  it("reads numbers as comma-delimited (English) files write them", () => {
    expect(["1234", "1 234", "1\u202f234", "1,234.5", "1,234", "1,234,567", "1.234", "0,5", "1234,5", "-12.50", "-0", "007"].map(read("."))).toEqual([
      "1234", "1234", "1234", "1234.5", "1234", "1234567", "1.234", "0.5", "1234.5", "-12.5", "0", "7",
    ]);
  });

  it("reads numbers as semicolon (French) files write them, where the comma is the decimal mark", () => {
    expect(["1 234,5", "1\u00a0234\u00a0567,25", "1,234", "1.234,5", "1.234.567", "1234.5", "0.125"].map(read(","))).toEqual([
      "1234.5", "1234567.25", "1.234", "1234.5", "1234567", "1234.5", "0.125",
    ]);
  });

  it("refuses what is not a number, and what could be two numbers, with the reason", () => {
    expect(["12abc", "1,2,3", "1e5", "12 34", "", "-", "n/a"].map(read("."))).toEqual([null, null, null, null, null, null, null]);
    expect(parseCellNumber("1.234", ",")).toEqual({ ok: false, reason: expect.stringContaining("ambiguous") });
    expect(parseCellNumber("=A1*2")).toEqual({ ok: false, reason: expect.stringContaining("no saved result") });
  });
});

describe("exact decimals", () => {
  it("rounds to ten-thousandths half away from zero and writes them back without trailing zeros", () => {
    expect(["2506.7872991470199", "0.00005", "-1.00005", "12", "0.1"].map(toTenThousandths)).toEqual([25067873n, 1n, -10001n, 120000n, 1000n]);
    expect([25067873n, 120000n, -10001n, 0n, 5n].map(fromTenThousandths)).toEqual(["2506.7873", "12", "-1.0001", "0", "0.0005"]);
  });

  it("writes JS numbers without exponents, shifts percent cells and adds decimals exactly", () => {
    expect([1e21, 1.5e-7, -2e-3, 42].map(plainNumber)).toEqual(["1000000000000000000000", "0.00000015", "-0.002", "42"]);
    expect([shiftDecimal("0.437", 2), shiftDecimal("1", 2), shiftDecimal("0.005", 2)]).toEqual(["43.7", "100", "0.5"]);
    expect(sumDecimals(["0.1", "0.2", "-1.05", "3"])).toBe("2.25");
  });
});

describe("dates, periods and statuses", () => {
  it("reads ISO dates, day-first dates and Excel serials; refuses impossible days", () => {
    expect(["2021-09-30", "2021-09-30T00:00:00Z", "30/09/2021", "31-12-2017", "44469", "2021-02-29", "09/30/2021", "soon"].map(parseCellDate)).toEqual([
      "2021-09-30", "2021-09-30", "2021-09-30", "2017-12-31", "2021-09-30", null, null, null,
    ]);
  });

  it("reads CH month ranges in English and French", () => {
    expect(parseMonthRange("Jun-Aug", 2023)).toEqual(["2023-06-01", "2023-08-31"]);
    expect(parseMonthRange("Jan-May", 2024)).toEqual(["2024-01-01", "2024-05-31"]);
    expect(parseMonthRange("Sep-Dec", 2021)).toEqual(["2021-09-01", "2021-12-31"]);
    expect(parseMonthRange("janv.–mai", 2024)).toEqual(["2024-01-01", "2024-05-31"]);
    expect(parseMonthRange("Février", 2024)).toEqual(["2024-02-01", "2024-02-29"]);
    expect(parseMonthRange("juin à août", 2023)).toEqual(["2023-06-01", "2023-08-31"]);
    expect(parseMonthRange("Aug-Jun", 2023)).toBeNull();
    expect(parseMonthRange("Q3", 2023)).toBeNull();
  });

  it("reads CH statuses in English and French", () => {
    expect(["current", "Courant", "projected", "PROJETÉE", "later"].map(parseChStatus)).toEqual(["current", "current", "projected", "projected", null]);
  });
});
