"use client";
// The "Export" button of every chart and the map: a menu with PNG, SVG, CSV
// and "Copy chart" (the PNG on the clipboard, where the browser allows it;
// otherwise it says so). Pictures carry the title, unit, active filters, source, "data as of",
// the product name and the export date (lib/export/chart-export.ts).
import { useCallback, useEffect, useId, useRef, useState, type RefObject } from "react";
import { useDismiss } from "@/components/layout/use-dismiss";
import { useLocale, useTranslations } from "next-intl";
import { chartCsv, chartFileName, filtersLine, PRODUCT_NAME } from "@/lib/export/chart-export";
import { formatDate } from "@/lib/domain/format";
import { EXCEL_FR, STANDARD_CSV } from "@/lib/export/csv";
import { download } from "@/lib/export/save-file";
import type { ChartMeta, TableSpec } from "./chart-figure";

type Format = "png" | "svg" | "csv" | "csvExcelFr" | "copy";

const LABELS = { png: "exportPng", svg: "exportSvg", csv: "exportCsv", csvExcelFr: "exportCsvExcelFr", copy: "copyChart" } as const;

export function ExportMenu({ figure, meta, table, chartId, sourceText }: { figure: RefObject<HTMLElement | null>; meta: ChartMeta; table: TableSpec; chartId: string; sourceText: () => string }) {
  const t = useTranslations("charts");
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const menuId = useId();
  const menu = useRef<HTMLUListElement>(null);

  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>("button")?.focus();
  }, [open]);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close);

  /** The chart as a finished SVG (lib/export/chart-image.ts). */
  async function picture() {
    const { buildChartSvg, legendOf } = await import("@/lib/export/chart-image");
    const svgs = [...(figure.current?.querySelectorAll<SVGSVGElement>(".chart-body svg") ?? [])];
    const chart = svgs.sort((a, b) => area(b) - area(a))[0];
    if (!chart) throw new Error(t("noData"));
    const today = new Date().toISOString().slice(0, 10);
    return buildChartSvg(chart, {
      title: meta.title,
      unit: t(`units.${meta.unit}`),
      filters: filtersLine(window.location.search, { filters: t("filters") }, locale),
      source: sourceText(),
      asOf: meta.asOf ? `${t("asOf")} ${formatDate(meta.asOf, locale)}` : "",
      credit: t("exportedOn", { product: PRODUCT_NAME, date: today }),
    }, legendOf(figure.current!));
  }

  async function png(): Promise<Blob> {
    const { svgToPng } = await import("@/lib/export/chart-image");
    const built = await picture();
    return svgToPng(built.svg, built.width, built.height);
  }

  /**
   * The PNG on the clipboard. The ClipboardItem is made at once with the
   * PNG still to come, so the click's user activation still holds (Safari).
   */
  async function copy() {
    if (typeof ClipboardItem === "undefined" || !navigator.clipboard?.write) {
      setStatus(t("copyUnsupported"));
      return;
    }
    try {
      await navigator.clipboard.write([new ClipboardItem({ "image/png": png() })]);
      setStatus(t("copied"));
    } catch {
      setStatus(t("copyRefused"));
    }
  }

  async function run(format: Format) {
    setOpen(false);
    setError(null);
    setStatus(null);
    if (format === "copy") return copy();
    const today = new Date().toISOString().slice(0, 10);
    const name = chartFileName(chartId, meta.asOf, today, format === "csvExcelFr" ? "excel-fr.csv" : format);
    try {
      if (format === "csv" || format === "csvExcelFr") {
        download(new Blob([chartCsv(table.columns, table.rows, format === "csv" ? STANDARD_CSV : EXCEL_FR)], { type: "text/csv;charset=utf-8" }), name);
        return;
      }
      const blob = format === "svg" ? new Blob([(await picture()).svg], { type: "image/svg+xml;charset=utf-8" }) : await png();
      download(blob, name);
    } catch (e) {
      setError(t("exportFailed", { reason: (e as Error).message }));
    }
  }

  return (
    <div className="export-menu" ref={root}>
      <button type="button" className="chart-toggle" aria-haspopup="menu" aria-expanded={open} aria-controls={open ? menuId : undefined} onClick={() => setOpen((v) => !v)}>
        {t("export")}
      </button>
      {open && (
        <ul role="menu" id={menuId} ref={menu} aria-label={t("exportMenu", { title: meta.title })} className="menu">
          {(["png", "svg", "csv", "csvExcelFr", "copy"] as const).map((f) => (
            <li role="none" key={f}>
              <button type="button" role="menuitem" onClick={() => void run(f)} disabled={f !== "csv" && f !== "csvExcelFr" && table.rows.length === 0}>
                {t(LABELS[f])}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <p role="status" className="export-status">
        {status}
      </p>
    </div>
  );
}

function area(svg: SVGSVGElement): number {
  const box = svg.getBoundingClientRect();
  return box.width * box.height;
}
