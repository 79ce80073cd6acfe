import type { Metadata } from "next";
import { AppLink } from "@/components/layout/app-link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireReader } from "@/lib/auth/reader";
import { forAggregates } from "@/lib/auth/visibility";
import { regionComparison, RATE_INDICATORS, type ComparisonRow, type RatedFigure, type TableFigure } from "@/lib/data/rates";
import { formatDate, formatValue } from "@/lib/domain/format";
import { exceedsPopulation, formatRate } from "@/lib/domain/rates";
import { nextSort, parseTableSort, sortRegionRows, type TableSort } from "@/lib/domain/region-table";
import { TableScroll } from "@/components/layout/table-scroll";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

/** The table's number columns, in order: each rate indicator's value and rate, then the population. */
const COLUMNS = [...RATE_INDICATORS.flatMap((r) => [r.indicator, `${r.indicator}_rate`]), "population"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("regionTable"))("title") };
}

/** A row's sortable numbers: each figure's value and rate, and the population. */
function sortValues(row: ComparisonRow): Record<string, number | null> {
  const values: Record<string, number | null> = { population: row.population?.value ?? null };
  for (const { indicator } of RATE_INDICATORS) {
    const f = row.figures[indicator];
    values[indicator] = f?.value ?? null;
    values[`${indicator}_rate`] = f?.rate.rate ?? null;
  }
  return values;
}

export default async function RegionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const v = forAggregates((await requireReader("figures:read")).visibility);
  const sort = parseTableSort(await searchParams, ["name", ...COLUMNS]);
  const [locale, t, tc, table] = await Promise.all([getLocale(), getTranslations("regionTable"), getTranslations("charts"), regionComparison(v)]);
  const lang = locale === "fr" ? "fr" : "en";
  const rows = sortRegionRows(
    table.regions.map((r) => ({ ...r, name: r.name[lang], values: sortValues(r), row: r })),
    sort,
    locale,
  );
  const label = (column: string) => (column === "name" ? t("region") : t(column as "idps"));
  const href = (s: TableSort) => `/regions?${new URLSearchParams({ sort: s.column, dir: s.dir }).toString()}`;

  const header = (column: string, numeric: boolean) => {
    const shown = sort.column === column;
    const next = nextSort(sort, column);
    return (
      <th key={column} scope="col" className={numeric ? "num" : undefined} aria-sort={shown ? (sort.dir === "asc" ? "ascending" : "descending") : undefined} data-column={column}>
        <AppLink href={href(next)} className="sort-link" scroll={false}>
          {label(column)}
          <span className="visually-hidden">
            {" "}
            ({t("sortHint")}, {t(next.dir === "asc" ? "ascending" : "descending")})
          </span>
          <span aria-hidden="true" className="sort-mark">
            {shown ? (sort.dir === "asc" ? " ▲" : " ▼") : " ↕"}
          </span>
        </AppLink>
      </th>
    );
  };

  const meta = (f: TableFigure) => (
    <span className="meta">
      {formatDate(f.date, locale)} · {f.dataset.name}
    </span>
  );
  const valueCell = (key: string, f: TableFigure | null) => (
    <td key={key} className="num" data-value={f?.value ?? ""}>
      {f ? (
        <>
          {formatValue(f.value, "people", locale)}
          {meta(f)}
        </>
      ) : (
        <span className="no-data">{tc("noData")}</span>
      )}
    </td>
  );
  const rateCell = (key: string, f: RatedFigure | null) => {
    const rate = f?.rate ?? null;
    return (
      <td key={key} className="num" data-rate={rate?.rate ?? ""} data-exceeds={rate && exceedsPopulation(rate) ? "true" : undefined}>
        {rate && rate.rate !== null ? (
          <>
            {formatRate(rate.rate, locale)}
            <span className="meta">{t("ofPopulation", { population: formatValue(rate.population.value, "people", locale), year: rate.population.start.slice(0, 4) })}</span>
            {exceedsPopulation(rate) && <span className="meta rate-warning">⚠ {t("exceeds")}</span>}
          </>
        ) : (
          <>
            <span aria-hidden="true">—</span>
            <span className="meta">{t(rate ? rate.reason : "noFigure")}</span>
          </>
        )}
      </td>
    );
  };
  const cells = (row: ComparisonRow) => [
    ...RATE_INDICATORS.flatMap(({ indicator }) => [valueCell(indicator, row.figures[indicator]), rateCell(`${indicator}_rate`, row.figures[indicator])]),
    valueCell("population", row.population),
  ];

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <section className="card" aria-labelledby="region-table-caption">
        <TableScroll>
          <table className="data-table region-table">
            <caption id="region-table-caption">{t("caption", { column: label(sort.column), dir: t(sort.dir === "asc" ? "ascending" : "descending") })}</caption>
            <thead>
              <tr>{[header("name", false), ...COLUMNS.map((c) => header(c, true))]}</tr>
            </thead>
            <tbody>
              {rows.map(({ row }) => (
                <tr key={row.pcode} data-pcode={row.pcode}>
                  <th scope="row">
                    <AppLink href={`/regions/${row.pcode}`}>{row.name[lang]}</AppLink>
                  </th>
                  {cells(row)}
                </tr>
              ))}
            </tbody>
            {table.national && (
              <tfoot>
                <tr data-pcode={table.national.pcode} className="national-row">
                  <th scope="row">
                    <AppLink href={`/regions/${table.national.pcode}`}>{t("national")}</AppLink>
                  </th>
                  {cells(table.national)}
                </tr>
              </tfoot>
            )}
          </table>
        </TableScroll>
        <p className="chart-source">{t("rule")}</p>
        <p className="chart-source">{t("menaka")}</p>
        <p className="chart-source">{t("exceedsNote")}</p>
        <p className="chart-source">
          {tc("source")}: {table.sources.map((s) => `${s.organisation} (${formatDate(s.date, locale)})`).join("; ")}
        </p>
      </section>
    </>
  );
}
