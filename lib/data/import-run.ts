// One import, from bytes to a report: the same path for the upload page,
// POST /api/v1/imports and `npm run cli -- import`. A file with any invalid
// row is refused whole (the report names every bad row); nothing is written
// unless the caller commits and every row is valid.
import { createHash } from "node:crypto";
import { analyseFile, type AnalyseOptions, type Catalogue, type Publication } from "../import/analyse";
import type { Candidate, RowError } from "../import/apply-mapping";
import type { TableLayout } from "../import/mapping";
import { tagText } from "../import/hxl";
import { rolesFromHxl, type ColumnRole } from "../import/hxl-mapping";
import type { ImportProblem } from "../import/problems";
import { createRegionMatcher } from "../import/region-match";
import { parseIsoDate, toIsoDate } from "../domain/dates";
import { sourceUrlProblem } from "../validation/source-url";
import { getImportMappingByName, importMappingsBySignature, saveImportMapping } from "./import-mappings";
import { commitImport, ImportError, previewImport, type ImportOutcome, type ImportSource, type PlannedFigure } from "./imports";
import { listIndicators, listRegions } from "./reference";
import { datasetCatalogue, resolveDatasetId } from "./datasets";
import { db } from "../db/client";
import { coversDataset, coversPlace } from "../auth/scope";
import { placeOf, type Writer } from "./figure-writes";

/** A report lists at most this many skipped rows (their total is always given). */
const SKIPPED_LIMIT = 200;
/** Row errors listed in a report (the rest are counted): a file of a million bad rows must not answer with a million lines. */
const ERRORS_LIMIT = 1_000;

export interface ImportRequest extends AnalyseOptions {
  data: Uint8Array;
  fileName: string;
  commit: boolean;
  /** The import's source; a #meta+source cell overrides the organisation row by row. */
  source?: Partial<ImportSource>;
  /**
   * The dataset (code) the figures go to, when the file does not say (a
   * #meta+dataset column, a built-in publication's). Neither: the dataset of
   * the source's organisation (lib/data/datasets.ts, resolveDatasetId).
   */
  dataset?: string;
  /** Who imports (their scope limits the rows they may write); null: the operator at the console, trusted with the database. */
  writer: Writer | null;
  /** Read the file with the mapping saved under this name. */
  savedMapping?: string;
  /** Save the request's own mapping under this name once it reads the file. */
  saveMappingAs?: string;
}

export type ImportReport =
  | {
      status: "invalid_file";
      fileName: string;
      reason: string;
      /** What is wrong, as data (the form says it in the reader's language at the field that fixes it). */
      problem?: ImportProblem;
      columns?: { header: string; tag: string | null; role?: ColumnRole }[];
      signature?: string;
    }
  | {
      status: "invalid_rows" | "preview" | "committed" | "unchanged";
      fileName: string;
      mappingName: string;
      rows: number;
      counts: ImportOutcome["counts"] & { invalid: number; skipped: number };
      /** The counts per dataset the rows go to (each row is matched, and written, within its dataset only). */
      datasets: ImportOutcome["datasets"];
      changes: ImportOutcome["changes"];
      /** Rows created or changed in datasets that need review: a commit holds them for the import's review. */
      held: number;
      /** The first ERRORS_LIMIT row errors; `errorsOmitted` counts the others, `counts.invalid` the rows. */
      errors: RowError[];
      errorsOmitted?: number;
      skipped: { line: number; reason: string }[];
      importId: number | null;
      /** The name the request's mapping was saved under. */
      savedMapping?: string;
      /** A recognised publication: its dataset and source (the form fills its empty source fields with it). */
      publication?: Publication;
    };

async function catalogue(): Promise<Catalogue> {
  const [regions, indicators, datasets] = await Promise.all([listRegions(), listIndicators(), datasetCatalogue()]);
  return {
    datasets: new Set(datasets.byCode.keys()),
    regions: createRegionMatcher(regions.map((r) => ({ pcode: r.pcode, level: r.level, nameEn: r.name.en, nameFr: r.name.fr }))),
    indicators: new Map(
      indicators.map((i) => [
        i.code,
        { code: i.code, hxl: i.hxl, unit: i.unit as "people", spatialAggregation: i.aggregation.regions as "sum", disaggregation: i.disaggregation as "none" },
      ]),
    ),
  };
}

/** The file's columns for the column form, with the role each one's HXL tag already gives. */
function columnsOf(layout: TableLayout | undefined, cat: Catalogue, options: AnalyseOptions) {
  if (!layout) return undefined;
  const roles = rolesFromHxl(layout.columns, [...cat.indicators.values()], options);
  return layout.columns.map((c) => ({ header: c.header, tag: c.tag ? tagText(c.tag) : null, ...(roles.has(c.index) ? { role: roles.get(c.index) } : {}) }));
}

/** Each figure's source: the row's own organisation (and title, URL, date when the file has them), else the import's. */
function plan(candidates: Candidate[], request: ImportRequest, publication?: Publication): { figures: PlannedFigure[]; error: string | null } {
  // A recognised publication's source fills what the user left empty; each typed field wins.
  const typed = Object.fromEntries(Object.entries(request.source ?? {}).filter(([, v]) => typeof v === "string" && v.trim() !== ""));
  const s: Partial<ImportSource> = { ...publication?.source, ...typed };
  if (s.date && !parseIsoDate(s.date)) return { figures: [], error: `the source date "${s.date}" is not a date written YYYY-MM-DD` };
  const withoutSource = candidates.find((c) => !c.source && !s.organisation?.trim());
  if (withoutSource) {
    return { figures: [], error: "A source is required: give the import's source organisation (and title, URL, date), or add a #meta+source column" };
  }
  const chosen = request.dataset;
  const elsewhere = chosen ? candidates.filter((c) => c.dataset !== null && c.dataset !== chosen) : [];
  if (elsewhere.length) {
    const named = [...new Set(elsewhere.map((c) => c.dataset))].join(", ");
    return {
      figures: [],
      error: `the file names its own dataset (${named}, from line ${elsewhere[0]!.lines[0]}), not ${chosen}: import it into the dataset it names (leave the dataset to the file), or correct the file`,
    };
  }
  const defaults = {
    title: s.title?.trim() || `Import of ${request.fileName}`,
    url: s.url?.trim() ?? "",
    date: s.date || toIsoDate(new Date()),
  };
  return {
    error: null,
    figures: candidates.map((c) => ({
      lines: c.lines,
      // The file's own (a #meta+dataset cell, a built-in publication's), else the request's; else the source organisation's (imports.ts).
      dataset: c.dataset ?? request.dataset ?? null,
      indicator: c.indicator,
      region: c.region,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      disaggregation: c.disaggregation,
      value: c.value,
      note: c.note,
      source: { organisation: (c.source ?? s.organisation ?? "").trim(), ...defaults, ...c.sourceDetails },
    })),
  };
}

/**
 * A row error for each line of a figure outside the writer's scope (lib/auth/scope.ts),
 * naming the region or the dataset. A figure without a dataset code goes to its source
 * organisation's dataset; one that would create a new dataset lies outside any list of datasets.
 */
async function outsideScopeErrors(figures: PlannedFigure[], writer: Writer): Promise<RowError[]> {
  const { scope } = writer;
  if (!scope.regions.length && !scope.datasets.length) return [];
  const catalogue = await datasetCatalogue();
  const byOrganisation = new Map<string, string | null>();
  const datasetOf = async (f: PlannedFigure): Promise<string | null> => {
    if (f.dataset) return f.dataset;
    const organisation = f.source.organisation;
    if (!byOrganisation.has(organisation)) {
      const id = await resolveDatasetId(db(), null, organisation);
      byOrganisation.set(organisation, id === null ? null : (catalogue.byId.get(id)?.code ?? null));
    }
    return byOrganisation.get(organisation)!;
  };
  const errors: RowError[] = [];
  for (const f of figures) {
    let error: Omit<RowError, "line"> | null = null;
    if (!coversPlace(scope, await placeOf(f.region))) {
      error = { column: "region", reason: `region ${f.region} lies outside your scope (${scope.regions.join(", ")})` };
    } else if (scope.datasets.length) {
      const dataset = await datasetOf(f);
      if (dataset === null) error = { column: "dataset", reason: `the figures would go to a new dataset for ${f.source.organisation}, outside your scope (${scope.datasets.join(", ")})` };
      else if (!coversDataset(scope, dataset)) error = { column: "dataset", reason: `dataset ${dataset} lies outside your scope (${scope.datasets.join(", ")})` };
    }
    if (error) for (const line of f.lines) errors.push({ line, ...error });
  }
  return errors;
}

export async function runImport(request: ImportRequest): Promise<ImportReport> {
  const { fileName } = request;
  const url = request.source?.url?.trim();
  const urlProblem = url ? sourceUrlProblem(url) : null;
  if (urlProblem) return { status: "invalid_file", fileName, reason: `The import's source URL: ${urlProblem}` };
  if (request.dataset !== undefined && !(await datasetCatalogue()).byCode.has(request.dataset)) {
    return { status: "invalid_file", fileName, reason: `there is no dataset "${request.dataset}": choose one of GET /api/v1/datasets, or create it first (POST /api/v1/datasets)` };
  }
  let mapping = request.mapping;
  if (request.savedMapping !== undefined && !mapping) {
    const saved = await getImportMappingByName(request.savedMapping);
    if (!saved) return { status: "invalid_file", fileName, reason: `there is no saved mapping named "${request.savedMapping}"` };
    mapping = { name: saved.name, mapping: saved.mapping };
  }
  const cat = await catalogue();
  const analysis = await analyseFile(request.data, fileName, cat, { ...request, mapping, savedMappings: await importMappingsBySignature() });
  if (!analysis.ok) {
    const columns = columnsOf(analysis.layout, cat, request);
    return { status: "invalid_file", fileName, reason: analysis.reason, ...(analysis.problem ? { problem: analysis.problem } : {}), columns, signature: analysis.signature };
  }
  // The mapping read the file: keep it for the next file laid out the same way.
  const savedMapping = request.saveMappingAs !== undefined && request.mapping
    ? (await saveImportMapping({ name: request.saveMappingAs, signature: analysis.signature, mapping: request.mapping.mapping, userId: request.writer?.id ?? null })).name
    : undefined;
  const { figures, error } = plan(analysis.candidates, request, analysis.publication);
  if (error) return { status: "invalid_file", fileName, reason: error };
  // Rows outside the writer's scope are row errors like any other: the file is refused whole, naming each.
  const scopeErrors = request.writer ? await outsideScopeErrors(figures, request.writer) : [];

  let invalid = analysis.errors.length > 0 || scopeErrors.length > 0;
  let outcome: ImportOutcome;
  try {
    outcome =
      request.commit && !invalid
        ? await commitImport(figures, { fileName, fileSha256: createHash("sha256").update(request.data).digest("hex"), mappingName: analysis.mappingName, userId: request.writer?.id ?? null })
        : await previewImport(figures, request.writer?.id ?? null);
  } catch (error) {
    if (error instanceof ImportError && error.kind === "invalid") return { status: "invalid_file", fileName, reason: error.message };
    throw error;
  }
  // Rows refused at the database (a figure waiting for someone else's review): the commit wrote nothing.
  const errors = [...analysis.errors, ...scopeErrors, ...outcome.errors].sort((a, b) => a.line - b.line);
  invalid ||= outcome.errors.length > 0;
  const status = invalid ? "invalid_rows" : !request.commit ? "preview" : outcome.importId === null ? "unchanged" : "committed";
  return {
    status,
    fileName,
    mappingName: analysis.mappingName,
    rows: analysis.rows,
    counts: { ...outcome.counts, invalid: new Set(errors.map((e) => e.line)).size, skipped: analysis.skipped.length },
    datasets: outcome.datasets,
    changes: outcome.changes,
    held: outcome.held,
    errors: errors.slice(0, ERRORS_LIMIT),
    ...(errors.length > ERRORS_LIMIT ? { errorsOmitted: errors.length - ERRORS_LIMIT } : {}),
    skipped: analysis.skipped.slice(0, SKIPPED_LIMIT),
    importId: outcome.importId,
    ...(savedMapping ? { savedMapping } : {}),
    ...(analysis.publication ? { publication: analysis.publication } : {}),
  };
}
