"use client";
// Every chart sits in a <figure>: a <figcaption> title, the chart at a fixed
// height, a "Table" button that swaps in a <table> with the same numbers, and
// the source line with the "data as of" date under it.
import { useId, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDate, formatValue, type UnitCode } from "@/lib/domain/format";
import type { SourceDto } from "@/lib/data/figures";

export interface TableColumn {
  key: string;
  label: string;
  /** Unit of the column's numbers; absent for label columns. */
  unit?: UnitCode;
  /** A YYYY-MM-DD column, formatted for the reader's locale. */
  date?: boolean;
}

export interface TableSpec {
  columns: TableColumn[];
  rows: Record<string, string | number | null>[];
}

export interface ChartMeta {
  title: string;
  unit: UnitCode;
  sources: SourceDto[];
  /** The latest date the numbers describe. */
  asOf: string | null;
  note?: string;
}

export function ChartFigure({ meta, table, height = 300, children, id }: { meta: ChartMeta; table: TableSpec; height?: number; children: ReactNode; id?: string }) {
  const [showTable, setShowTable] = useState(false);
  const t = useTranslations("charts");
  const locale = useLocale();
  const captionId = useId();
  const empty = table.rows.length === 0;
  return (
    <figure className="chart card" aria-labelledby={captionId} data-chart={id}>
      <div className="chart-head">
        <figcaption id={captionId}>{meta.title}</figcaption>
        <button type="button" className="chart-toggle" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)} disabled={empty}>
          {t("table")}
        </button>
      </div>
      {empty ? (
        <p className="chart-empty" style={{ minHeight: height }}>
          {t("noData")}
        </p>
      ) : showTable ? (
        <div className="chart-table" style={{ minHeight: height }}>
          <DataTable table={table} locale={locale} noData={t("noData")} caption={meta.title} />
        </div>
      ) : (
        <div className="chart-body" style={{ height }}>
          {children}
        </div>
      )}
      <p className="chart-source">
        {meta.sources.length > 0 && (
          <>
            {t("source")}:{" "}
            {bySource(meta.sources).map((g, i) => (
              <span key={g.latest.organisation}>
                {i > 0 && "; "}
                <a href={g.latest.url} rel="noreferrer" title={g.titles}>
                  {g.latest.organisation}
                </a>{" "}
                ({g.count > 1 ? t("sourcesUpTo", { count: g.count, date: formatDate(g.latest.date, locale) }) : formatDate(g.latest.date, locale)})
              </span>
            ))}
            .{" "}
          </>
        )}
        {meta.asOf && (
          <span className="as-of">
            {t("asOf")} {formatDate(meta.asOf, locale)}.
          </span>
        )}
        {meta.note && <span> {meta.note}</span>}
      </p>
    </figure>
  );
}

/** One entry per organisation: its latest publication, and how many were used. */
function bySource(sources: SourceDto[]): { latest: SourceDto; count: number; titles: string }[] {
  const groups = new Map<string, SourceDto[]>();
  for (const s of sources) groups.set(s.organisation, [...(groups.get(s.organisation) ?? []), s]);
  return [...groups.values()].map((list) => {
    const sorted = [...list].sort((a, b) => b.date.localeCompare(a.date));
    return { latest: sorted[0]!, count: list.length, titles: sorted.map((s) => `${s.title} (${s.date})`).join("\n") };
  });
}

function DataTable({ table, locale, noData, caption }: { table: TableSpec; locale: string; noData: string; caption: string }) {
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.key} scope="col" className={c.unit ? "num" : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr key={i}>
            {table.columns.map((c, j) => {
              const v = row[c.key];
              const text = v === null || v === undefined ? noData : c.unit && typeof v === "number" ? formatValue(v, c.unit, locale) : c.date ? formatDate(String(v), locale) : String(v);
              return j === 0 ? (
                <th key={c.key} scope="row">
                  {text}
                </th>
              ) : (
                <td key={c.key} className={c.unit ? "num" : undefined} data-value={typeof v === "number" ? v : ""}>
                  {text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
