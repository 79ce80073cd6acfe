// The compare table: one row per date, a value column per dataset (preferred
// first) and, after each other dataset's values, their difference from the
// preferred dataset (absolute and %). Each dataset's header names it, its
// publisher, its kind and how fresh it is here, and links to it. Each value
// links to its note and source, listed under the table (a notes column made
// every row five lines tall and the table twice the page's width); the note
// is also the value's tooltip.
import { getLocale, getTranslations } from "next-intl/server";
import type { CompareDataset, CompareView } from "@/lib/data/compare";
import { formatDifference, shortName, type CompareCell } from "@/lib/domain/compare";
import { formatDate, formatPeriod, formatValue, type UnitCode } from "@/lib/domain/format";
import { SourceLink } from "@/components/layout/source-link";
import { TableScroll } from "@/components/layout/table-scroll";

const noteId = (figureId: number) => `compare-note-${figureId}`;

export async function CompareTable({ view, unit, caption }: { view: CompareView; unit: UnitCode; caption: string }) {
  const [locale, t, tf] = await Promise.all([getLocale(), getTranslations("compare"), getTranslations("charts.freshness")]);
  const { datasets, rows } = view;
  const preferred = datasets[0];
  if (!preferred) return null;
  const preferredName = shortName(preferred.name);
  const names = new Map(datasets.map((d) => [d.code, shortName(d.name)]));

  function valueCell(d: CompareDataset, cell: CompareCell | undefined) {
    if (!cell)
      return (
        <td key={d.code} className="num no-data" data-dataset={d.code}>
          <span aria-hidden="true">–</span>
          <span className="visually-hidden">{t("noData")}</span>
        </td>
      );
    return (
      <td key={d.code} className="num" data-dataset={d.code} data-value={cell.figure.value}>
        <a href={`#${noteId(cell.figure.id)}`} title={cell.figure.note ?? undefined}>
          {formatValue(cell.figure.value, unit, locale)}
        </a>
      </td>
    );
  }

  function differenceCell(d: CompareDataset, cell: CompareCell | undefined) {
    const key = `${d.code}-difference`;
    if (!cell) return <td key={key} className="num" data-difference={d.code} />;
    const c = cell.comparison;
    if (!c)
      return (
        <td key={key} className="num meta" data-difference={d.code}>
          <span aria-hidden="true">–</span>
          <span className="visually-hidden">{t("noBasis", { dataset: preferredName })}</span>
        </td>
      );
    const text = formatDifference(c.difference, unit, locale);
    const absolute = text.points ? t("points", { value: text.absolute }) : text.absolute;
    return (
      <td key={key} className="num difference" data-difference={d.code} data-absolute={c.difference.absolute} data-percent={c.difference.percent ?? ""} data-basis={c.basis.end}>
        {absolute}
        {text.percent && ` (${text.percent})`}
        {!c.samePeriod && <span className="compare-basis">{t("vsEarlier", { date: formatPeriod(c.basis.start, c.basis.end, locale) })}</span>}
      </td>
    );
  }

  function datasetHeader(d: CompareDataset) {
    return (
      <span className="dataset-head-body">
        <SourceLink url={d.url}>{d.name}</SourceLink>
        <span className="meta">{d.publisher}</span>
        <span className="meta">
          {t(`kind.${d.kind}`)}
          {d.kind === "report" ? (
            d.latestReference && <> · {t("dated", { date: formatDate(d.latestReference, locale) })}</>
          ) : (
            <>
              {" · "}
              <span className={`freshness freshness-${d.freshness}`}>{tf(d.freshness === "none" ? "unrated" : d.freshness)}</span>
              {d.latestReference && <> · {t("latest", { date: formatDate(d.latestReference, locale) })}</>}
            </>
          )}
        </span>
        {d.preferred && <span className="preferred-mark">{t("preferred")}</span>}
      </span>
    );
  }

  return (
    <>
      <TableScroll>
        <table className="compare-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("date")}</th>
              {datasets.flatMap((d) => [
                <th key={d.code} scope="col" className="num dataset-head" data-dataset={d.code}>
                  {datasetHeader(d)}
                </th>,
                ...(d.preferred
                  ? []
                  : [
                      <th key={`${d.code}-difference`} scope="col" className="num difference-head">
                        {t("difference", { dataset: names.get(d.code) ?? d.code, preferred: preferredName })}
                        <sup>*</sup>
                      </th>,
                    ]),
              ])}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.start}|${row.end}`} data-date={row.end}>
                <th scope="row" className="compare-date">
                  {formatPeriod(row.start, row.end, locale)}
                </th>
                {datasets.flatMap((d) => (d.preferred ? [valueCell(d, row.cells[d.code])] : [valueCell(d, row.cells[d.code]), differenceCell(d, row.cells[d.code])]))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {datasets.length > 1 && (
        <p className="chart-source">
          <sup>*</sup> {t("footnote", { dataset: preferredName })}
        </p>
      )}
      <h3 className="subhead">{t("notes")}</h3>
      <ul className="compare-notes">
        {rows.flatMap((row) =>
          datasets.flatMap((d) => {
            const cell = row.cells[d.code];
            if (!cell) return [];
            const { figure } = cell;
            return [
              <li key={figure.id} id={noteId(figure.id)}>
                <strong>{t("noteOf", { dataset: names.get(d.code) ?? d.code, period: formatPeriod(figure.start, figure.end, locale) })}</strong> {figure.note && <><span className="figure-note">{figure.note}</span> </>}
                <span className="meta">
                  {t("noteSource")}{" "}
                  <SourceLink url={figure.source.url} title={figure.source.title}>
                    {figure.source.organisation}
                  </SourceLink>
                  , {formatDate(figure.source.date, locale)}.
                </span>
              </li>,
            ];
          }),
        )}
      </ul>
    </>
  );
}
