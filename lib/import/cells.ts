// Reading the text of one cell as a number, a date or a period.
import { parseIsoDate, toIsoDate } from "../domain/dates";

/**
 * A number as files write it: "1234", "1 234", "1,234.5", "1.234,5",
 * "1234,5" (semicolon files). Null for anything else ("12abc", "n/a").
 */
export function parseCellNumber(text: string): number | null {
  let t = text.replace(/[\s\u00a0\u202f]/g, "");
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, "");
  else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d+,\d+$/.test(t)) t = t.replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
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
  jan: 1, janv: 1, feb: 2, fev: 2, fevr: 2, mar: 3, mars: 3, apr: 4, avr: 4, may: 5, mai: 5, jun: 6, juin: 6,
  jul: 7, juil: 7, aug: 8, aou: 8, aout: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, "0");

/** A month range such as "Jun-Aug" or "juin–août" in `year` → [first day, last day]. */
export function parseMonthRange(label: string, year: number): [string, string] | null {
  const parts = label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/\s*[-–—]\s*|\s+a\s+|\s+to\s+/)
    .map((p) => MONTHS[p.replace(/\.$/, "").trim()]);
  if (parts.length < 1 || parts.length > 2 || parts.some((m) => m === undefined)) return null;
  const first = parts[0] as number;
  const last = (parts[1] ?? first) as number;
  if (last < first) return null;
  return [`${year}-${pad(first)}-01`, `${year}-${pad(last)}-${pad(lastDay(year, last))}`];
}

/** "current" / "projected" in English or French. */
export function parseChStatus(text: string): "current" | "projected" | null {
  const t = text.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase();
  if (["current", "courant", "courante", "actuel", "actuelle"].includes(t)) return "current";
  if (["projected", "projection", "projete", "projetee"].includes(t)) return "projected";
  return null;
}

/** Exact decimal text with at most 4 places, from integer ten-thousandths. */
export function decimalText(tenThousandths: number): string {
  const sign = tenThousandths < 0 ? "-" : "";
  const abs = Math.abs(tenThousandths);
  const whole = Math.floor(abs / 10_000);
  const fraction = String(abs % 10_000).padStart(4, "0").replace(/0+$/, "");
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}
