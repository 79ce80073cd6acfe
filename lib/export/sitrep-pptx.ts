// The sitrep pack as a PowerPoint deck (pptxgenjs): a title slide, the key
// figures, one slide per chart and the sources. Each chart is a native
// PowerPoint chart with its data (an embedded workbook), so an analyst can
// restyle or edit it; the series keep the app's names and colours.
import PptxGenJS from "pptxgenjs";
import { formatDate } from "../domain/format";
import type { PackChart, PackEvent, SnapshotContent } from "../api/snapshot-content";
import { asOfText, chartSourceText, keyFigureTexts, packTexts, type PackTexts } from "./sitrep-text";

export const PPTX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

const FONT = "Arial";
const INK = "1F2933";
const MUTED = "52606D";

export async function sitrepPptx(content: SnapshotContent): Promise<Buffer> {
  const t = packTexts(content.locale);
  const lang = content.locale === "fr" ? "fr-FR" : "en-GB";
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_16x9"; // 10 × 5.625 in
  pptx.title = t.snapshot("title", { name: content.name });
  pptx.company = "Situation Room";
  const text = { fontFace: FONT, color: INK, lang } as const;

  // Title: place, date made, "data as of".
  const title = pptx.addSlide();
  title.addText(t.snapshot("title", { name: content.name }), { ...text, x: 0.6, y: 1.6, w: 8.8, h: 1.2, fontSize: 32, bold: true });
  title.addText(asOfText(content.asOf, t), { ...text, x: 0.6, y: 2.9, w: 8.8, h: 0.5, fontSize: 18 });
  title.addText(t.sitrep("generated", { date: formatDate(content.today, content.locale) }), { ...text, x: 0.6, y: 3.5, w: 8.8, h: 0.4, fontSize: 12, color: MUTED });

  // Key figures: each value with its period, dataset and source.
  const figures = pptx.addSlide();
  figures.addText(t.snapshot("keyFigures"), { ...text, x: 0.4, y: 0.25, w: 9.2, h: 0.6, fontSize: 24, bold: true });
  const head = [t.sitrep("figure"), t.sitrep("value"), t.sitrep("period"), t.sitrep("source")].map((h) => ({ text: h, options: { bold: true, fill: { color: "E3E7EC" } } }));
  const rows = content.keyFigures.map((f) => {
    const x = keyFigureTexts(f, t);
    return [{ text: f.label }, { text: x.value, options: { bold: true, align: "right" as const } }, { text: x.period }, { text: x.source, options: { fontSize: 8, color: MUTED } }];
  });
  if (rows.length) figures.addTable([head, ...rows], { ...text, x: 0.4, y: 1.0, w: 9.2, colW: [2.4, 1.5, 1.9, 3.4], fontSize: 10, border: { type: "solid", pt: 0.5, color: "C5CDD6" }, autoPage: true });
  else figures.addText(t.snapshot("none", { name: content.name }), { ...text, x: 0.4, y: 1.0, w: 9.2, h: 0.5, fontSize: 14 });
  figures.addText(asOfText(content.asOf, t), { ...text, x: 0.4, y: 5.05, w: 9.2, h: 0.35, fontSize: 9, color: MUTED });

  for (const chart of content.charts) chartSlide(pptx, chart, t, lang, chart.events);

  // Sources, with their addresses.
  const sources = pptx.addSlide();
  sources.addText(t.snapshot("sources"), { ...text, x: 0.4, y: 0.25, w: 9.2, h: 0.6, fontSize: 24, bold: true });
  sources.addText(
    content.sources.map((s) => ({
      text: `${s.organisation}, ${s.title} (${formatDate(s.date, content.locale)})${s.url ? ` — ${s.url}` : ""}`,
      options: { breakLine: true, bullet: true, ...(s.url ? { hyperlink: { url: s.url } } : {}) },
    })),
    { ...text, x: 0.4, y: 1.0, w: 9.2, h: 4.2, fontSize: 11, valign: "top", fit: "shrink" },
  );

  return (await pptx.write({ outputType: "nodebuffer" })) as Buffer;
}

/**
 * One chart on its slide: title, the native chart, its source line and "data as of".
 * `events` (dated markers, from the events feature) are listed under the chart.
 */
export function chartSlide(pptx: PptxGenJS, chart: PackChart, t: PackTexts, lang: string, events: PackEvent[] = []): void {
  const slide = pptx.addSlide();
  const text = { fontFace: FONT, color: INK, lang } as const;
  slide.addText(chart.title, { ...text, x: 0.4, y: 0.2, w: 9.2, h: 0.6, fontSize: 20, bold: true });
  const categories = chart.kind === "line" ? chart.categories.map((d) => formatDate(d, t.locale)) : chart.categories;
  if (categories.length) {
    const data = chart.series.map((s) => ({ name: s.label, labels: categories, values: s.values as number[] }));
    const hex = (colour: string) => colour.replace("#", "");
    const horizontal = chart.id === "map";
    const type = chart.kind === "line" ? pptx.ChartType.line : pptx.ChartType.bar;
    const options: PptxGenJS.IChartOpts = {
      x: 0.4,
      y: 0.85,
      w: 9.2,
      h: events.length ? 3.5 : 3.85,
      chartColors: chart.series.map((s) => hex(s.colour)),
      showLegend: chart.series.length > 1,
      legendPos: "b",
      legendFontFace: FONT,
      legendFontSize: 10,
      barDir: horizontal ? "bar" : "col",
      barGrouping: chart.stacked ? "stacked" : "clustered",
      // Largest region on top, as a ranking reads (pptxgenjs writes the value as given; its type knows only minMax).
      catAxisOrientation: (horizontal ? "maxMin" : "minMax") as "minMax",
      // A series joins its own observations across the other series' dates (as in the app).
      displayBlanksAs: "span",
      lineSize: 2,
      lineDataSymbol: "circle",
      lineDataSymbolSize: 5,
      catAxisLabelFontFace: FONT,
      catAxisLabelFontSize: 9,
      valAxisLabelFontFace: FONT,
      valAxisLabelFontSize: 9,
      valAxisLabelFormatCode: chart.unit === "usd" ? (t.locale === "fr" ? '#,##0" $ US"' : '"$"#,##0') : "#,##0",
      catAxisLabelRotate: chart.kind === "line" && categories.length > 12 ? -45 : 0,
    };
    if (chart.kind === "line" && chart.series.some((s) => s.dashed)) {
      // pptxgenjs dashes a whole chart: a dashed series (CH projected, as in the app) is a line chart of its own on the same axes.
      const lines: PptxGenJS.IChartMulti[] = chart.series.map((s, i) => ({ type: "line", data: [data[i]!], options: { chartColors: [hex(s.colour)], lineDash: s.dashed ? ("dash" as const) : ("solid" as const) } }));
      // With several chart types pptxgenjs takes the shared options in place of the data.
      slide.addChart(lines, options as unknown as []);
    } else slide.addChart(type, data, options);
  } else slide.addText(t.sitrep("nothing"), { ...text, x: 0.4, y: 2.3, w: 9.2, h: 0.6, fontSize: 14, align: "center" });
  if (events.length) {
    const list = events.map((e) => e.label).join(" · ");
    slide.addText(t.sitrep("events", { list }), { ...text, x: 0.4, y: 4.4, w: 9.2, h: 0.35, fontSize: 9 });
  }
  slide.addText(chartSourceText(chart, t), { ...text, x: 0.4, y: 4.75, w: 9.2, h: 0.45, fontSize: 9, color: MUTED, valign: "top", fit: "shrink" });
  slide.addText(asOfText(chart.asOf, t), { ...text, x: 0.4, y: 5.2, w: 9.2, h: 0.3, fontSize: 9, color: MUTED });
}
