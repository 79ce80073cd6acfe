// CSV cells as spreadsheets read them safely: RFC 4180 quoting, and text that
// a spreadsheet would run as a formula (= + - @, tab, carriage return first)
// prefixed with an apostrophe (OWASP "CSV injection"). Numbers are written
// as numbers, so a negative value is never mistaken for a formula.
// Two dialects: the standard one (comma, decimal point) and French Excel's,
// which opens a file by double-click with the list and decimal separators of
// a French Windows: semicolons between cells, a comma before decimals.

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

export interface CsvDialect {
  separator: "," | ";";
  decimal: "." | ",";
}

export const STANDARD_CSV: CsvDialect = { separator: ",", decimal: "." };
export const EXCEL_FR: CsvDialect = { separator: ";", decimal: "," };

export function csvCell(value: CsvValue, dialect: CsvDialect = STANDARD_CSV): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value).replace(".", dialect.decimal) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  // French Excel: a comma in text is quoted too, so no cell reads as a decimal.
  const special = dialect.separator === "," ? /[",\r\n]/ : /[";,\r\n]/;
  return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated as RFC 4180 says. */
export function csvLine(values: readonly CsvValue[], dialect: CsvDialect = STANDARD_CSV): string {
  return values.map((v) => csvCell(v, dialect)).join(dialect.separator) + "\r\n";
}

/** A UTF-8 byte order mark: Excel then reads accents (Ségou, Ménaka) right. */
export const UTF8_BOM = "\uFEFF";
