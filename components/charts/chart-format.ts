// Axis and tooltip formatting shared by the chart components (client side).
import { formatTick, formatValue, type UnitCode } from "@/lib/domain/format";

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** Short axis ticks: 1.05M, 350K, 45% (lib/domain/format: formatTick) — the tooltip and table give exact values. */
export function axisTick(value: number, unit: UnitCode, locale: string): string {
  return formatTick(value, unit, locale);
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
