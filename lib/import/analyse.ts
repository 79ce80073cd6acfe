// A file in, figures out: read it, pick or check the mapping, apply it.
// Pure (no database): the caller passes the regions and indicators.
import { z } from "zod";
import { applyMapping, unknownIndicators, type IndicatorInfo, type MappingResult } from "./apply-mapping";
import { BUILTIN_MAPPINGS, detectMapping, type PublicationSource } from "./builtin-mappings";
import { describeColumns, type TableLayout } from "./hxl";
import type { HxlOptions, IndicatorTag } from "./hxl-mapping";
import { findColumn, importMappingSchema, layoutSignature, missingColumns, type Detected, type ImportMappingInput } from "./mapping";
import { ImportFileError, readTable } from "./read-table";
import type { ImportProblem } from "./problems";
import type { RegionMatcher } from "./region-match";

export interface AnalyseOptions extends HxlOptions {
  /** A mapping chosen by the user (a saved one, or made in the preview); else detected. */
  mapping?: { name: string; mapping: unknown };
  /** Mappings users saved, by the layout signature of the file they were made for. */
  savedMappings?: ReadonlyMap<string, { name: string; mapping: unknown }>;
}

export interface Catalogue {
  regions: RegionMatcher;
  indicators: ReadonlyMap<string, IndicatorInfo & IndicatorTag>;
  /** The dataset codes that exist (unchecked when absent). */
  datasets?: ReadonlySet<string>;
}

/** A recognised publication: its name, dataset, and its source as the file tells it (the import's source where the user types none). */
export interface Publication {
  name: string;
  dataset: string;
  source: PublicationSource;
}

export type Analysis =
  | ({ ok: true; mappingName: string; layout: TableLayout; signature: string; rows: number; ignoredColumns: string[]; publication?: Publication } & MappingResult)
  /** The file as a whole cannot be imported; `layout` is there when it could be read (to map its columns). */
  | { ok: false; reason: string; problem?: ImportProblem; layout?: TableLayout; signature?: string };

export async function analyseFile(data: Uint8Array, fileName: string, catalogue: Catalogue, options: AnalyseOptions = {}): Promise<Analysis> {
  let table;
  try {
    table = await readTable(data, fileName);
  } catch (error) {
    if (error instanceof ImportFileError) return { ok: false, reason: error.message, ...(error.code === "not_table" && error.kind ? { problem: { code: "not_table" as const, kind: error.kind } } : {}) };
    throw error;
  }
  const layout = describeColumns(table);
  const signature = layoutSignature(layout);
  const fail = (reason: string, problem?: ImportProblem): Analysis => ({ ok: false, reason, ...(problem ? { problem } : {}), layout, signature });
  // A user's choice first, then a mapping saved for files laid out exactly
  // like this one (users save them for layouts nothing else recognises), then detection.
  const chosen: Detected | { name: string; mapping: unknown } =
    options.mapping ?? options.savedMappings?.get(signature) ?? detectMapping(layout.columns, [...catalogue.indicators.values()], options);
  if (chosen.name === null) return fail(chosen.reason, "problem" in chosen ? chosen.problem : undefined);
  const parsed = importMappingSchema.safeParse(chosen.mapping);
  if (!parsed.success) return fail(`the mapping is invalid: ${z.prettifyError(parsed.error)}`);
  // The level chosen binds every mapping (one place): a mapping that leaves it open matches areas of that level only;
  // one whose figures are by region or national (FTS, IDMC, the CH export's 2015 cercle codes) cannot give cercles.
  const region = parsed.data.region;
  const areaColumn = !!(region.code || region.name);
  if (options.level !== undefined && areaColumn && region.level === undefined) region.level = options.level;
  if (options.level === 2 && (!areaColumn || region.level !== 2)) {
    return fail(`${chosen.name} gives no cercle figures (its figures are by region or for the whole country): choose Regions`, { code: "no_cercles", publication: chosen.name });
  }
  const missing = missingColumns(layout, parsed.data);
  if (missing.length) return fail(`the file has no column ${missing.map((m) => `"${m}"`).join(", ")}`);
  const unknown = unknownIndicators(parsed.data, catalogue.indicators);
  if (unknown.length) return fail(`the mapping names an unknown indicator: ${unknown.join(", ")}`);
  const fixedDataset = parsed.data.dataset && "fixed" in parsed.data.dataset ? parsed.data.dataset.fixed : null;
  if (fixedDataset && catalogue.datasets && !catalogue.datasets.has(fixedDataset)) return fail(`the mapping names an unknown dataset: ${fixedDataset}`);
  const result = applyMapping(table, layout, parsed.data, catalogue);
  const ignoredColumns = "ignored" in chosen && Array.isArray(chosen.ignored) ? chosen.ignored : [];
  const builtin = "publication" in chosen ? BUILTIN_MAPPINGS.find((b) => b.id === chosen.publication) : undefined;
  let publication: Publication | undefined;
  if (builtin) {
    // Read off the first row that gives a figure (a global file's first rows are other countries').
    const at = result.candidates[0] ? table.lineNumbers.indexOf(result.candidates[0].lines[0]!) : layout.dataStartIndex;
    const row = table.rows[at] ?? [];
    const cell = (ref: string) => {
      const column = findColumn(layout.columns, ref);
      return column ? (row[column.index] ?? "") : "";
    };
    const source = builtin.source?.(cell, { fileName, ...(options.year ? { year: options.year } : {}) }) ?? {};
    publication = { name: builtin.name, dataset: builtin.dataset, source: Object.fromEntries(Object.entries(source).filter(([, v]) => v)) };
  }
  return { ok: true, mappingName: chosen.name, layout, signature, rows: table.rows.length - layout.dataStartIndex, ignoredColumns, ...(publication ? { publication } : {}), ...result };
}

export type { ImportMappingInput };
