// Reading the text of one cell as a number, a date, a period or a CH status.
import { parseIsoDate, toIsoDate } from "../domain/dates";

export type NumberCell = { ok: true; value: string } | { ok: false; reason: string };

const SPACES = /[ \u00a0\u202f]/g; // French Excel and Intl group digits with (narrow) no-break spaces

/**
 * A number as people write it, as plain decimal text ("-1234.5"): "1234",
 * "1 234", "1 234,5", "1,234.5", "1.234,5", "0,5". `decimalMark` is the
 * file's: "," in semicolon (French) CSV, "." elsewhere. It settles the one
 * ambiguous shape, a single separator before exactly three digits: "1,234"
 * is 1234 in a comma file and 1.234 in a semicolon file; "1.234" in a
 * semicolon file could be either (German grouping or a machine's decimal), so
 * it is refused rather than guessed.
 */
export function parseCellNumber(text: string, decimalMark: "." | "," = "."): NumberCell {
  const t = text.trim();
  const negative = t.startsWith("-");
  const body = negative ? t.slice(1) : t;
  const number = (whole: string, fraction = ""): NumberCell => {
    const int = whole.replace(/^0+(?=\d)/, "");
    const frac = fraction.replace(/0+$/, "");
    const sign = negative && /[1-9]/.test(int + frac) ? "-" : "";
    return { ok: true, value: `${sign}${int}${frac ? `.${frac}` : ""}` };
  };
  const [whole = "", fraction] = body.split(/[.,](?=\d+$)/); // the last separator, when digits follow it
  const ambiguous = /^[1-9]\d{0,2}[.,]\d{3}$/.test(body);
  if (/^\d+([.,]\d+)?$/.test(body) && !ambiguous) return number(whole, fraction);
  if (/^\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/.test(body)) return number(whole.replace(SPACES, ""), fraction);
  // Grouping that cannot be a decimal mark: "1,234.5", "1,234,567", "1.234,5", "1.234.567".
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(body)) return number(whole.replace(/,/g, ""), fraction);
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(body)) return number(whole.replace(/\./g, ""), fraction);
  if (/^\d{1,3}([.,])\d{3}(\1\d{3})+$/.test(body)) return number(body.replace(/[.,]/g, ""));
  if (ambiguous && body.includes(",")) return decimalMark === "," ? number(whole, fraction) : number(body.replace(",", ""));
  if (ambiguous && decimalMark === ".") return number(whole, fraction);
  if (ambiguous) return { ok: false, reason: `"${t}" is ambiguous in a semicolon file (${body.replace(".", "")} or ${body.replace(".", ",")}?): write it without the point, or with a decimal comma` };
  if (t.startsWith("=")) return { ok: false, reason: `the formula "${t}" has no saved result: open the file in Excel and save it again` };
  return { ok: false, reason: `"${t}" is not a number` };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date as files write it: ISO, ISO with a time, dd/mm/yyyy, dd-mm-yyyy, or an Excel serial day number. */
export function parseCellDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})([T ][\d:.]+Z?)?$/.exec(t);
  if (iso) return parseIsoDate(iso[1] as string) ? (iso[1] as string) : null;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (dmy) {
    const candidate = `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}`;
    return parseIsoDate(candidate) ? candidate : null;
  }
  // Excel stores dates as days since 1899-12-30 when a cell is not formatted as a date.
  if (/^\d{5}(\.0+)?$/.test(t)) {
    const serial = Number(t);
    if (serial > 20_000 && serial < 80_000) return toIsoDate(new Date(EXCEL_EPOCH + serial * 86_400_000));
  }
  return null;
}

export function parseCellYear(text: string): number | null {
  const t = text.trim().replace(/\.0+$/, "");
  return /^(19|20)\d{2}$/.test(t) ? Number(t) : null;
}

const MONTHS: Record<string, number> = {
  jan: 1, janv: 1, january: 1, janvier: 1, feb: 2, fev: 2, fevr: 2, february: 2, fevrier: 2, mar: 3, mars: 3, march: 3,
  apr: 4, avr: 4, april: 4, avril: 4, may: 5, mai: 5, jun: 6, juin: 6, june: 6, jul: 7, juil: 7, july: 7, juillet: 7,
  aug: 8, aou: 8, aout: 8, august: 8, sep: 9, sept: 9, september: 9, septembre: 9, oct: 10, october: 10, octobre: 10,
  nov: 11, november: 11, novembre: 11, dec: 12, december: 12, decembre: 12,
};

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A month range such as the Cadre Harmonisé's "Jun-Aug", or "janv.–mai", in `year` → [first day, last day]. */
export function parseMonthRange(label: string, year: number): [string, string] | null {
  const months = label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/\s*[-–—]\s*|\s+a\s+|\s+to\s+/)
    .map((p) => MONTHS[p.replace(/\.$/, "").trim()]);
  if (months.length > 2 || months.some((m) => m === undefined)) return null;
  const first = months[0] as number;
  const last = (months[1] ?? first) as number;
  if (last < first) return null;
  return [`${year}-${pad(first)}-01`, `${year}-${pad(last)}-${pad(lastDay(year, last))}`];
}

/** "current" / "projected" in English or French (CH's chtype). */
export function parseChStatus(text: string): "current" | "projected" | null {
  const t = text.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase();
  if (["current", "courant", "courante", "actuel", "actuelle"].includes(t)) return "current";
  if (["projected", "projection", "projete", "projetee"].includes(t)) return "projected";
  return null;
}
