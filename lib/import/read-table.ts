// A file as a grid of trimmed strings, whatever it came as: CSV (comma or
// semicolon, with or without BOM, CRLF or LF) or XLSX (first sheet with data;
// dates as YYYY-MM-DD, numbers as exact plain text, formulas as their result).
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { checkArchive } from "./archive-limits";
import { plainNumber, shiftDecimal, sumDecimals } from "./decimal";
import { ImportFileError } from "./file-error";
import { notTableError, sniffKind, zipKind } from "./file-kind";
import { MAX_COLUMNS } from "./limits";

export interface Table {
  rows: string[][];
  /** The line (CSV) or row (XLSX) number a user sees for rows[i], 1-based. */
  lineNumbers: number[];
  /** XLSX: the sheet read. */
  sheet?: string;
  /** CSV: the delimiter found; ";" means French Excel, whose decimal mark is ",". */
  delimiter?: "," | ";";
}

export { ImportFileError };

/** The content decides what the file is (its first bytes), never its name alone. */
export async function readTable(data: Buffer | Uint8Array, fileName: string): Promise<Table> {
  if (data.length === 0) throw new ImportFileError(`${fileName} is empty`);
  const kind = sniffKind(data);
  if (kind === "zip") return readXlsx(data, fileName);
  if (kind === "ole") {
    // Old Office files share one container: an .xls gets its own advice, a .doc or .ppt is no table.
    if (/\.xls$/i.test(fileName)) throw new ImportFileError(`${fileName} is an old Excel 97–2003 (.xls) workbook: save it as .xlsx or CSV UTF-8 first`);
    throw notTableError(fileName, "binary");
  }
  if (kind) throw notTableError(fileName, kind);
  if (/\.xlsx?$/i.test(fileName)) throw new ImportFileError(`${fileName} is not an Excel workbook, although its name ends in .xlsx: save it again from Excel`);
  const table = readCsv(decodeText(data, fileName), fileName);
  if (!table.rows.length) throw new ImportFileError(`${fileName} has no rows`);
  return table;
}

/** UTF-8 (BOM or not); else Windows-1252, what French Excel writes for "CSV (séparateur: point-virgule)". */
function decodeText(data: Uint8Array, fileName: string): string {
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
    throw new ImportFileError(`${fileName} is UTF-16 text: save it as "CSV UTF-8" or XLSX`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder("windows-1252").decode(data);
  }
  if (hasControlCharacters(text.slice(0, 65_536))) throw notTableError(fileName, "binary");
  return text;
}

/** Text has no control characters but tab, line breaks and form feeds; binary files have many. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && (code < 0x09 || code > 0x0d)) return true;
  }
  return false;
}

/** A row wider than MAX_COLUMNS: refused before the table (and its report, which lists the columns) grows with it. */
const tooWide = (fileName: string, where: string) =>
  new ImportFileError(`${fileName} has a row of more than ${MAX_COLUMNS} columns (${where}): a table of figures has far fewer; remove the empty or extra columns`);

function readCsv(text: string, fileName: string): Table {
  const delimiter = guessDelimiter(text);
  const wide = widestLine(text, delimiter);
  if (wide) throw tooWide(fileName, `line ${wide}`);
  const bytes = Buffer.from(text);
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(bytes, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    throw new ImportFileError(`${fileName} is not valid CSV: ${(error as Error).message}`);
  }
  // csv-parse's own line count is off after quoted CRLF; count line breaks up to each record's first byte instead.
  const rows: string[][] = [];
  const lineNumbers: number[] = [];
  let offset = 0;
  let line = 1;
  for (const { record, info } of records) {
    while (bytes[offset] === 0x0a || bytes[offset] === 0x0d) line += bytes[offset++] === 0x0a ? 1 : 0;
    const cells = record.map((c) => c.trim());
    if (cells.some((c) => c !== "")) {
      rows.push(cells);
      lineNumbers.push(line);
    }
    for (; offset < info.bytes; offset++) if (bytes[offset] === 0x0a) line++;
  }
  return { rows, lineNumbers, delimiter };
}

/**
 * The first line with more than MAX_COLUMNS cells, or null; one pass over the
 * text before csv-parse builds any row (2 million cells took it 9 s). Quoted
 * delimiters and line breaks are inside a cell, as csv-parse reads them.
 */
function widestLine(text: string, delimiter: string): number | null {
  const sep = delimiter.charCodeAt(0);
  let quoted = false;
  let cells = 1;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    if (c === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (c === sep) {
      if (++cells > MAX_COLUMNS) return rowLine;
    } else if (c === 0x0a) {
      cells = 1;
      rowLine = line;
    }
  }
  return null;
}

/** Semicolons (French Excel) when the first non-empty lines have more of them than commas, outside quotes. */
export function guessDelimiter(text: string): "," | ";" {
  const head = text
    .slice(0, 16_384)
    .replace(/"(?:[^"]|"")*"/g, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 10)
    .join("\n");
  const count = (c: string) => head.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

async function readXlsx(data: Uint8Array, fileName: string): Promise<Table> {
  const kind = zipKind(await checkArchive(data, fileName));
  if (kind !== "xlsx") throw notTableError(fileName, kind);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportFileError(`${fileName} is not a readable XLSX workbook (${(error as Error).message})`);
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw new ImportFileError(`${fileName} has no sheet with data`);
  const rows: string[][] = [];
  const lineNumbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (row.cellCount > MAX_COLUMNS) throw tooWide(fileName, `row ${number}`);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    if (cells.some((c) => c !== "")) {
      rows.push(cells);
      lineNumbers.push(number);
    }
  });
  return { rows, lineNumbers, sheet: sheet.name };
}

/** What the cell shows, as text. Errors (#N/A) stay visible so that a value cell holding one is reported. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && ("formula" in value || "sharedFormula" in value)) return formulaText(cell);
  return valueText(value, cell.numFmt);
}

function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // A cell shown as 43.7% holds 0.437: keep what the user sees.
  if (typeof value === "number") return numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, "")) ? shiftDecimal(plainNumber(value), 2) : plainNumber(value);
  if (typeof value !== "object") return String(value).trim();
  if ("richText" in value) return value.richText.map((r) => r.text).join("").trim();
  if ("text" in value && typeof value.text === "string") return value.text.trim(); // hyperlinks
  if ("error" in value) return value.error;
  return "";
}

const SIMPLE_SUM = /^\$?[A-Z]{1,3}\$?\d+(\+\$?[A-Z]{1,3}\$?\d+)*$/;

/**
 * The cached result; or, when the file was written without results (IOM DTM
 * R72's shared "L3+O3" formulas), the sum of a plain "A1+B2+…" formula.
 * Anything else shows as "=FORMULA", which a value column reports.
 */
function formulaText(cell: ExcelJS.Cell): string {
  const result = cell.result;
  if (result !== undefined && result !== null) return valueText(result as ExcelJS.CellValue, cell.numFmt);
  const formula = cell.formula?.replace(/^=/, "").replace(/\s+/g, "");
  if (!formula || !SIMPLE_SUM.test(formula)) return `=${cell.formula ?? ""}`;
  const parts = formula.split("+").map((ref) => cellText(cell.worksheet.getCell(ref.replace(/\$/g, ""))));
  if (parts.some((p) => p !== "" && !/^-?\d+(\.\d+)?$/.test(p))) return `=${formula}`;
  return sumDecimals(parts.map((p) => p || "0"));
}
