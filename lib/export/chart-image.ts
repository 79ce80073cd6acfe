// Browser only: a chart's <svg> as a finished, self-contained picture. The
// clone gets every style it needs inlined (no stylesheet, no web font: the
// system sans-serif), a white background, and the export's header and footer
// lines; PNG is that SVG drawn on a canvas at twice the pixel density.
import { exportLines, type ExportText } from "./chart-export";

const STYLE_PROPERTIES = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "opacity", "font-size", "font-weight", "text-anchor", "dominant-baseline", "visibility"] as const;
const FONT = "Arial, Helvetica, sans-serif";
const LINE = 18;
const PAD = 16;
/** At least 600 CSS px wide, so the 2× PNG is at least 1200 px. */
export const MIN_WIDTH = 600;

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(";");
  target.setAttribute("style", `${style};font-family:${FONT}`);
  target.removeAttribute("class");
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length; i++) inlineStyles(from[i]!, to[i]!);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

export interface LegendEntry {
  label: string;
  colour: string;
}

const LEGEND_ITEMS = ".recharts-legend-item, .svg-legend li, .map-legend li";

function visibleColour(element: Element): string | null {
  const style = getComputedStyle(element);
  for (const value of [style.backgroundColor, style.fill, style.stroke]) {
    if (value && value !== "none" && !/^rgba\(0, 0, 0, 0\)$|^transparent$/.test(value)) return value;
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
    const swatch = [...item.querySelectorAll("*")].find((el) => !el.matches(".legend-label, .recharts-legend-item-text") && visibleColour(el));
    return label ? [{ label, colour: (swatch && visibleColour(swatch)) ?? "#1b2631" }] : [];
  });
}

/** The finished SVG document and its size in CSS pixels. */
export function buildChartSvg(chart: SVGSVGElement, text: ExportText, legend: LegendEntry[] = []): { svg: string; width: number; height: number } {
  const box = chart.getBoundingClientRect();
  const chartWidth = Math.max(1, Math.round(box.width));
  const chartHeight = Math.max(1, Math.round(box.height));
  const width = Math.max(MIN_WIDTH, chartWidth + 2 * PAD);
  const { header, footer } = exportLines(text);
  const top = PAD + header.length * LINE + 8;
  // Legend entries flow in rows under the chart (about 7 px per character at 11 px).
  const rows: { entry: LegendEntry; x: number; row: number }[] = [];
  let x = PAD;
  let row = 0;
  for (const entry of legend) {
    const w = 18 + entry.label.length * 6.5 + 16;
    if (x + w > width - PAD && x > PAD) {
      x = PAD;
      row += 1;
    }
    rows.push({ entry, x, row });
    x += w;
  }
  const legendHeight = legend.length ? (row + 1) * LINE + 4 : 0;
  const height = top + chartHeight + 8 + legendHeight + footer.length * LINE + PAD;

  const clone = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart, clone);
  clone.setAttribute("x", String(PAD));
  clone.setAttribute("y", String(top));
  clone.setAttribute("width", String(chartWidth));
  clone.setAttribute("height", String(chartHeight));
  if (!clone.getAttribute("viewBox")) clone.setAttribute("viewBox", `0 0 ${chartWidth} ${chartHeight}`);
  clone.querySelectorAll("script, foreignObject").forEach((n) => n.remove());

  const line = (y: number, content: string, size: number, weight = "normal") =>
    `<text x="${PAD}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="#1b2631">${escapeXml(content)}</text>`;
  const headerText = header.map((h, i) => line(PAD + (i + 1) * LINE - 4, h, i === 0 ? 15 : 12, i === 0 ? "bold" : "normal")).join("");
  const legendTop = top + chartHeight + 8;
  const legendText = rows
    .map(({ entry, x: lx, row: r }) => {
      const y = legendTop + r * LINE;
      return `<rect x="${lx}" y="${y + 3}" width="12" height="12" fill="${escapeXml(entry.colour)}" stroke="#5b6670" stroke-width="0.5"/><text x="${lx + 18}" y="${y + 13}" font-family="${FONT}" font-size="11" fill="#1b2631">${escapeXml(entry.label)}</text>`;
    })
    .join("");
  const footerTop = legendTop + legendHeight;
  const footerText = footer.map((f, i) => line(footerTop + (i + 1) * LINE - 4, f, 11)).join("");
  const body = new XMLSerializer().serializeToString(clone);
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<title>${escapeXml(text.title)}</title><rect width="100%" height="100%" fill="#ffffff"/>${headerText}${body}${legendText}${footerText}</svg>`;
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
