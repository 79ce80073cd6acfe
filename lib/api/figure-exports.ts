// GET /api/v1/figures.csv, .excel-fr.csv, .xlsx and .hxl.csv: the figures the JSON API would
// return for the same filters, as files, streamed in keyset pages: CSV and
// HXL of any size, XLSX up to the rows one Excel sheet holds.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { getLocale } from "next-intl/server";
import { NextResponse } from "next/server";
import { recordReadAudit } from "../data/audit";
import { countFigures, exportShape, listFigures, streamFigures, type FigureDto } from "../data/figures";
import { indicatorIndex, regionIndex } from "../data/reference";
import type { SessionUser } from "../data/users";
import { csvLine, EXCEL_FR, STANDARD_CSV, UTF8_BOM } from "../export/csv";
import { textStream } from "../export/text-stream";
import { exportFileName, FIGURE_COLUMNS, figureRow, hxlHeader, hxlRow, hxlValueColumns, type ExportNames } from "../export/figure-table";
import type { FiguresQuery } from "../validation/figures-query";
import { checkedFiguresQuery, filtersOf } from "./figures-endpoint";
import { withExportSlot } from "./export-gate";
import { publishedOnly, visibilityFor, type Visibility } from "../auth/visibility";
import { jsonError, withApi } from "./respond";

/** csv-excel-fr: the CSV in French Excel's dialect (lib/export/csv.ts), same rows and columns. */
export type ExportFormat = "csv" | "csv-excel-fr" | "xlsx" | "hxl";
/** One sheet's rows in Excel, less the header row: beyond, the file would not open whole. */
export const XLSX_MAX_ROWS = 1_048_575;

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  "csv-excel-fr": "text/csv; charset=utf-8",
  hxl: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
const EXTENSION: Record<ExportFormat, string> = { csv: "csv", "csv-excel-fr": "excel-fr.csv", hxl: "hxl.csv", xlsx: "xlsx" };

/** The figures in order: one page when limit or offset is given (as the JSON API), else all of them. */
async function* figuresFor(v: Visibility, query: FiguresQuery, paged: boolean): AsyncGenerator<FigureDto[]> {
  if (paged) yield (await listFigures(v, query)).data;
  else yield* streamFigures(v, query);
}

async function exportNames(lang: "en" | "fr"): Promise<ExportNames> {
  const [regions, indicators] = await Promise.all([regionIndex(), indicatorIndex()]);
  return { regions, indicators, lang };
}

/** The route handler of one format: any signed-in role, in one of the user's export slots; names in the user's language. */
export function figureExportRoute(format: ExportFormat) {
  return withApi("exports:read", async (request, { user }) => {
    const lang = (await getLocale()) === "fr" ? "fr" : "en";
    return withExportSlot(user.id, () => exportFigures(format, new URL(request.url).searchParams, user, lang));
  });
}

export async function exportFigures(format: ExportFormat, params: URLSearchParams, user: SessionUser, lang: "en" | "fr" = "en"): Promise<Response> {
  const checked = await checkedFiguresQuery(params);
  if (!checked.ok) return NextResponse.json(checked.body, { status: 400 });
  const { query } = checked;
  // What leaves the app is published, always; within the user's read scope.
  const v = publishedOnly(visibilityFor(user));
  const paged = params.has("limit") || params.has("offset");
  const filters = filtersOf(query);
  const names = await exportNames(lang);
  const fileName = exportFileName(filters, EXTENSION[format]);

  let body: ReadableStream<Uint8Array>;
  let rows: number | null = null;
  if (format === "csv" || format === "csv-excel-fr") {
    const dialect = format === "csv" ? STANDARD_CSV : EXCEL_FR;
    body = textStream(
      (async function* () {
        yield UTF8_BOM + csvLine(FIGURE_COLUMNS.map((c) => c.header), dialect);
        for await (const page of figuresFor(v, query, paged)) yield page.map((f) => csvLine(figureRow(f, names), dialect)).join("");
      })(),
    );
  } else if (format === "hxl") {
    const shape = await exportShape(v, query);
    if (shape.levels.length > 1) {
      return jsonError(400, "mixed_levels", "An HXL file holds one administrative level: filter by regions of one level (e.g. region=ML05,ML06) or by the country (region=ML)");
    }
    const values = hxlValueColumns(shape.combos, names);
    const { headers, tags } = hxlHeader((shape.levels[0] ?? 1) as 0 | 1 | 2, values);
    body = textStream(
      (async function* () {
        yield UTF8_BOM + csvLine(headers) + csvLine(tags);
        for await (const page of figuresFor(v, query, paged)) yield page.map((f) => csvLine(hxlRow(f, values, names))).join("");
      })(),
    );
  } else {
    const count = await countFigures(v, query);
    const total = paged ? Math.max(0, Math.min(query.limit, count - query.offset)) : count;
    if (total > XLSX_MAX_ROWS) return jsonError(413, "too_many_rows", `${total} figures match: an XLSX export holds at most ${XLSX_MAX_ROWS}; narrow the filters or export CSV`);
    body = workbook(v, query, paged, names);
    rows = total;
  }
  await recordReadAudit({ userId: user.id, action: `export.${format.replaceAll("-", "_")}`, entity: "figures", after: { filters, ...(paged ? { limit: query.limit, offset: query.offset } : {}), ...(rows !== null ? { rows } : {}) } });
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPE[format],
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}

/**
 * Typed numbers and dates on a "Figures" sheet, and a "Sources" sheet listing
 * each source once, written row by row into the response as the pages arrive
 * (exceljs's streaming writer: memory stays flat whatever the size).
 */
function workbook(v: Visibility, query: FiguresQuery, paged: boolean, names: ExportNames): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = "Situation Room";
  book.created = new Date();
  const write = async () => {
    const sheet = book.addWorksheet("Figures", { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = FIGURE_COLUMNS.map((c) => ({ header: c.header, key: c.header, width: c.kind === "date" ? 12 : c.header === "value" ? 16 : 20, style: c.kind === "date" ? { numFmt: "yyyy-mm-dd" } : c.header === "value" ? { numFmt: "#,##0.####" } : {} }));
    sheet.getRow(1).font = { bold: true };
    const sources = new Map<string, FigureDto["source"] & { dataset: string; figures: number }>();
    for await (const page of figuresFor(v, query, paged)) {
      for (const f of page) {
        const cells = figureRow(f, names).map((v, i) => (FIGURE_COLUMNS[i]!.kind === "date" && typeof v === "string" ? new Date(`${v}T00:00:00Z`) : v));
        sheet.addRow(cells).commit();
        const key = JSON.stringify([f.dataset.code, f.source]);
        const s = sources.get(key) ?? { ...f.source, dataset: f.dataset.code, figures: 0 };
        s.figures += 1;
        sources.set(key, s);
      }
    }
    sheet.commit();
    const list = book.addWorksheet("Sources");
    list.columns = [
      { header: "dataset", key: "dataset", width: 20 },
      { header: "organisation", key: "organisation", width: 36 },
      { header: "title", key: "title", width: 60 },
      { header: "url", key: "url", width: 50 },
      { header: "date", key: "date", width: 12, style: { numFmt: "yyyy-mm-dd" } },
      { header: "figures", key: "figures", width: 10 },
    ];
    list.getRow(1).font = { bold: true };
    for (const s of sources.values()) list.addRow({ ...s, date: new Date(`${s.date}T00:00:00Z`) }).commit();
    list.commit();
    await book.commit();
  };
  write().catch((error: unknown) => {
    // The headers are gone: all a failure can do now is cut the file short, which a spreadsheet refuses to open.
    console.error("xlsx export failed", error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
