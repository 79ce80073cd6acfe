// How the columns of a file become figures. Built automatically from HXL
// tags (hxl-mapping.ts), taken from the built-in mappings of well-known
// publications (builtin-mappings.ts), or written by a user and saved.
// Columns are named by their header text or by their HXL tag.
import { z } from "zod";
import { DATASET_CODE } from "../validation/dataset-input";
import { isoDateText } from "../validation/iso-date";
import { parseTag, sameTag, tagText, type Column, type TableLayout } from "./hxl";
import { withoutPatterns } from "./legacy-patterns";
import type { ImportProblem } from "./problems";

export type { Column, TableLayout } from "./hxl";

const column = z.string().trim().min(1).max(200);
const isoDate = isoDateText();
const status = z.enum(["current", "projected"]);
const text = z.string().max(200);

/** A test on one cell; text comparisons ignore case. `reason` is what the skipped-rows list says ("other country"). */
const conditionShape = { column, equals: text.optional(), notEquals: text.optional(), notEmpty: z.boolean().optional(), startsWith: text.optional(), contains: text.optional() };
const reason = z.string().max(200).optional();

/** `{column}` in a template: the cell of that column (by header or tag). */
const PLACEHOLDER = /\{([^{}]+)\}/g;

/**
 * A text a mapping reads from a column, fixes, or builds from a row's cells:
 * `{ template: "{exercise_year}-{exercise_label}", words: { exercise_label: { "Jan-May": "03-31" } } }`
 * (a cell `words` lists is replaced by its word; a cell it lacks is a row error).
 */
const textSpec = z.union([
  z.object({ column }),
  z.strictObject({ fixed: z.string().trim().min(1).max(300) }),
  z.strictObject({
    template: z.string().min(1).max(300).refine((t) => [...t.matchAll(PLACEHOLDER)].length > 0, "a template names at least one {column}"),
    words: z.record(column, z.record(z.string().max(200), z.string().max(200))).optional(),
  }),
]);
export type TextSpec = z.infer<typeof textSpec>;

/** The columns a text spec reads. */
export function textSpecColumns(spec: TextSpec | undefined): string[] {
  if (!spec || "fixed" in spec) return [];
  if ("column" in spec) return [spec.column];
  return [...spec.template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}
const TESTS = ["equals", "notEquals", "notEmpty", "startsWith", "contains"] as const;
const testsSomething = (c: Partial<Record<(typeof TESTS)[number], unknown>>) => TESTS.some((t) => c[t] !== undefined);
const NO_TEST = "a filter needs equals, notEquals, notEmpty, startsWith or contains";
const condition = z.object(conditionShape).refine(testsSomething, NO_TEST);
export const REGEX_REFUSED = "regular expressions (matches) are not accepted: write the test with equals, notEquals, startsWith or contains (case is ignored)";

const mappingObject = z.object({
  /** `code` wins over `name`; an empty code cell falls back to the name, then to `fixed`. */
  region: z
    .object({ code: column.optional(), name: column.optional(), fixed: z.string().max(16).optional(), level: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional() })
    .refine((r) => r.code || r.name || r.fixed, "needs a code or name column, or a fixed P-code"),
  // Strict members: a plain object would match {year} by dropping a label.
  period: z.union([
    /** A point in time (a stock): start = end. */
    z.strictObject({ date: column }),
    z.strictObject({ start: column, end: column }),
    /** A calendar year: 1 Jan – 31 Dec. */
    z.strictObject({ year: column }),
    /** A stock counted at the end of a year: 31 Dec. */
    z.strictObject({ yearEnd: column }),
    /** Month ranges such as the Cadre Harmonisé's "Jun-Aug", with a year column. */
    z.strictObject({ label: column, year: column }),
    z.strictObject({ fixedStart: isoDate, fixedEnd: isoDate }),
  ]),
  values: z
    .array(
      z.object({
        column,
        indicator: z.string().min(1).max(64),
        chPhase: z.number().int().min(1).max(5).optional(),
        chStatus: status.optional(),
        /** What an empty cell means in a row that has other values, when the publication says so; else an empty cell is no data (FTS writes 0 where it means 0). */
        emptyAs: z.string().regex(/^\d{1,16}(\.\d{1,4})?$/, "emptyAs is a plain number such as 0").optional(),
      }),
    )
    .min(1, "map at least one column to an indicator"),
  status: z.union([z.object({ column }), z.object({ fixed: status })]).optional(),
  sector: z.object({ column }).optional(),
  /** Every filter must pass; an `anyOf` filter passes when one of its tests does. Other rows are listed as skipped. */
  filters: z.array(z.union([z.object({ ...conditionShape, reason }).refine(testsSomething, NO_TEST), z.object({ anyOf: z.array(condition).min(1), reason })])).default([]),
  /** The row's source organisation: its column (#meta+source), or a publication's own. */
  source: textSpec.optional(),
  /** The dataset the figures belong to: a column of dataset codes (#meta+dataset, as the HXL export writes it) or a fixed one (a built-in publication's). */
  dataset: z.union([z.strictObject({ column }), z.strictObject({ fixed: z.string().regex(DATASET_CODE, "must be a dataset code such as ocha-fts") })]).optional(),
  /**
   * The row's source title, URL and publication date (#meta+source+title, +url, +date), as Situation Room's HXL export writes them;
   * a built-in publication fixes them or builds them from its columns (the Cadre Harmonisé's analysis cycle).
   */
  sourceTitle: textSpec.optional(),
  sourceUrl: textSpec.optional(),
  sourceDate: textSpec.optional(),
  note: z.object({ column }).optional(),
  /** "funding": rows with required and funded also give unmet and coverage, recomputed. */
  derive: z.array(z.literal("funding")).default([]),
});

/** A mapping; a pattern saved before filters compared plainly is converted or refused (legacy-patterns.ts). */
export const importMappingSchema = z.preprocess(
  (value, ctx) => withoutPatterns(value, (path, pattern) => ctx.addIssue({ code: "custom", path, message: `${REGEX_REFUSED} ("${String(pattern).slice(0, 100)}")` })),
  mappingObject,
);

export type ImportMapping = z.infer<typeof mappingObject>;
export type ImportMappingInput = z.input<typeof mappingObject>;
export type MappingFilter = ImportMapping["filters"][number];
export type MappingCondition = Exclude<MappingFilter, { anyOf: unknown }>;

/** A mapping found for a file, or why there is none (the user then maps the columns). */
export type Detected = { name: string; mapping: ImportMappingInput; ignored?: string[]; /** A built-in publication's id. */ publication?: string } | { name: null; reason: string; problem?: ImportProblem };

const headerKey = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** The column a mapping names, by header text (case and spaces aside) or by HXL tag (attributes in any order). */
export function findColumn(columns: Column[], ref: string): Column | undefined {
  const tag = parseTag(ref);
  if (tag) return columns.find((c) => c.tag && sameTag(c.tag, tag));
  return columns.find((c) => headerKey(c.header) === headerKey(ref));
}

/** Every column a mapping names. */
export function mappingColumns(mapping: ImportMapping): string[] {
  const p: Partial<Record<string, string>> = mapping.period;
  const refs = [
    mapping.region.code,
    mapping.region.name,
    ...["date", "start", "end", "year", "yearEnd", "label"].map((k) => p[k]),
    ...mapping.values.map((v) => v.column),
    mapping.status && "column" in mapping.status ? mapping.status.column : undefined,
    mapping.sector?.column,
    ...[mapping.source, mapping.sourceTitle, mapping.sourceUrl, mapping.sourceDate].flatMap(textSpecColumns),
    mapping.dataset && "column" in mapping.dataset ? mapping.dataset.column : undefined,
    mapping.note?.column,
    ...mapping.filters.flatMap((f) => ("anyOf" in f ? f.anyOf : [f]).map((c) => c.column)),
  ];
  return [...new Set(refs.filter((r): r is string => !!r))];
}

/** The mapping's columns that the file lacks: an error for the whole file. */
export function missingColumns(layout: TableLayout, mapping: ImportMapping): string[] {
  return mappingColumns(mapping).filter((r) => !findColumn(layout.columns, r));
}

/** The header row as a key, to offer a saved mapping again for files laid out the same way. */
export function layoutSignature(layout: TableLayout): string {
  return layout.columns.map((c) => (c.tag ? tagText(c.tag) : headerKey(c.header))).join("|");
}
