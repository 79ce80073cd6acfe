// A number typed in a form, read in the form's language and never guessed:
// "181,250" in a French form is 181,25 to French eyes and 181 250 to English
// habits, so it is refused with both readings instead of saved as either.
// Pure, so the browser and the tests share it.
import { plainNumber } from "../import/decimal";

/** One way to read the input, and how to type that value in the form's language so it is not ambiguous. */
export interface NumberReading {
  value: number;
  text: string;
}

export type ParsedNumber =
  | { ok: true; value: number }
  | { ok: false; problem: "empty" | "notANumber" | "badGrouping"; input: string }
  /** Fits the form's language, but English writing reads it otherwise (French "181,250"). */
  | { ok: false; problem: "ambiguous"; input: string; reading: NumberReading; other: NumberReading }
  /** Not how the form's language writes numbers; what it means in the conventions that can read it. */
  | { ok: false; problem: "foreign"; input: string; readings: NumberReading[] };

export type NumberRefusal = Extract<ParsedNumber, { ok: false }>;

interface Convention {
  /** Characters that may group thousands (one kind per number). */
  groups: string[];
  decimal: string;
}

const ENGLISH: Convention = { groups: [",", " "], decimal: "." };
const FRENCH: Convention = { groups: [" "], decimal: "," };
/** 1.234,5: continental Europe's thousands dot, which French forms sometimes receive. */
const DOTTED: Convention = { groups: ["."], decimal: "," };

interface Digits {
  negative: boolean;
  whole: string;
  fraction: string;
}

/** The digits of `text` written in `convention`, or null if it is not written that way. */
function read(text: string, convention: Convention): Digits | null {
  const negative = text.startsWith("-") || text.startsWith("\u2212");
  const body = negative ? text.slice(1) : text;
  const parts = body.split(convention.decimal);
  if (parts.length > 2) return null;
  const [whole = "", fraction = ""] = parts;
  if (parts.length === 2 && !/^\d+$/.test(fraction)) return null;
  if (/^\d+$/.test(whole)) return { negative, whole, fraction };
  for (const group of convention.groups) {
    const groups = whole.split(group);
    if (groups.length < 2) continue;
    const [first = "", ...rest] = groups;
    if (/^[1-9]\d{0,2}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g))) return { negative, whole: groups.join(""), fraction };
    return null;
  }
  return null;
}

function valueOf(d: Digits): number {
  return Number(`${d.negative ? "-" : ""}${d.whole}${d.fraction ? `.${d.fraction}` : ""}`);
}

/**
 * The value as the form's language writes it (no-break spaces or commas between
 * thousands). A French value with three decimals and no thousands would read as
 * ambiguous again ("1,234"), so it gets a fourth, zero decimal ("1,2340").
 */
function typed(d: Digits, french: boolean): string {
  const whole = d.whole.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+$)/g, french ? "\u00a0" : ",");
  let fraction = d.fraction.replace(/0+$/, "");
  if (french && fraction.length === 3 && whole.length <= 3) fraction += "0";
  return `${d.negative ? "-" : ""}${whole}${fraction ? `${french ? "," : "."}${fraction}` : ""}`;
}

const reading = (d: Digits, french: boolean): NumberReading => ({ value: valueOf(d), text: typed(d, french) });

/** Spaces of every kind (no-break, narrow, thin) count as one ordinary space. */
function normalise(raw: string): string {
  return raw.replace(/[\s\u00a0\u2007\u2009\u202f]+/g, " ").trim();
}

/** Reads `raw` typed in a form in `locale` ("fr…" for French, else English). */
export function parseNumberInput(raw: string, locale: string): ParsedNumber {
  const input = normalise(raw);
  if (input === "") return { ok: false, problem: "empty", input };
  const french = locale.startsWith("fr");
  const own = read(input, french ? FRENCH : ENGLISH);
  if (own) {
    // English writing is the habit people bring to any form; in English its own reading stands.
    const english = french ? read(input, ENGLISH) : null;
    if (english && valueOf(english) !== valueOf(own)) {
      return { ok: false, problem: "ambiguous", input, reading: reading(own, french), other: reading(english, french) };
    }
    return { ok: true, value: valueOf(own) };
  }
  const readings: NumberReading[] = [];
  for (const convention of french ? [ENGLISH, DOTTED] : [FRENCH, DOTTED]) {
    const digits = read(input, convention);
    if (digits && !readings.some((r) => r.value === valueOf(digits))) readings.push(reading(digits, french));
  }
  if (readings.length) return { ok: false, problem: "foreign", input, readings };
  return { ok: false, problem: /^[-\u2212]?[\d., ]*\d[\d., ]*$/.test(input) ? "badGrouping" : "notANumber", input };
}

/** A stored value as the form's text field shows it in `locale`: read back, it is the same value. */
export function numberInputText(value: number, locale: string): string {
  const digits = read(plainNumber(value), { groups: [], decimal: "." });
  if (!digits) throw new Error(`not a finite number: ${value}`);
  return typed(digits, locale.startsWith("fr"));
}
