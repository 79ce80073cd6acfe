// A file in, figures out: read it, pick or check the mapping, apply it.
// Pure (no database): the caller passes the regions and indicators.
import { z } from "zod";
import { applyMapping, missingColumns, type IndicatorInfo, type MappingResult } from "./apply-mapping";
import { detectMapping, type IndicatorTag } from "./detect-mapping";
import { describeColumns, importMappingSchema, layoutSignature, type ImportMappingInput, type TableLayout } from "./mapping";
import { ImportFileError, readTable } from "./read-table";
import type { RegionMatcher } from "./region-match";

export interface AnalyseOptions {
  /** A mapping chosen by the user (a saved one, or made in the preview); else detected. */
  mapping?: { name: string; mapping: unknown };
  level?: 1 | 2;
  year?: number;
}

export interface Catalogue {
  regions: RegionMatcher;
  indicators: ReadonlyMap<string, IndicatorInfo & IndicatorTag>;
}

export type Analysis =
  | ({ ok: true; mappingName: string; layout: TableLayout; signature: string; rows: number } & MappingResult)
  /** The file as a whole cannot be imported; `layout` is there when it could be read (to map its columns). */
  | { ok: false; reason: string; layout?: TableLayout; signature?: string };

export async function analyseFile(data: Uint8Array, fileName: string, catalogue: Catalogue, options: AnalyseOptions = {}): Promise<Analysis> {
  let table;
  try {
    table = await readTable(data, fileName);
  } catch (error) {
    if (error instanceof ImportFileError) return { ok: false, reason: error.message };
    throw error;
  }
  const layout = describeColumns(table);
  const signature = layoutSignature(layout);
  const chosen = options.mapping ?? detectMapping(layout, [...catalogue.indicators.entries()].map(([code, i]) => ({ code, hxl: i.hxl })), options);
  if (chosen.name === null) return { ok: false, reason: "reason" in chosen ? chosen.reason : "no mapping", layout, signature };
  const parsed = importMappingSchema.safeParse(chosen.mapping);
  if (!parsed.success) return { ok: false, reason: `the mapping is invalid: ${z.prettifyError(parsed.error)}`, layout, signature };
  const missing = missingColumns(layout, parsed.data);
  if (missing.length) return { ok: false, reason: `the file has no column ${missing.map((m) => `"${m}"`).join(", ")}`, layout, signature };
  const result = applyMapping(table, layout, parsed.data, catalogue);
  return { ok: true, mappingName: chosen.name, layout, signature, rows: table.rows.length - layout.dataStart, ...result };
}

export type { ImportMappingInput };
