// Browser only: a chart's <svg> as a finished, self-contained picture. The
// clone gets every style it needs inlined (no stylesheet, no web font: the
// system sans-serif), a white background, the export's header and footer
// lines wrapped to its width, and the legend the page draws in HTML; PNG is
// that SVG drawn on a canvas at twice the pixel density. Hover state (the
// tooltip's crosshair, the active dot) is left out.
import { exportLines, wrapText, type ExportText } from "./chart-export";

const STYLE_PROPERTIES = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "paint-order", "opacity", "font-size", "font-weight", "text-anchor", "dominant-baseline", "visibility"] as const;
const FONT = "Arial, Helvetica, sans-serif";
const INK = "#1b2631";
const LINE = 18;
const PAD = 16;
/** At least 600 CSS px wide, so the 2× PNG is at least 1200 px. */
export const MIN_WIDTH = 600;
/** What only the pointer draws: recharts' crosshair and active dots. */
const HOVER_ONLY = ".recharts-tooltip-cursor, .recharts-active-dot, .recharts-tooltip-wrapper";
/** The map's "no data" hatching (.swatch.hatch in globals.css), as an SVG pattern. */
const HATCH_ID = "export-hatch";
const HATCH_DEF = `<defs><pattern id="${HATCH_ID}" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#eef0f2"/><rect x="3" width="2" height="5" fill="#9aa4ae"/></pattern></defs>`;

/** Inlines the computed styles of `source` into its clone `target`, and returns the clone's hover-only elements. */
function inlineStyles(source: Element, target: Element, hoverOnly: Element[] = []): Element[] {
  if (source.matches(HOVER_ONLY)) {
    hoverOnly.push(target);
    return hoverOnly;
  }
  const computed = getComputedStyle(source);
  const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(";");
  target.setAttribute("style", `${style};font-family:${FONT}`);
  target.removeAttribute("class");
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length; i++) inlineStyles(from[i]!, to[i]!, hoverOnly);
  return hoverOnly;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

export interface LegendEntry {
  label: string;
  /** A CSS colour, or "hatch" for the map's "no data". */
  colour: string;
}

const LEGEND_ITEMS = ".recharts-legend-item, .svg-legend li, .map-legend li";
const SHAPES = "rect, path, line, circle, polygon, polyline";
const PAINTLESS = /^(none|transparent|rgba\(0, 0, 0, 0\))$/;

/**
 * The colour a legend item's swatch is painted in. Only what paints counts:
 * an SVG shape's fill (its stroke when unfilled, as a line's icon) or an HTML
 * swatch's background. Every element has a computed `fill` (black by
 * default, inherited by the <svg> around an icon and by HTML), so reading
 * `fill` off any element is what made every swatch black.
 */
function swatchColour(item: Element): string | null {
  for (const shape of item.querySelectorAll(SHAPES)) {
    const style = getComputedStyle(shape);
    if (style.fill && !PAINTLESS.test(style.fill) && !style.fill.startsWith("url(")) return style.fill;
    if (style.stroke && !PAINTLESS.test(style.stroke)) return style.stroke;
  }
  for (const element of item.querySelectorAll("*")) {
    if (element instanceof SVGElement) continue;
    const style = getComputedStyle(element);
    if (/gradient\(/.test(style.backgroundImage)) return "hatch";
    if (!PAINTLESS.test(style.backgroundColor)) return style.backgroundColor;
  }
  return null;
}

/**
 * The chart's legend, read from the page: the charts draw it in HTML beside
 * their SVG, so a picture of the SVG alone would lose it.
 */
export function legendOf(figure: Element): LegendEntry[] {
  return [...figure.querySelectorAll(LEGEND_ITEMS)].flatMap((item) => {
    const label = item.textContent?.trim() ?? "";
    return label ? [{ label, colour: swatchColour(item) ?? INK }] : [];
  });
}

/** Text widths as the picture will draw them (same font; canvas measures like SVG renders). */
function measurer(): (text: string, size: number, weight?: string) => number {
  const context = document.createElement("canvas").getContext("2d");
  return (text, size, weight = "normal") => {
    if (!context) return text.length * size * 0.6;
    context.font = `${weight} ${size}px ${FONT}`;
    return context.measureText(text).width;
  };
}

/** The finished SVG document and its size in CSS pixels. */
export function buildChartSvg(chart: SVGSVGElement, text: ExportText, legend: LegendEntry[] = []): { svg: string; width: number; height: number } {
  const box = chart.getBoundingClientRect();
  const chartWidth = Math.max(1, Math.round(box.width));
  // recharts keeps room at the bottom of its SVG for its HTML legend, which the
  // export draws itself under the chart: that strip is cut off, not left blank.
  const htmlLegend = chart.parentElement?.querySelector(".recharts-legend-wrapper")?.getBoundingClientRect();
  const legendRoom = htmlLegend && htmlLegend.top > box.top + box.height / 2 ? box.bottom - htmlLegend.top : 0;
  const chartHeight = Math.max(1, Math.round(box.height - legendRoom));
  const width = Math.max(MIN_WIDTH, chartWidth + 2 * PAD);
  const textWidth = width - 2 * PAD;
  const measure = measurer();
  const { header, footer } = exportLines(text);
  // Every header and footer line wrapped to the picture's width (a 2 % margin for rounding).
  const wrap = (line: string, size: number, weight?: string) => wrapText(line, textWidth * 0.98, (s) => measure(s, size, weight));
  const headerLines = header.flatMap((h, i) => wrap(h, i === 0 ? 15 : 12, i === 0 ? "bold" : "normal").map((content) => ({ content, size: i === 0 ? 15 : 12, weight: i === 0 ? "bold" : "normal" })));
  const footerLines = footer.flatMap((f) => wrap(f, 11));
  const top = PAD + headerLines.length * LINE + 8;

  // Legend entries flow in rows under the chart: a 12 px swatch, 6 px, the label (wrapped if it alone is too wide).
  const rows: { entry: LegendEntry; lines: string[]; x: number; y: number }[] = [];
  let x = PAD;
  let y = 0;
  let rowHeight = LINE;
  for (const entry of legend) {
    const lines = wrapText(entry.label, textWidth - 18, (s) => measure(s, 11));
    const w = 18 + Math.max(...lines.map((l) => measure(l, 11))) + 16;
    if (x + w > width - PAD && x > PAD) {
      x = PAD;
      y += rowHeight;
      rowHeight = LINE;
    }
    rows.push({ entry, lines, x, y });
    rowHeight = Math.max(rowHeight, lines.length * 14 + 4);
    x += w;
  }
  const legendHeight = legend.length ? y + rowHeight + 4 : 0;
  const height = top + chartHeight + 8 + legendHeight + footerLines.length * LINE + PAD;

  const clone = chart.cloneNode(true) as SVGSVGElement;
  for (const element of inlineStyles(chart, clone)) element.remove();
  clone.setAttribute("x", String(PAD));
  clone.setAttribute("y", String(top));
  clone.setAttribute("width", String(chartWidth));
  clone.setAttribute("height", String(chartHeight));
  // recharts draws in CSS px, so its viewBox shrinks with the cut; others keep their own.
  if (legendRoom > 0 || !clone.getAttribute("viewBox")) clone.setAttribute("viewBox", `0 0 ${chartWidth} ${chartHeight}`);
  clone.querySelectorAll("script, foreignObject").forEach((n) => n.remove());

  const line = (y: number, content: string, size: number, weight = "normal") =>
    `<text x="${PAD}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="${INK}">${escapeXml(content)}</text>`;
  const headerText = headerLines.map((h, i) => line(PAD + (i + 1) * LINE - 4, h.content, h.size, h.weight)).join("");
  const legendTop = top + chartHeight + 8;
  const legendText = rows
    .map(({ entry, lines, x: lx, y: ly }) => {
      const y0 = legendTop + ly;
      const fill = entry.colour === "hatch" ? `url(#${HATCH_ID})` : escapeXml(entry.colour);
      const labels = lines.map((l, i) => `<text x="${lx + 18}" y="${y0 + 13 + i * 14}" font-family="${FONT}" font-size="11" fill="${INK}">${escapeXml(l)}</text>`).join("");
      return `<rect x="${lx}" y="${y0 + 3}" width="12" height="12" fill="${fill}" stroke="#5b6670" stroke-width="0.5"/>${labels}`;
    })
    .join("");
  const footerTop = legendTop + legendHeight;
  const footerText = footerLines.map((f, i) => line(footerTop + (i + 1) * LINE - 4, f, 11)).join("");
  const body = new XMLSerializer().serializeToString(clone);
  const defs = legend.some((e) => e.colour === "hatch") ? HATCH_DEF : "";
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<title>${escapeXml(text.title)}</title>${defs}<rect width="100%" height="100%" fill="#ffffff"/>${headerText}${body}${legendText}${footerText}</svg>`;
  return { svg, width, height };
}
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    image.decoding = "sync";
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("the chart could not be drawn"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
