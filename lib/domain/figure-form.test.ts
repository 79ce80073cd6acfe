import { describe, expect, it } from "vitest";
import { EMPTY_FORM, figureToFormValues, formValuesToInput, readFigureForm } from "./figure-form";
import { figureInputSchema, fieldErrors } from "../validation/figure-input";

const rules = new Map([
  ["idps", { unit: "people", disaggregation: "none" }],
  ["ch_population_by_phase", { unit: "people", disaggregation: "ch_phase_status" }],
  ["people_in_need_share", { unit: "percent", disaggregation: "none" }],
  ["funding_required", { unit: "usd", disaggregation: "sector" }],
] as const);
const schema = figureInputSchema(rules, new Set(["ML", "ML05"]));
const filled = {
  ...EMPTY_FORM,
  indicator: "idps",
  region: "ML05",
  periodStart: "2021-09-30",
  value: "159 027",
  sourceOrganisation: "IOM DTM",
  sourceTitle: "Round 72",
  sourceDate: "2021-10-15",
};

describe("figure form values", () => {
  it("reads the value in the form's locale and makes a point in time without an end date", () => {
    const parsed = schema.parse(formValuesToInput({ ...filled, value: "159 027" }, "fr"));
    expect(parsed).toMatchObject({ value: 159027, periodStart: "2021-09-30", periodEnd: "2021-09-30", disaggregation: null });
    expect(schema.parse(formValuesToInput({ ...filled, value: "159,027" }, "en")).value).toBe(159027);
    const dollars = { ...filled, indicator: "funding_required" };
    expect(schema.parse(formValuesToInput({ ...dollars, value: "1 234 567,5" }, "fr")).value).toBe(1234567.5);
    expect(schema.parse(formValuesToInput({ ...dollars, value: "1,234,567.5" }, "en")).value).toBe(1234567.5);
  });

  it("refuses a value whose separators do not fit the form's language, with both readings, and saves nothing", () => {
    const fr = readFigureForm({ ...filled, value: "181,250" }, "fr");
    expect(fr.valueProblem).toEqual({ key: "valueAmbiguous", values: { input: "181,250", reading: "181,25", other: "181\u00a0250" } });
    expect(schema.safeParse(fr.input).success).toBe(false);
    expect(readFigureForm({ ...filled, value: "1,234.5" }, "fr").valueProblem).toEqual({ key: "valueForeign", values: { input: "1,234.5", reading: "1\u00a0234,5" } });
    expect(readFigureForm({ ...filled, value: "1.234" }, "fr").valueProblem).toEqual({ key: "valueForeignTwo", values: { input: "1.234", first: "1,2340", second: "1\u00a0234" } });
    expect(readFigureForm({ ...filled, value: "1,23,456" }, "en").valueProblem).toEqual({ key: "badGrouping", values: { input: "1,23,456" } });
    expect(readFigureForm({ ...filled, value: "" }, "en").valueProblem).toEqual({ key: "required", values: {} });
    expect(readFigureForm({ ...filled, value: "181,250" }, "en").valueProblem).toBeNull();
  });

  it("names each bad field with its error key, and nothing else", () => {
    const result = schema.safeParse(formValuesToInput({ ...filled, value: "12abc", isRange: true, periodEnd: "2021-01-01", sourceOrganisation: "" }, "en"));
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toEqual({ value: "notANumber", periodEnd: "endBeforeStart", "source.organisation": "sourceMissing" });
    }
  });

  it("asks for a source when none is given, and for phase and status on CH figures", () => {
    const result = schema.safeParse(formValuesToInput({ ...filled, indicator: "ch_population_by_phase", sourceOrganisation: "", sourceTitle: "", sourceDate: "" }, "en"));
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toEqual({ source: "sourceMissing", "disaggregation.chPhase": "phaseRequired", "disaggregation.chStatus": "statusRequired" });
    }
  });

  it("round-trips a stored figure through the form", () => {
    const figure = {
      indicator: "ch_population_by_phase",
      region: "ML05",
      periodStart: "2023-06-01",
      periodEnd: "2023-08-31",
      disaggregation: { chPhase: 3, chStatus: "projected" as const },
      value: 436514.25,
      source: { organisation: "CH", title: "March 2023", url: "", date: "2023-03-31" },
      note: null,
      dataset: "cadre-harmonise",
    };
    const values = figureToFormValues({ ...figure, dataset: { code: figure.dataset } }, (n) => String(n));
    expect(values.dataset).toBe("cadre-harmonise");
    expect(values.isRange).toBe(true);
    // A fraction of a person (population × share) is kept when the edit does not change it.
    const editing = figureInputSchema(rules, new Set(["ML", "ML05"]), { storedValue: figure.value });
    expect(editing.parse(formValuesToInput(values, "en"))).toEqual(figure);
  });
});
