// POST /api/v1/imports without the HTTP wrapper: a multipart form with the
// file and the import's options, answered with the import report.
import { runImport, type ImportReport } from "../data/import-run";
import type { Writer } from "../data/figure-writes";
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from "../import/limits";
import { mappingNameSchema } from "../data/import-mappings";
import { DATASET_CODE } from "../validation/dataset-input";

export interface ImportAnswer {
  status: number;
  body: { data: ImportReport } | { error: { code: string; message: string } };
}

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
};

function refuse(status: number, code: string, message: string): ImportAnswer {
  return { status, body: { error: { code, message } } };
}

/**
 * Fields: file, dryRun ("true"), dataset (code: where the figures go when the file does not say; an unknown one is a 422 naming it),
 * sourceOrganisation, sourceTitle, sourceUrl, sourceDate, year, level (1|2),
 * mapping (JSON) with mappingName, saveMappingAs (save that mapping under a name), savedMapping (use a saved one by name).
 */
export async function importEndpoint(form: FormData, writer: Writer): Promise<ImportAnswer> {
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return refuse(400, "invalid_body", "Send the file in a multipart field named \"file\"");
  if (file.size > MAX_IMPORT_BYTES) return refuse(413, "payload_too_large", `The file is larger than ${MAX_IMPORT_MB} MB: split it`);
  // Only the base name of what the client sends is kept (no paths).
  const fileName = (("name" in file && typeof file.name === "string" && file.name) || "upload").split(/[\\/]/).pop()!.slice(0, 200);
  const year = field(form, "year");
  if (year !== undefined && !/^(19|20)\d{2}$/.test(year)) return refuse(400, "invalid_parameter", "year must be a year such as 2024");
  const level = field(form, "level");
  if (level !== undefined && level !== "1" && level !== "2") return refuse(400, "invalid_parameter", "level must be 1 (regions) or 2 (cercles)");
  const dataset = field(form, "dataset")?.toLowerCase();
  if (dataset !== undefined && !DATASET_CODE.test(dataset)) return refuse(400, "invalid_parameter", "dataset must be a dataset code such as iom-dtm-mali (GET /api/v1/datasets lists them)");
  let mapping: { name: string; mapping: unknown } | undefined;
  const mappingText = field(form, "mapping");
  if (mappingText) {
    try {
      mapping = { name: field(form, "mappingName") ?? "custom mapping", mapping: JSON.parse(mappingText) };
    } catch {
      return refuse(400, "invalid_parameter", "mapping must be JSON");
    }
  }
  const saveMappingAs = field(form, "saveMappingAs");
  if (saveMappingAs !== undefined) {
    if (!mapping) return refuse(400, "invalid_parameter", "saveMappingAs saves the mapping sent in the field \"mapping\": send one");
    const name = mappingNameSchema.safeParse(saveMappingAs);
    if (!name.success) return refuse(400, "invalid_parameter", `saveMappingAs: ${name.error.issues[0]?.message}`);
  }
  const report = await runImport({
    data: new Uint8Array(await file.arrayBuffer()),
    fileName,
    commit: field(form, "dryRun") !== "true",
    dataset,
    source: { organisation: field(form, "sourceOrganisation"), title: field(form, "sourceTitle"), url: field(form, "sourceUrl"), date: field(form, "sourceDate") },
    year: year ? Number(year) : undefined,
    level: level ? (Number(level) as 1 | 2) : undefined,
    mapping,
    savedMapping: field(form, "savedMapping"),
    saveMappingAs,
    writer,
  });
  const status = report.status === "invalid_file" || report.status === "invalid_rows" ? 422 : report.status === "committed" ? 201 : 200;
  return { status, body: { data: report } };
}
