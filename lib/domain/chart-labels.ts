// Category names on a chart axis (the clusters on /funding): wrapped at spaces
// into a few short lines so neighbours never overlap; what does not fit ends
// with "…", and the chart gives the full name in a tooltip (<title>).
import { wrapText } from "../export/chart-export";

export function tickLines(name: string, maxChars: number, maxLines: number): string[] {
  const lines = wrapText(name, maxChars, (s) => s.length);
  if (lines.length <= maxLines) return lines;
  const last = lines[maxLines - 1]!;
  return [...lines.slice(0, maxLines - 1), `${last.length < maxChars ? last : last.slice(0, maxChars - 1)}…`];
}
