import { describe, expect, it } from "vitest";
import { describeColumns } from "./hxl";
import { findColumn, importMappingSchema, layoutSignature, missingColumns } from "./mapping";

const layout = describeColumns({ rows: [["Admin 1  PCode", "People In Need"], ["#adm1+code", "#inneed+ind"]], lineNumbers: [1, 2] });
const base = { region: { code: "#adm1+code" }, values: [{ column: "#inneed", indicator: "people_in_need" }] };

describe("importMappingSchema", () => {
  it("takes each kind of period, and nothing in between", () => {
    for (const period of [{ date: "d" }, { start: "s", end: "e" }, { year: "y" }, { yearEnd: "y" }, { label: "l", year: "y" }, { fixedStart: "2024-01-01", fixedEnd: "2024-12-31" }]) {
      expect(importMappingSchema.safeParse({ ...base, period }).success, JSON.stringify(period)).toBe(true);
    }
    for (const period of [{}, { start: "s" }, { label: "l" }, { date: "d", year: "y" }, { fixedStart: "2024-02-30", fixedEnd: "2024-12-31" }]) {
      expect(importMappingSchema.safeParse({ ...base, period }).success, JSON.stringify(period)).toBe(false);
    }
  });

  it("needs a region, values, filters that test something and regexes that compile; defaults filters and derive", () => {
    const period = { date: "d" };
    expect(importMappingSchema.safeParse({ ...base, period, region: {} }).success).toBe(false);
    expect(importMappingSchema.safeParse({ ...base, period, values: [] }).success).toBe(false);
    expect(importMappingSchema.safeParse({ ...base, period, filters: [{ column: "x" }] }).success).toBe(false);
    expect(importMappingSchema.safeParse({ ...base, period, filters: [{ column: "x", matches: "([" }] }).success).toBe(false);
    expect(importMappingSchema.safeParse({ ...base, period, values: [{ column: "p", indicator: "ch_population_by_phase", chPhase: 6 }] }).success).toBe(false);
    expect(importMappingSchema.parse({ ...base, period, filters: [{ anyOf: [{ column: "a", equals: "" }, { column: "b", notEmpty: true }], reason: "r" }] })).toMatchObject({
      filters: [{ anyOf: [{ column: "a", equals: "" }, { column: "b", notEmpty: true }], reason: "r" }],
      derive: [],
    });
  });
});

describe("columns a mapping names", () => {
  it("are found by header (case and spaces aside) or by tag (attributes in any order)", () => {
    expect(findColumn(layout.columns, "admin 1 pcode")?.index).toBe(0);
    expect(findColumn(layout.columns, "#InNeed +IND")?.index).toBe(1);
    expect(findColumn(layout.columns, "#inneed")).toBeUndefined(); // a tag names one column exactly, +ind included
    expect(findColumn(layout.columns, "Region")).toBeUndefined();
  });

  it("that the file lacks are listed once; the signature is the same for the same layout", () => {
    const mapping = importMappingSchema.parse({ region: { code: "Region", name: "Region" }, period: { date: "Date" }, values: [{ column: "#inneed+ind", indicator: "people_in_need" }] });
    expect(missingColumns(layout, mapping)).toEqual(["Region", "Date"]);
    expect(layoutSignature(layout)).toBe("#adm1+code|#inneed+ind");
  });
});
