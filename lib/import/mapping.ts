// How the columns of a file become figures. Built automatically from HXL
// tags (hxl-mapping.ts), taken from the built-in mappings of well-known
// publications (builtin-mappings.ts), or written by a user and saved.
// Columns are named by their header text or by their HXL tag.
import { z } from "zod";
import { parseIsoDate } from "../domain/dates";
import { parseTag, sameTag, findHashtagRow, tagText, type Tag } from "./hxl";
import type { Table } from "./read-table";

const column = z.string().trim().min(1).max(200);
const isoDate = z.string().refine((s) => parseIsoDate(s) !== null, "must be a date written YYYY-MM-DD");
const status = z.enum(["current", "projected"]);

export const importMappingSchema = z.object({
  region: z
    .object({ code: column.optional(), name: column.optional(), fixed: z.string().max(16).optional(), level: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional() })
    .refine((r) => r.code || r.name || r.fixed, "needs a code or name column, or a fixed P-code"),
  // Strict members: a plain object would match {year} by dropping a label.
  period: z.union([
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
    .array(z.object({ column, indicator: z.string().min(1).max(64), chPhase: z.number().int().min(1).max(5).optional(), chStatus: status.optional() }))
    .min(1, "map at least one column to an indicator"),
  status: z.union([z.object({ column }), z.object({ fixed: status })]).optional(),
  sector: z.object({ column }).optional(),
  filters: z
    .array(z.object({ column, equals: z.string().optional(), notEquals: z.string().optional(), notEmpty: z.boolean().optional(), matches: z.string().max(200).optional() }))
    .default([]),
  source: z.object({ column }).optional(),
  note: z.object({ column }).optional(),
  /** "funding": rows with required and funded also give unmet and coverage, recomputed. */
  derive: z.array(z.literal("funding")).default([]),
});

export type ImportMapping = z.infer<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;

export interface Column {
  index: number;
  header: string;
  tag: Tag | null;
}

export interface TableLayout {
  columns: Column[];
  /** Index in table.rows of the first data row. */
  dataStart: number;
  hxl: boolean;
}

/** Where the header and the data are: an HXL row (titles above ignored), else the first row. */
export function describeColumns(table: Table): TableLayout {
  const tagRow = findHashtagRow(table.rows);
  const headerRow = tagRow > 0 ? table.rows[tagRow - 1] : tagRow === 0 ? undefined : table.rows[0];
  const width = Math.max(0, ...table.rows.slice(0, Math.max(tagRow, 0) + 2).map((r) => r.length));
  const columns = Array.from({ length: width }, (_, index) => {
    const tag = tagRow >= 0 ? parseTag(table.rows[tagRow]?.[index] ?? "") : null;
    return { index, header: headerRow?.[index] || (tag ? tagText(tag) : ""), tag };
  });
  return { columns, dataStart: tagRow >= 0 ? tagRow + 1 : 1, hxl: tagRow >= 0 };
}

const headerKey = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** The column a mapping names, by header text or by HXL tag. */
export function findColumn(columns: Column[], ref: string): Column | undefined {
  const tag = parseTag(ref);
  if (tag) return columns.find((c) => c.tag && sameTag(c.tag, tag));
  return columns.find((c) => headerKey(c.header) === headerKey(ref));
}

/** The header row as a key, to offer a saved mapping again for files laid out the same way. */
export function layoutSignature(layout: TableLayout): string {
  return layout.columns.map((c) => (c.tag ? tagText(c.tag) : headerKey(c.header))).join("|");
}
