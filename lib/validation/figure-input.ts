// One schema for a figure written by the form (checked in the browser, then
// again in the Server Action) and by the write API. Its messages are keys of
// the "figureErrors" messages, so each side says them in the reader's language.
import "./browser-zod";
import { z } from "zod";
import { isDerivedIndicator } from "../domain/funding";
import { isoDateText } from "./iso-date";
import { isSourceUrl, SOURCE_URL_MAX_LENGTH } from "./source-url";

export type IndicatorUnit = "people" | "usd" | "percent" | "count";
export type DisaggregationKindCode = "none" | "ch_phase_status" | "ch_status" | "sector";

/** What the schema needs to know about each indicator. */
export interface IndicatorRule {
  unit: IndicatorUnit;
  disaggregation: DisaggregationKindCode;
}

export type FigureErrorKey =
  | "required"
  | "unknownIndicator"
  | "unknownRegion"
  | "dateInvalid"
  | "endBeforeStart"
  | "notANumber"
  | "negative"
  | "percentOver100"
  | "tooLarge"
  | "tooManyDecimals"
  | "wholeNumber"
  | "derivedIndicator"
  | "phaseRequired"
  | "statusRequired"
  | "disaggregationNotAllowed"
  | "sourceMissing"
  | "urlInvalid"
  | "tooLong"
  | "unknownDataset"
  | "datasetRequired";

const MAX_VALUE = 1e15; // DECIMAL(20,4) holds 16 integer digits

/** People and events are counted, not measured. */
const WHOLE_UNITS = new Set<IndicatorUnit>(["people", "count"]);

export interface FigureSchemaOptions {
  /**
   * The value of the figure being edited. Kept as it is, it is not judged
   * again: a Cadre Harmonisé estimate imported as population × share may
   * hold a fraction of a person, and editing its note must not fail on it.
   */
  storedValue?: number;
  /** The dataset codes that exist; when given, an unknown `dataset` is refused at its field. */
  datasets?: ReadonlySet<string>;
}

const text = (max: number) => z.string({ error: "required" satisfies FigureErrorKey }).trim().max(max, { error: "tooLong" satisfies FigureErrorKey });
const isoDate = text(10).pipe(isoDateText("dateInvalid" satisfies FigureErrorKey));

export const sourceInputSchema = z.object({
  organisation: text(200).min(1, { error: "sourceMissing" satisfies FigureErrorKey }),
  title: text(300).min(1, { error: "sourceMissing" satisfies FigureErrorKey }),
  url: text(SOURCE_URL_MAX_LENGTH).refine((s) => s === "" || isSourceUrl(s), { error: "urlInvalid" satisfies FigureErrorKey }).default(""),
  date: isoDate,
});

const disaggregationSchema = z
  .object({
    chPhase: z.number({ error: "notANumber" satisfies FigureErrorKey }).int().min(1).max(5).optional(),
    chStatus: z.enum(["current", "projected"], { error: "statusRequired" satisfies FigureErrorKey }).optional(),
    sector: text(120).min(1).optional(),
  })
  .strict()
  .nullable()
  .default(null);

const baseSchema = z.object({
  indicator: text(64).min(1, { error: "required" satisfies FigureErrorKey }),
  region: text(16).min(1, { error: "required" satisfies FigureErrorKey }),
  periodStart: isoDate,
  /** Omitted or empty for a point in time: the start date. */
  periodEnd: z.union([isoDate, z.literal("")]).optional(),
  disaggregation: disaggregationSchema,
  // Checked in superRefine, so a bad number is reported with the other fields' errors.
  value: z.unknown(),
  source: sourceInputSchema.nullable().optional(),
  note: text(2000).nullable().optional(),
  /**
   * The dataset's code (the read API's `{ code, name }` is accepted too).
   * Omitted: the dataset of the source's organisation, when it has one.
   */
  dataset: z
    .union([text(48), z.object({ code: text(48) }).transform((d) => d.code)])
    .nullable()
    .optional()
    .transform((d) => d || null),
});

/** The figure schema for a catalogue of indicators and regions (known P-codes). */
export function figureInputSchema(indicators: ReadonlyMap<string, IndicatorRule>, regions: ReadonlySet<string>, options: FigureSchemaOptions = {}) {
  return baseSchema
    .superRefine((f, ctx) => {
      const issue = (path: (string | number)[], key: FigureErrorKey) => ctx.addIssue({ code: "custom", path, message: key });
      if (!regions.has(f.region)) issue(["region"], "unknownRegion");
      if (f.periodEnd && f.periodEnd < f.periodStart) issue(["periodEnd"], "endBeforeStart");
      if (!f.source) issue(["source"], "sourceMissing");
      if (f.dataset && options.datasets && !options.datasets.has(f.dataset)) issue(["dataset"], "unknownDataset");

      const rule = indicators.get(f.indicator);
      if (!rule) issue(["indicator"], "unknownIndicator");
      // Unmet requirements and coverage follow funding required and received (lib/domain/funding.ts).
      else if (isDerivedIndicator(f.indicator)) issue(["indicator"], "derivedIndicator");
      const value = f.value;
      if (typeof value !== "number" || !Number.isFinite(value)) issue(["value"], "notANumber");
      else if (value < 0) issue(["value"], "negative");
      else if (rule?.unit === "percent" && value > 100) issue(["value"], "percentOver100");
      else if (value >= MAX_VALUE) issue(["value"], "tooLarge");
      else if (rule && WHOLE_UNITS.has(rule.unit) && !Number.isInteger(value) && value !== options.storedValue) issue(["value"], "wholeNumber");
      else if (Math.round(value * 10_000) / 10_000 !== value) issue(["value"], "tooManyDecimals");
      if (!rule) return;

      const d = f.disaggregation ?? {};
      const needsPhase = rule.disaggregation === "ch_phase_status";
      const needsStatus = needsPhase || rule.disaggregation === "ch_status";
      if (needsPhase && d.chPhase === undefined) issue(["disaggregation", "chPhase"], "phaseRequired");
      if (!needsPhase && d.chPhase !== undefined) issue(["disaggregation", "chPhase"], "disaggregationNotAllowed");
      if (needsStatus && d.chStatus === undefined) issue(["disaggregation", "chStatus"], "statusRequired");
      if (!needsStatus && d.chStatus !== undefined) issue(["disaggregation", "chStatus"], "disaggregationNotAllowed");
      if (rule.disaggregation !== "sector" && d.sector !== undefined) issue(["disaggregation", "sector"], "disaggregationNotAllowed");
    })
    .transform((f) => ({
      ...f,
      periodEnd: f.periodEnd || f.periodStart,
      // An empty disaggregation object is "none".
      disaggregation: f.disaggregation && Object.keys(f.disaggregation).length ? f.disaggregation : null,
      source: f.source as z.infer<typeof sourceInputSchema>,
      value: f.value as number,
      note: f.note ? f.note : null,
    }));
}

export type FigureInput = z.infer<ReturnType<typeof figureInputSchema>>;

/** Field path ("value", "source.organisation", "disaggregation.chPhase") → the first error key. */
export type FieldErrors = Record<string, FigureErrorKey>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "form";
    out[path] ??= (isErrorKey(issue.message) ? issue.message : "required") as FigureErrorKey;
  }
  return out;
}

const KEYS = new Set<string>([
  "required", "unknownIndicator", "unknownRegion", "dateInvalid", "endBeforeStart", "notANumber", "negative", "percentOver100",
  "tooLarge", "tooManyDecimals", "wholeNumber", "derivedIndicator", "phaseRequired", "statusRequired", "disaggregationNotAllowed", "sourceMissing", "urlInvalid", "tooLong",
  "unknownDataset", "datasetRequired",
] satisfies FigureErrorKey[]);

function isErrorKey(message: string): message is FigureErrorKey {
  return KEYS.has(message);
}

/** The changes a PATCH may carry: any figure field, plus the version it was read at. */
export const versionSchema = z.number({ error: "required" }).int().min(1);

