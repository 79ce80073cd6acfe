import { describe, expect, it } from "vitest";
import { fieldErrors, figureInputSchema, type IndicatorRule } from "./figure-input";

const rules = new Map<string, IndicatorRule>([
  ["idps", { unit: "people", disaggregation: "none" }],
  ["ied_incidents", { unit: "count", disaggregation: "none" }],
  ["funding_required", { unit: "usd", disaggregation: "sector" }],
  ["funding_unmet", { unit: "usd", disaggregation: "sector" }],
  ["funding_coverage", { unit: "percent", disaggregation: "sector" }],
  ["people_in_need_share", { unit: "percent", disaggregation: "none" }],
]);
const schema = figureInputSchema(rules, new Set(["ML", "ML05"]));
const figure = (changes: Record<string, unknown>) => ({
  indicator: "idps",
  region: "ML05",
  periodStart: "2030-01-31",
  value: 1,
  source: { organisation: "IOM DTM", title: "Round", url: "", date: "2030-02-01" },
  ...changes,
});
const errorsOf = (input: unknown, s = schema) => {
  const r = s.safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
};

describe("figure schema", () => {
  it("takes whole numbers only for indicators counted in people or events", () => {
    expect(errorsOf(figure({ value: 1.5 }))).toEqual({ value: "wholeNumber" });
    expect(errorsOf(figure({ indicator: "ied_incidents", value: 12.25 }))).toEqual({ value: "wholeNumber" });
    expect(errorsOf(figure({ value: 181_250 }))).toEqual({});
    expect(errorsOf(figure({ indicator: "funding_required", value: 1234.5 }))).toEqual({});
    expect(errorsOf(figure({ indicator: "people_in_need_share", value: 31.7 }))).toEqual({});
  });

  it("does not re-judge the stored value an edit keeps (an imported Cadre Harmonisé estimate)", () => {
    const editing = figureInputSchema(rules, new Set(["ML05"]), { storedValue: 2506.7873 });
    expect(errorsOf(figure({ value: 2506.7873, note: "checked" }), editing)).toEqual({});
    expect(errorsOf(figure({ value: 2506.5 }), editing)).toEqual({ value: "wholeNumber" });
  });

  it("refuses unmet requirements and coverage typed by hand: they are recomputed from funding", () => {
    expect(errorsOf(figure({ indicator: "funding_unmet", value: 10 }))).toEqual({ indicator: "derivedIndicator" });
    expect(errorsOf(figure({ indicator: "funding_coverage", value: 10 }))).toEqual({ indicator: "derivedIndicator" });
  });
});
