// The words of the sitrep pack (PowerPoint and Word) around the numbers: the
// source line under each chart, "data as of", a key figure's citation. The
// same messages as the page's charts (ChartFigure) use.
import type { Translate } from "@/i18n/translator";
import { translator } from "@/i18n/translator";
import type { Locale } from "@/i18n/locales";
import { formatDate, formatPeriod, formatValue } from "../domain/format";
import type { KeyFigure, PackChart } from "../api/snapshot-content";

export interface PackTexts {
  locale: Locale;
  snapshot: Translate;
  sitrep: Translate;
  charts: Translate;
}

export function packTexts(locale: Locale): PackTexts {
  return { locale, snapshot: translator(locale, "snapshot"), sitrep: translator(locale, "sitrep"), charts: translator(locale, "charts") };
}

/** "Source: IOM DTM (30 Sept 2024); FEWS NET (3 publications, latest 1 Mar 2024). Dataset: …" as under the app's charts. */
export function chartSourceText(chart: Pick<PackChart, "sources" | "datasets">, t: PackTexts): string {
  const date = (iso: string) => formatDate(iso, t.locale);
  const sources = chart.sources.map((s) => `${s.organisation} (${s.count > 1 ? t.charts("sourcesUpTo", { count: s.count, date: date(s.date) }) : date(s.date)})`).join("; ");
  const parts = [];
  if (sources) parts.push(t.sitrep("sourceLine", { sources }));
  if (chart.datasets.length) parts.push(t.sitrep("datasetLine", { names: chart.datasets.join("; ") }));
  return parts.join(" ");
}

/** "Data as of 30 Sept 2024", or that there are no figures. */
export function asOfText(asOf: string | null, t: PackTexts): string {
  return asOf ? t.sitrep("dataAsOf", { date: formatDate(asOf, t.locale) }) : t.sitrep("noDataAsOf");
}

/** A key figure's value, period and citation as text. */
export function keyFigureTexts(f: KeyFigure, t: PackTexts): { value: string; period: string; source: string } {
  const s = f.source;
  return {
    value: formatValue(f.value, f.unit, t.locale),
    period: formatPeriod(f.start, f.end, t.locale),
    source: [f.dataset, s ? `${s.organisation}, ${s.title} (${formatDate(s.date, t.locale)})` : null].filter(Boolean).join(" — "),
  };
}

/** A chart's table cell as text, formatted for the reader (numbers in the locale's style; "no data" never 0). */
export function tableCellText(value: string | number | null | undefined, column: { unit?: string; date?: boolean }, t: PackTexts): string {
  if (value === null || value === undefined || value === "") return column.unit ? t.charts("noData") : "";
  if (column.date && typeof value === "string") return formatDate(value, t.locale);
  if (column.unit && typeof value === "number") return formatValue(value, column.unit as Parameters<typeof formatValue>[1], t.locale);
  return String(value);
}
