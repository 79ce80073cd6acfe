// A PlotSpec (lib/domain/svg-chart.ts, the overview's and snapshot's light
// charts) as a standalone SVG document, for a picture made on the server
// without a browser (the Word pack): the same geometry as
// components/charts/svg-chart.tsx draws, with its legend inside the picture
// and no hover state.
import type { PlotSpec } from "../domain/svg-chart";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const TICK = 'font-family="DejaVu Sans, Arial, sans-serif" font-size="11" fill="#52606d"';
const LEGEND_ROW = 22;

export function plotSvg(spec: PlotSpec): { svg: string; width: number; height: number } {
  const { plot } = spec;
  const legendHeight = spec.legend.length ? LEGEND_ROW + 6 : 0;
  const height = spec.height + legendHeight;
  const parts: string[] = [`<rect width="${spec.width}" height="${height}" fill="#ffffff"/>`];
  for (const t of spec.yTicks) {
    parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${t.y}" y2="${t.y}" stroke="#e3e7ec"/>`);
    parts.push(`<text x="${plot.left - 6}" y="${t.y + 4}" text-anchor="end" ${TICK}>${escape(t.label)}</text>`);
  }
  for (const t of spec.y2Ticks) parts.push(`<text x="${plot.right + 6}" y="${t.y + 4}" ${TICK}>${escape(t.label)}</text>`);
  for (const t of spec.xTicks) parts.push(`<text x="${t.x}" y="${plot.bottom + 18}" text-anchor="middle" ${TICK}>${escape(t.label)}</text>`);
  parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="#8a96a3"/>`);
  for (const b of spec.bars) parts.push(`<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="${b.colour}"/>`);
  spec.lines.forEach((l, i) => {
    parts.push(
      `<marker id="dot-${i}" viewBox="0 0 8 8" refX="4" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse"><circle cx="4" cy="4" r="3" fill="#fff" stroke="${l.colour}" stroke-width="1.5"/></marker>`,
      `<path d="${l.path}" fill="none" stroke="${l.colour}" stroke-width="2"${l.dashed ? ' stroke-dasharray="6 4"' : ""} marker-start="url(#dot-${i})" marker-mid="url(#dot-${i})" marker-end="url(#dot-${i})"/>`,
    );
  });
  // The legend under the plot, left to right, in the series' own colours.
  let x = plot.left;
  const y = spec.height + 8;
  for (const l of spec.legend) {
    parts.push(
      l.kind === "bar"
        ? `<rect x="${x}" y="${y + 2}" width="18" height="10" fill="${l.colour}"/>`
        : `<line x1="${x}" x2="${x + 18}" y1="${y + 7}" y2="${y + 7}" stroke="${l.colour}" stroke-width="2"${l.dashed ? ' stroke-dasharray="5 3"' : ""}/>`,
      `<text x="${x + 24}" y="${y + 11}" ${TICK}>${escape(l.label)}</text>`,
    );
    x += 24 + l.label.length * 7 + 18;
  }
  return { svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${height}" viewBox="0 0 ${spec.width} ${height}">${parts.join("")}</svg>`, width: spec.width, height };
}
