// Axis and tooltip formatting shared by the chart components (client side).
import { formatValue, type UnitCode } from "@/lib/domain/format";

/** Short axis ticks: 1.2M, 350k, 45% — the tooltip and table give exact values. */
export function axisTick(value: number, unit: UnitCode, locale: string): string {
  if (unit === "percent") return `${value}%`;
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
  return unit === "usd" ? `$${compact}` : compact;
}

export function tooltipValue(value: unknown, unit: UnitCode, locale: string, noData: string): string {
  return typeof value === "number" ? formatValue(value, unit, locale) : noData;
}

/** A date axis label: the year for year-long periods, else the date. */
export function dateTick(iso: string, locale: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: "UTC", month: "short", year: "numeric" }).format(d);
}
