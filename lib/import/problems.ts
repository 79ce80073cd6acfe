// Why a file as a whole cannot be imported, as data: the API and CLI say the
// English `reason`; the form says `problem` in the reader's language, next to
// the field that fixes it (never as "no HXL tags" for a file that has them).
import type { NotTableKind } from "./file-error";

export type ImportProblem =
  /** Neither CSV nor XLSX (a PDF, an image, a Word document…), by content. */
  | { code: "not_table"; kind: NotTableKind }
  /** No HXL row and no known publication: every column is to be mapped. */
  | { code: "no_mapping" }
  /** HXL tags, but none is a known indicator's; `tags` are the value-like tags the file has (and malformed tag cells). */
  | { code: "no_indicator_tag"; tags: string[] }
  | { code: "no_region_tag" }
  | { code: "no_date_tag" }
  /** Cercles were chosen, the file has no #adm2 column. */
  | { code: "no_adm2_tag" }
  | { code: "no_ch_status" }
  /** A publication that does not say its year (HNO). */
  | { code: "needs_year" }
  /** Cercles were chosen for a publication that has none (FTS, IDMC: national figures). */
  | { code: "no_cercles"; publication: string };

/** The form field whose value fixes the problem; the message sits under it. */
export type ProblemField = "file" | "mapping" | "level" | "year";

export function problemField(problem: ImportProblem): ProblemField {
  switch (problem.code) {
    case "not_table":
      return "file";
    case "no_adm2_tag":
    case "no_cercles":
      return "level";
    case "needs_year":
      return "year";
    default:
      return "mapping";
  }
}

/** Whether the column form can fix it (pick what a column holds): not for a file that is no table, nor for a level or a year. */
export const mappingFixes = (problem: ImportProblem | undefined) => problem === undefined || problemField(problem) === "mapping";
