// CSV cells as spreadsheets read them safely: RFC 4180 quoting, and text that
// a spreadsheet would run as a formula (= + - @, tab, carriage return first)
// prefixed with an apostrophe (OWASP "CSV injection"). Numbers are written
// as numbers, so a negative value is never mistaken for a formula.

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated as RFC 4180 says. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

/** A UTF-8 byte order mark: Excel then reads accents (Ségou, Ménaka) right. */
export const UTF8_BOM = "\uFEFF";
