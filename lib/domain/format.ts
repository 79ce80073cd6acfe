// Numbers and dates as each locale writes them (fr: 1 234 567 and 30/09/2021).
// Values are rounded only here, for display; stored values stay exact.
export type UnitCode = "people" | "usd" | "percent" | "count";

export function formatValue(value: number, unit: UnitCode, locale: string): string {
  switch (unit) {
    case "usd":
      return new Intl.NumberFormat(locale, { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(value);
    case "percent":
      return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
    default:
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  }
}

/** A YYYY-MM-DD date for reading: 30/09/2021 (fr), 30 Sept 2021 (en). */
export function formatDate(iso: string, locale: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    locale === "fr" ? { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" } : { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" };
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", options).format(date);
}

/** A period: one date when it is a point in time, else "start – end". */
export function formatPeriod(start: string, end: string, locale: string): string {
  return start === end ? formatDate(start, locale) : `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
}
