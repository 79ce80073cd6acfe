// The sitrep pack as a Word document (docx): the title and "data as of", the
// key figures, each chart as a picture with its figures in a table under it,
// its source line, and the sources with their addresses. Pictures are the
// app's own SVG charts (lib/domain/svg-chart.ts) rasterised by sharp (libvips),
// no browser; the map is a table of IDPs by region (its picture needs the map
// geometry and a browser).
import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import sharp from "sharp";
import { formatDate } from "../domain/format";
import type { PackChart, SnapshotContent } from "../api/snapshot-content";
import { plotSvg } from "./plot-svg";
import { asOfText, chartSourceText, keyFigureTexts, packTexts, tableCellText, type PackTexts } from "./sitrep-text";

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Pictures at 600 px wide in the page (96 dpi), rendered at twice that for print. */
const IMAGE_WIDTH = 600;

export async function sitrepDocx(content: SnapshotContent): Promise<Buffer> {
  const t = packTexts(content.locale);
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(t.snapshot("title", { name: content.name }))] }),
    new Paragraph({ children: [new TextRun({ text: asOfText(content.asOf, t), bold: true })] }),
    new Paragraph({ children: [new TextRun({ text: t.sitrep("generated", { date: formatDate(content.today, content.locale) }), color: "52606D" })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t.snapshot("keyFigures"))] }),
  ];
  if (content.keyFigures.length) {
    body.push(
      table(
        [t.sitrep("figure"), t.sitrep("value"), t.sitrep("period"), t.sitrep("source")],
        content.keyFigures.map((f) => {
          const x = keyFigureTexts(f, t);
          return [f.label, x.value, x.period, x.source];
        }),
        [1],
        // The citation is the longest text: give it the most room, in smaller type.
        { widths: [0.25, 0.15, 0.2, 0.4], smallLast: true },
      ),
    );
  } else body.push(new Paragraph(t.snapshot("none", { name: content.name })));

  for (const chart of content.charts) body.push(...(await chartSection(chart, t)));

  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t.snapshot("sources"))] }));
  for (const s of content.sources) {
    const cite = `${s.organisation}, ${s.title} (${formatDate(s.date, content.locale)})`;
    body.push(new Paragraph({ bullet: { level: 0 }, children: s.url ? [new TextRun(`${cite} — `), new ExternalHyperlink({ link: s.url, children: [new TextRun({ text: s.url, style: "Hyperlink" })] })] : [new TextRun(cite)] }));
  }

  const doc = new Document({
    creator: "Situation Room",
    title: t.snapshot("title", { name: content.name }),
    styles: { default: { document: { run: { font: "Arial", size: 20, language: { value: content.locale === "fr" ? "fr-FR" : "en-GB" } } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}

/** A chart's heading, picture, table of figures, source line and "data as of". */
async function chartSection(chart: PackChart, t: PackTexts): Promise<(Paragraph | Table)[]> {
  const out: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(chart.title)] })];
  if (chart.plot && chart.categories.length) {
    const { svg, width, height } = plotSvg(chart.plot);
    const png = await sharp(Buffer.from(svg), { density: 144 }).png().toBuffer();
    const title = t.sitrep("chartImage", { title: chart.title });
    out.push(new Paragraph({ children: [new ImageRun({ type: "png", data: png, transformation: { width: IMAGE_WIDTH, height: Math.round((height / width) * IMAGE_WIDTH) }, altText: { name: chart.id, title, description: title } })] }));
  }
  if (chart.table.rows.length) {
    const numeric = chart.table.columns.flatMap((c, i) => (c.unit ? [i] : []));
    out.push(
      table(
        chart.table.columns.map((c) => c.label),
        chart.table.rows.map((r) => chart.table.columns.map((c) => tableCellText(r[c.key], c, t))),
        numeric,
      ),
    );
  } else out.push(new Paragraph(t.sitrep("nothing")));
  if (chart.events.length) out.push(new Paragraph(t.sitrep("events", { list: chart.events.map((e) => e.label).join(" · ") })));
  out.push(new Paragraph({ children: [new TextRun({ text: chartSourceText(chart, t), size: 16, color: "52606D" })] }));
  out.push(new Paragraph({ children: [new TextRun({ text: asOfText(chart.asOf, t), size: 16, color: "52606D" })] }));
  return out;
}

/** The text width of an A4 page with docx's default margins (1 in each side), in twips. */
const TEXT_WIDTH = 11906 - 2 * 1440;

function table(head: string[], rows: string[][], rightAligned: number[], layout: { widths?: number[]; smallLast?: boolean } = {}): Table {
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: "E3E7EC" } : undefined,
      ...(layout.widths ? { width: { size: Math.round(layout.widths[i]! * TEXT_WIDTH), type: WidthType.DXA } } : {}),
      children: [
        new Paragraph({
          alignment: rightAligned.includes(i) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header, ...(layout.smallLast && !header && i === head.length - 1 ? { size: 16 } : {}) })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(layout.widths ? { columnWidths: layout.widths.map((w) => Math.round(w * TEXT_WIDTH)) } : {}),
    rows: [new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, i, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) }))],
  });
}
