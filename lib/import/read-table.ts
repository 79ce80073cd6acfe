// A file as a grid of trimmed strings, whatever it came as: CSV (comma or
// semicolon, with or without BOM, CRLF or LF) or XLSX (first sheet with data;
// dates as YYYY-MM-DD, numbers as exact text, formulas as their result).
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";

export interface Table {
  rows: string[][];
  /** The line (CSV) or row (XLSX) number a user sees for rows[i], 1-based. */
  lineNumbers: number[];
}

/** The file cannot be read at all: the message is shown to the user as is. */
export class ImportFileError extends Error {
  override name = "ImportFileError";
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export async function readTable(data: Uint8Array, fileName: string): Promise<Table> {
  if (data.length === 0) throw new ImportFileError(`${fileName} is empty`);
  if (ZIP.every((b, i) => data[i] === b)) return readXlsx(data, fileName);
  if (/\.xlsx?$/i.test(fileName)) throw new ImportFileError(`${fileName} is not an XLSX workbook (old .xls files: save them as .xlsx or CSV first)`);
  return readCsv(data, fileName);
}

function readCsv(data: Uint8Array, fileName: string): Table {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    throw new ImportFileError(`${fileName} is not UTF-8 text: save it as "CSV UTF-8" or XLSX`);
  }
  if (text.includes("\u0000")) throw new ImportFileError(`${fileName} is a binary file, not CSV`);
  const delimiter = guessDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, info: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    throw new ImportFileError(`${fileName} is not valid CSV: ${(error as Error).message}`);
  }
  const kept = records.filter((r) => r.record.some((c) => c !== ""));
  return { rows: kept.map((r) => r.record), lineNumbers: kept.map((r) => r.info.lines) };
}

/** Semicolons (French Excel) when the first lines have more of them than commas, outside quotes. */
export function guessDelimiter(text: string): "," | ";" {
  const head = text.split(/\r?\n/, 5).join("\n").replace(/"[^"]*"/g, "");
  const count = (c: string) => head.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

async function readXlsx(data: Uint8Array, fileName: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportFileError(`${fileName} is not a readable XLSX workbook: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw new ImportFileError(`${fileName} has no sheet with data`);
  const rows: string[][] = [];
  const lineNumbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c)));
    if (cells.some((c) => c !== "")) {
      rows.push(cells);
      lineNumbers.push(number);
    }
  });
  return { rows, lineNumbers };
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return numberText(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("").trim();
    if ("text" in value && typeof value.text === "string") return value.text.trim(); // hyperlinks
    if ("formula" in value || "sharedFormula" in value) return formulaText(cell);
    if ("error" in value) return "";
  }
  return String(value).trim();
}

/** The cached result, or the sum of a plain "A1+B1" formula that has none (IOM DTM R72 has such cells). */
function formulaText(cell: ExcelJS.Cell): string {
  const result = cell.result;
  if (typeof result === "number") return numberText(result);
  if (result instanceof Date) return result.toISOString().slice(0, 10);
  if (typeof result === "string") return result.trim();
  const formula = cell.formula;
  if (formula && /^[A-Z]+\d+(\+[A-Z]+\d+)*$/.test(formula)) {
    const total = formula.split("+").reduce((sum, ref) => sum + Number(cellText(cell.worksheet.getCell(ref)) || 0), 0);
    return numberText(total);
  }
  return "";
}

/** Plain decimal text (no exponent), at most 4 decimals: the database keeps 4. */
function numberText(n: number): string {
  if (Number.isInteger(n)) return BigInt(Math.round(n)).toString();
  return String(Math.round(n * 10_000) / 10_000);
}
