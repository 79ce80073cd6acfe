"use client";
// Every chart sits in a <figure>: a <figcaption> title, the chart at a fixed
// height, a "Table" button that swaps in a <table> with the same numbers, and
// the source line with the datasets drawn and the "data as of" date under it.
import { useId, useRef, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDate, formatValue, type UnitCode } from "@/lib/domain/format";
import { sign } from "@/lib/domain/typography";
import type { SourceSummary } from "@/lib/domain/sources";
import { eventDates, type EventMarker } from "@/lib/domain/events";
import { ExportMenu } from "./export-menu";
import { SourceLink } from "@/components/layout/source-link";
import { Freshness, type FreshnessProps } from "@/components/dashboard/freshness";

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
  /** The events the chart marks, listed under its table (numbered as on the chart). */
  events?: EventMarker[];
}

export interface ChartMeta {
  title: string;
  unit: UnitCode;
  /** One entry per organisation (lib/domain/sources.ts). */
  sources: SourceSummary[];
  /** The latest date the numbers describe, never after their publication nor today (asOfDate). */
  asOf: string | null;
  /**
   * The datasets' names: those the chart draws (a line never joins two) and
   * those its comparison lines show. Said under the chart and in its exports.
   */
  datasets?: { drawn: string[]; compared: string[] };
  /** How fresh each drawn dataset is for what the chart shows. */
  freshness?: FreshnessProps[];
  note?: string;
}

export function ChartFigure({
  meta,
  table,
  height = 300,
  children,
  id,
  actions,
  footer,
}: {
  meta: ChartMeta;
  table: TableSpec;
  height?: number;
  children: ReactNode;
  id?: string;
  /** More buttons beside "Table" (the comparison toggle). */
  actions?: ReactNode;
  /** Under the source line (links to the compare page). */
  footer?: ReactNode;
}) {
  const [showTable, setShowTable] = useState(false);
  const t = useTranslations("charts");
  const locale = useLocale();
  const captionId = useId();
  const empty = table.rows.length === 0;
  const figure = useRef<HTMLElement>(null);
  const source = useRef<HTMLParagraphElement>(null);
  return (
    <figure className="chart card" aria-labelledby={captionId} data-chart={id} ref={figure}>
      <div className="chart-head">
        <figcaption id={captionId}>{meta.title}</figcaption>
        <div className="chart-actions">
          {actions}
          <button type="button" className="chart-toggle" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)} disabled={empty}>
            {t("table")}
          </button>
          <ExportMenu figure={figure} meta={meta} table={table} chartId={id ?? meta.title} sourceText={() => source.current?.querySelector(".source-orgs")?.textContent?.trim() ?? ""} />
        </div>
      </div>
      {empty ? (
        <p className="chart-empty" style={{ minHeight: height }}>
          {t("noData")}
        </p>
      ) : showTable ? (
        <div className="chart-table" style={{ minHeight: height }}>
          <DataTable table={table} locale={locale} noData={t("noData")} caption={meta.title} />
          {!!table.events?.length && <EventsList events={table.events} locale={locale} />}
        </div>
      ) : (
        <div className="chart-body" style={{ height }}>
          {children}
        </div>
      )}
      <p className="chart-source" ref={source}>
        {meta.sources.length > 0 && (
          <span className="source-orgs">
            {t("source")}
            {sign(":", locale)}{" "}
            {meta.sources.map((s, i) => (
              <span key={s.organisation}>
                {i > 0 && `${sign(";", locale)} `}
                <SourceLink url={s.url} title={s.title}>
                  {s.organisation}
                </SourceLink>{" "}
                ({s.count > 1 ? t("sourcesUpTo", { count: s.count, date: formatDate(s.date, locale) }) : formatDate(s.date, locale)})
              </span>
            ))}
            .{" "}
            {!!meta.datasets?.drawn.length && (
              <span className="source-datasets">
                {t("datasets", { count: meta.datasets.drawn.length, names: meta.datasets.drawn.join("; ") })}
                {meta.datasets.compared.length > 0 && <>; {t("comparedWith", { names: meta.datasets.compared.join("; ") })}</>}.{" "}
              </span>
            )}
            {!!meta.freshness?.length && (
              <span className="source-freshness">
                {meta.freshness.map((f) => (
                  <Freshness key={f.datasetName} {...f} />
                ))}{" "}
              </span>
            )}
          </span>
        )}
        {meta.asOf && (
          <span className="as-of" data-as-of={meta.asOf}>
            {t("asOf")} {formatDate(meta.asOf, locale)}.
          </span>
        )}
        {meta.note && <span> {meta.note}</span>}
      </p>
      {footer}
    </figure>
  );
}

/** The chart's events, numbered as their markers, each with its dates and a link to its source. */
function EventsList({ events, locale }: { events: EventMarker[]; locale: string }) {
  const t = useTranslations("charts");
  const headingId = useId();
  return (
    <section className="chart-events" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("eventsCaption")}</h3>
      <ol>
        {events.map((e) => (
          <li key={e.id} data-event-id={e.id}>
            {t("eventItem", { date: eventDates(e, locale), title: e.title })} (<SourceLink url={e.sourceUrl}>{hostOf(e.sourceUrl)}</SourceLink>)
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A source address shown short: its host. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
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
