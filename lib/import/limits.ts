// What an import accepts, in one place: the upload (next.config.js reads the
// same JSON for Next's proxy buffer), the columns of a table and what an XLSX
// archive may unpack to. Each limit is far above the real publications
// (../shared/data: at most 61 columns; the largest workbook, the Cadre
// Harmonisé export, is 3.6 MB unpacking to 25 MB at 7×) and below what
// exhausts a worker (96 MB of sheet XML took exceljs 1.9 GB).
import upload from "./upload-limit.json";

const MB = 1024 * 1024;

/** Files above this are refused with a 413. */
export const MAX_IMPORT_BYTES: number = upload.maxFileBytes;
/** The request may be this much larger than the file: the multipart envelope and the form's other fields. */
export const MAX_IMPORT_REQUEST_BYTES: number = upload.maxFileBytes + upload.multipartAllowanceBytes;
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / MB;

/** Columns in a table: a header row this wide is not a table of figures (and would echo back as a huge report). */
export const MAX_COLUMNS = 500;

/** An XLSX is a ZIP archive: these bound what it may unpack to before exceljs holds it all in memory. */
export const ARCHIVE_LIMITS = {
  /** Every entry together, declared and as actually inflated (exceljs needs ~30× this in memory). */
  maxUnpackedBytes: 40 * MB,
  /** Excel writes a few dozen entries. */
  maxEntries: 1000,
  /** Compression ratio of one entry; sheet XML compresses 5–20×, a bomb thousands of times. */
  maxRatio: 100,
  /** Entries below this size may be compressed any amount (a small run of blank cells compresses well). */
  ratioGraceBytes: 1 * MB,
} as const;
