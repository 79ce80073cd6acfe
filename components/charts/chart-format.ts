// Axis and tooltip formatting shared by the chart components (client side).
import { formatValue, type UnitCode } from "@/lib/domain/format";

/** Short axis ticks: 1.2M, 350k, 45% — the tooltip and table give exact values. */
const compactFormats = new Map<string, Intl.NumberFormat>();
const monthFormats = new Map<string, Intl.DateTimeFormat>();

export function axisTick(value: number, unit: UnitCode, locale: string): string {
  if (unit === "percent") return `${value}%`;
  let format = compactFormats.get(locale);
  if (!format) compactFormats.set(locale, (format = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 })));
  const compact = format.format(value);
  return unit === "usd" ? `$${compact}` : compact;
}

/** A tooltip value with its unit ("159,027 people", "$701,569,941", "43.7%"). */
export function tooltipValue(value: unknown, unit: UnitCode, locale: string, noData: string, peopleLabel?: string): string {
  if (typeof value !== "number") return noData;
  const text = formatValue(value, unit, locale);
  return unit === "people" && peopleLabel ? `${text} ${peopleLabel}` : text;
}

/** A date axis label: the year for year-long periods, else the date. */
export function dateTick(iso: string, locale: string): string {
  let format = monthFormats.get(locale);
  if (!format) monthFormats.set(locale, (format = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: "UTC", month: "short", year: "numeric" })));
  return format.format(new Date(`${iso}T00:00:00Z`));
}
