// The figure form's text fields and the figure they describe, both ways. Pure,
// so the browser and the tests share it; validation is figure-input's schema.
import type { Disaggregation } from "./disaggregation";
import { parseNumberInput, type NumberRefusal } from "./number-input";

export interface FigureFormValues {
  indicator: string;
  region: string;
  isRange: boolean;
  periodStart: string;
  periodEnd: string;
  value: string;
  chPhase: string;
  chStatus: string;
  sector: string;
  /** The dataset's code; empty: the source organisation's. */
  dataset: string;
  sourceOrganisation: string;
  sourceTitle: string;
  sourceUrl: string;
  sourceDate: string;
  note: string;
}

export const EMPTY_FORM: FigureFormValues = {
  indicator: "",
  region: "",
  isRange: false,
  periodStart: "",
  periodEnd: "",
  value: "",
  chPhase: "",
  chStatus: "",
  sector: "",
  dataset: "",
  sourceOrganisation: "",
  sourceTitle: "",
  sourceUrl: "",
  sourceDate: "",
  note: "",
};

/** Stocks (people displaced at a date) are points in time; plans, analyses and counts cover periods. */
export function coversPeriodByDefault(theme: string): boolean {
  return theme !== "displacement";
}

/** A value the form refuses before the schema sees it: a message key of "figureErrors" and its values. */
export interface ValueMessage {
  key: "required" | "notANumber" | "badGrouping" | "valueAmbiguous" | "valueForeign" | "valueForeignTwo";
  values: Record<string, string>;
}

/** What to tell the analyst about a value that cannot be read, with every reading it has. */
export function valueMessage(refusal: NumberRefusal): ValueMessage {
  const input = refusal.input;
  switch (refusal.problem) {
    case "empty":
      return { key: "required", values: {} };
    case "ambiguous":
      return { key: "valueAmbiguous", values: { input, reading: refusal.reading.text, other: refusal.other.text } };
    case "foreign": {
      const [first, second] = refusal.readings;
      return second
        ? { key: "valueForeignTwo", values: { input, first: first?.text ?? "", second: second.text } }
        : { key: "valueForeign", values: { input, reading: first?.text ?? "" } };
    }
    default:
      return { key: refusal.problem, values: { input } };
  }
}

/**
 * The form's values as the figure schema reads them, and the message for a
 * value that cannot be read (then the input's value is NaN: nothing is saved).
 */
export function readFigureForm(v: FigureFormValues, locale: string): { input: ReturnType<typeof formValuesToInput>; valueProblem: ValueMessage | null } {
  const parsed = parseNumberInput(v.value, locale);
  return { input: formValuesToInput(v, locale), valueProblem: parsed.ok ? null : valueMessage(parsed) };
}

/** The object the figure schema validates (a value that cannot be read is NaN, so the schema refuses it too). */
export function formValuesToInput(v: FigureFormValues, locale: string) {
  const disaggregation: Disaggregation = {};
  if (v.chPhase) disaggregation.chPhase = Number(v.chPhase);
  if (v.chStatus) disaggregation.chStatus = v.chStatus as Disaggregation["chStatus"];
  if (v.sector.trim()) disaggregation.sector = v.sector.trim();
  const anySource = v.sourceOrganisation || v.sourceTitle || v.sourceUrl || v.sourceDate;
  return {
    indicator: v.indicator,
    region: v.region,
    periodStart: v.periodStart,
    periodEnd: v.isRange ? v.periodEnd : "",
    disaggregation: Object.keys(disaggregation).length ? disaggregation : null,
    value: numberOrNaN(v.value, locale),
    source: anySource ? { organisation: v.sourceOrganisation, title: v.sourceTitle, url: v.sourceUrl, date: v.sourceDate } : null,
    note: v.note.trim() || null,
    dataset: v.dataset.trim() || null,
  };
}

export interface FigureLike {
  indicator: string;
  region: string;
  periodStart: string;
  periodEnd: string;
  disaggregation: Disaggregation | null;
  value: number;
  source: { organisation: string; title: string; url: string; date: string };
  note: string | null;
  dataset: { code: string } | null;
}

export function figureToFormValues(f: FigureLike, formatNumber: (n: number) => string): FigureFormValues {
  return {
    indicator: f.indicator,
    region: f.region,
    isRange: f.periodEnd !== f.periodStart,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    value: formatNumber(f.value),
    chPhase: f.disaggregation?.chPhase !== undefined ? String(f.disaggregation.chPhase) : "",
    chStatus: f.disaggregation?.chStatus ?? "",
    sector: f.disaggregation?.sector ?? "",
    dataset: f.dataset?.code ?? "",
    sourceOrganisation: f.source.organisation,
    sourceTitle: f.source.title,
    sourceUrl: f.source.url,
    sourceDate: f.source.date,
    note: f.note ?? "",
  };
}

function numberOrNaN(text: string, locale: string): number {
  const parsed = parseNumberInput(text, locale);
  return parsed.ok ? parsed.value : Number.NaN;
}
