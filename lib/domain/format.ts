// Numbers and dates as each locale writes them (fr: 1 234 567 and 30/09/2021).
// Values are rounded only here, for display; stored values stay exact.
// Intl formatters are costly to build, so each is built once per locale.
// French output follows the typography rule of ./typography (U+202F before %)
// and writes dollars "$ US" (Intl: "$US"), here for every number on screen.
import { frenchSpacing, sign } from "./typography";

export type UnitCode = "people" | "usd" | "percent" | "count";

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = build();
    formatters.set(key, f);
  }
  return f;
}

function numberFormat(locale: string, unit: UnitCode): Intl.NumberFormat {
  return memo(`n:${locale}:${unit}`, () => {
    switch (unit) {
      case "usd":
        return new Intl.NumberFormat(locale, { style: "currency", currency: "USD", maximumFractionDigits: 0 });
      case "percent":
        return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
      default:
        return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    }
  });
}

/** `text` (numbers and signs) written the locale's way: French typography in French. */
export function typeset(text: string, locale: string): string {
  return locale === "fr" ? frenchSpacing(text).replace("$US", "$\u00a0US") : text;
}

export function formatValue(value: number, unit: UnitCode, locale: string): string {
  return typeset(numberFormat(locale, unit).format(unit === "percent" ? value / 100 : value), locale);
}

/**
 * A short axis tick (1.05M, 350K, $800M, 45% in English; 1,05 M, 800 M $ US,
 * 45 % in French). Axis ticks are round numbers, so showing each exactly,
 * up to three decimals of the compact form, keeps neighbours apart (1 M,
 * 1,025 M, 1,05 M) where one decimal would write 1,05 M as "1,1 M".
 * Tooltips and tables give the exact values.
 */
export function formatTick(value: number, unit: UnitCode, locale: string): string {
  if (unit === "percent") {
    const f = memo(`tp:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }));
    return `${f.format(value)}${sign("%", locale)}`;
  }
  const compact = memo(`tc:${locale}`, () => new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 3 })).format(value);
  if (unit !== "usd") return compact;
  return locale === "fr" ? `${compact}\u00a0$\u00a0US` : `$${compact}`;
}

/** A YYYY-MM-DD date for reading: 30/09/2021 (fr), 30 Sept 2021 (en). */
export function formatDate(iso: string, locale: string): string {
  const format = memo(`d:${locale}`, () =>
    locale === "fr"
      ? new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" })
      : new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }),
  );
  return format.format(new Date(`${iso}T00:00:00Z`));
}

/** A period: one date when it is a point in time, else "start – end". */
export function formatPeriod(start: string, end: string, locale: string): string {
  return start === end ? formatDate(start, locale) : `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
}

/** A moment for logs and lists: "25 Nov 2026, 04:10 UTC" (en), "25 nov. 2026, 04:10 UTC" (fr). */
export function formatTimestamp(iso: string, locale: string): string {
  const format = memo(`t:${locale}`, () => new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" }));
  return `${format.format(new Date(iso))} UTC`;
}
