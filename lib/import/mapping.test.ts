import { describe, expect, it } from "vitest";
import { z } from "zod";
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

  it("needs a region, values and filters that test something; defaults filters and derive", () => {
    const period = { date: "d" };
    expect(importMappingSchema.safeParse({ ...base, period, region: {} }).success).toBe(false);
    expect(importMappingSchema.safeParse({ ...base, period, values: [] }).success).toBe(false);
    expect(importMappingSchema.safeParse({ ...base, period, filters: [{ column: "x" }] }).success).toBe(false);
    expect(importMappingSchema.safeParse({ ...base, period, values: [{ column: "p", indicator: "ch_population_by_phase", chPhase: 6 }] }).success).toBe(false);
    expect(importMappingSchema.parse({ ...base, period, filters: [{ anyOf: [{ column: "a", equals: "" }, { column: "b", notEmpty: true }], reason: "r" }] })).toMatchObject({
      filters: [{ anyOf: [{ column: "a", equals: "" }, { column: "b", notEmpty: true }], reason: "r" }],
      derive: [],
    });
  });
});

describe("filters: plain comparisons, never a regular expression", () => {
  const period = { date: "d" };
  const filtersOf = (filters: unknown[]) => importMappingSchema.parse({ ...base, period, filters }).filters;

  it("refuse a regular expression, saying what to use instead", () => {
    for (const filters of [[{ column: "x", matches: "^(a+)+$" }], [{ anyOf: [{ column: "x", notEmpty: true }, { column: "y", matches: "^[HC]MLI\\d{2}$" }] }], [{ column: "x", matches: "([" }]]) {
      const r = importMappingSchema.safeParse({ ...base, period, filters });
      expect(r.success, JSON.stringify(filters)).toBe(false);
      expect(z.prettifyError(r.error!)).toContain('regular expressions (matches) are not accepted: write the test with equals, notEquals, startsWith or contains (case is ignored)');
    }
  });

  it("take startsWith and contains beside equals, notEquals and notEmpty", () => {
    expect(filtersOf([{ column: "code", startsWith: "HMLI" }, { column: "name", contains: "Mali", reason: "r" }])).toEqual([
      { column: "code", startsWith: "HMLI" },
      { column: "name", contains: "Mali", reason: "r" },
    ]);
  });

  it("turn the plain patterns of mappings saved before into the comparisons they meant", () => {
    expect(filtersOf([{ column: "c", matches: "^MLI$", reason: "other country" }])).toEqual([{ column: "c", equals: "MLI", reason: "other country" }]);
    expect(filtersOf([{ column: "c", matches: "^HMLI" }, { column: "c", matches: "cluster" }, { column: "c", matches: "^ML\\.01$" }])).toEqual([
      { column: "c", startsWith: "HMLI" },
      { column: "c", contains: "cluster" },
      { column: "c", equals: "ML.01" },
    ]);
    // Alternatives: each one a test of an anyOf; inside an anyOf, more tests of it.
    expect(filtersOf([{ column: "c", matches: "^(MLI|ML)$", reason: "other country" }])).toEqual([{ anyOf: [{ column: "c", equals: "MLI" }, { column: "c", equals: "ML" }], reason: "other country" }]);
    expect(filtersOf([{ anyOf: [{ column: "a", matches: "^(?:x|y)" }, { column: "b", notEmpty: true }] }])).toEqual([
      { anyOf: [{ column: "a", startsWith: "x" }, { column: "a", startsWith: "y" }, { column: "b", notEmpty: true }] },
    ]);
    expect(filtersOf([{ column: "a", notEquals: "z", matches: "^x" }])).toEqual([{ column: "a", notEquals: "z", startsWith: "x" }]);
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
