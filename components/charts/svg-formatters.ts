// Server-side labels for the light SVG charts, in the reader's locale.
import { formatDate, type UnitCode } from "@/lib/domain/format";
import type { Formatters } from "@/lib/domain/svg-chart";
import { axisTick, tooltipValue } from "./chart-format";

export function svgFormatters(locale: string, unit: UnitCode, noData: string, peopleLabel?: string): Formatters {
  return {
    tick: (v) => axisTick(v, unit, locale),
    value: (v) => tooltipValue(v, unit, locale, noData, peopleLabel),
    date: (iso) => formatDate(iso, locale),
  };
}
