// What a chart export says besides the chart: its file name, the header and
// footer lines drawn into PNG and SVG, and its CSV. Pure, so it is tested
// here; the drawing itself is lib/export/chart-image.ts (browser only).
import { sign } from "../domain/typography";
import { csvLine, STANDARD_CSV, UTF8_BOM, type CsvDialect } from "./csv";

export const PRODUCT_NAME = "Situation Room";

/** `idps-by-region_2021-09-30.png`: what the chart shows and the date its data describes. */
export function chartFileName(chartId: string, asOf: string | null, exportedOn: string, extension: "png" | "svg" | "csv" | "excel-fr.csv"): string {
  const slug = chartId.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "chart";
  return `${slug}_${asOf ?? exportedOn}.${extension}`;
}

/** The view's filters as one readable line, from the page's query string ("" when there are none). */
export function filtersLine(search: string, labels: { filters: string }, locale = "en"): string {
  const params = new URLSearchParams(search);
  const colon = sign(":", locale);
  const parts = [...new Set(params.keys())].sort().map((key) => `${key}${colon} ${params.getAll(key).join(", ")}`);
  return parts.length ? `${labels.filters}${colon} ${parts.join(" · ")}` : "";
}

export interface ExportText {
  title: string;
  unit: string;
  filters: string;
  source: string;
  asOf: string;
  /** "Situation Room · exported 2026-11-25" */
  credit: string;
}

/** Header lines above the chart and footer lines below it, empty ones dropped. */
export function exportLines(text: ExportText): { header: string[]; footer: string[] } {
  return {
    header: [text.title, [text.unit, text.filters].filter(Boolean).join(" — ")].filter(Boolean),
    footer: [text.source, text.asOf, text.credit].filter(Boolean),
  };
}

/** The chart's own table as CSV (standard, or French Excel's dialect): one header row, then its rows (missing values empty). */
export function chartCsv(columns: { key: string; label: string }[], rows: Record<string, string | number | null>[], dialect: CsvDialect = STANDARD_CSV): string {
  return UTF8_BOM + csvLine(columns.map((c) => c.label), dialect) + rows.map((row) => csvLine(columns.map((c) => row[c.key] ?? null), dialect)).join("");
}

/**
 * A line broken at spaces into lines no wider than `maxWidth` (as `measure`
 * says), so a long title or source line stays inside the picture; a word
 * wider than the line on its own (a URL) is cut between characters.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = "";
    for (const char of word) {
      if (current && measure(current + char) > maxWidth) {
        lines.push(current);
        current = "";
      }
      current += char;
    }
  }
  if (current) lines.push(current);
  return lines;
}
