import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { figureChangers, figureListPage } from "@/lib/data/figures";
import { indicatorIndex, regionIndex } from "@/lib/data/reference";
import { formatDate, formatPeriod, formatValue, type UnitCode } from "@/lib/domain/format";
import { listFiltersToQuery, parseFigureList, type FigureListFilters } from "@/lib/validation/figures-query";
import { datasetCatalogue } from "@/lib/data/datasets";
import { TableScroll } from "@/components/layout/table-scroll";
import { FigureStatusBadge } from "@/components/figures/status-badge";
import { pageVisibility } from "@/lib/auth/page-visibility";
import { readablePlace } from "@/lib/auth/read-scope";
import { FIGURE_STATUSES } from "@/lib/validation/figures-query";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("figureForm"))("listTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The filters as the URL writes them, so every link (pages, Copy link, a saved view) keeps the view. */
function filterParams(f: FigureListFilters): URLSearchParams {
  return new URLSearchParams(Object.entries(f).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
}

export default async function FiguresPage({ searchParams }: Props) {
  const user = await requireUser("figures:read");
  // Published figures, the user's own unpublished ones (marked), and with a reviewer's "include unpublished" every one they may review.
  const v = await pageVisibility(user);
  const parsed = parseFigureList(await searchParams);
  const [locale, t, tv, indicators, allRegions, catalogue, changers] = await Promise.all([getLocale(), getTranslations("figureForm"), getTranslations("visibility"), indicatorIndex(), regionIndex(), datasetCatalogue(), figureChangers(v)]);
  // The region picker offers the places the user may read.
  const regions = new Map([...allRegions].filter(([, r]) => readablePlace(v, r)));
  const filters = { ...parsed.filters };
  const dropped = [...parsed.dropped];
  // A code that names nothing is dropped (and said), as a malformed one is: the page never fails on a hand-edited URL.
  const unknown = { dataset: filters.dataset && !catalogue.byCode.has(filters.dataset), indicator: filters.indicator && !indicators.has(filters.indicator), region: filters.region && !regions.has(filters.region) };
  for (const key of ["dataset", "indicator", "region"] as const) {
    if (!unknown[key]) continue;
    delete filters[key];
    dropped.push(key);
  }
  const page = await figureListPage(v, listFiltersToQuery(filters), { after: parsed.after, before: parsed.before });
  const lang = locale === "fr" ? "fr" : "en";
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, lang);
  const datasets = [...catalogue.byCode.values()].sort(byName);
  const base = filterParams(filters);
  const href = (extra?: [string, string]) => {
    const params = new URLSearchParams(base);
    if (extra) params.set(...extra);
    const query = params.toString();
    return query ? `/figures?${query}` : "/figures";
  };
  const onLaterPage = Boolean(parsed.after || parsed.before);
  const total = t("total", { count: page.total, total: formatValue(page.total, "count", locale) });
  return (
    <>
      <h1>{t("listTitle")}</h1>
      <p className="lead">{t("listIntro")}</p>
      {can(user.role, "figures:write") && (
        <p className="form-actions">
          <Link className="button-link-primary" href="/figures/new">
            {t("newFigure")}
          </Link>
          <Link href="/imports/new">{t("importFile")}</Link>
        </p>
      )}
      <form method="get" className="filter-bar figure-filters" aria-label={t("filterLabel")}>
        <div className="field">
          <label htmlFor="figures-q">{t("search")}</label>
          <input id="figures-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} placeholder={t("searchHint")} />
        </div>
        <div className="field">
          <label htmlFor="figures-indicator">{t("indicator")}</label>
          <select id="figures-indicator" name="indicator" defaultValue={filters.indicator ?? ""}>
            <option value="">{t("indicatorsAll")}</option>
            {[...indicators.values()].map((i) => (
              <option key={i.code} value={i.code}>
                {i.name[lang]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="figures-region">{t("region")}</label>
          <select id="figures-region" name="region" defaultValue={filters.region ?? ""}>
            <option value="">{t("regionsAll")}</option>
            {[...regions.values()].map((r) => (
              <option key={r.pcode} value={r.pcode}>
                {`${r.name[lang]} (${r.pcode})`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="figures-dataset">{t("dataset")}</label>
          <select id="figures-dataset" name="dataset" defaultValue={filters.dataset ?? ""}>
            <option value="">{t("datasetsAll")}</option>
            {datasets.map((d) => (
              <option key={d.code} value={d.code}>{`${d.name} (${d.code})`}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="figures-from">{t("from")}</label>
          <input id="figures-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="figures-to">{t("to")}</label>
          <input id="figures-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        {v.unpublished !== "none" && (
          <div className="field">
            <label htmlFor="figures-status">{tv("statusFilter")}</label>
            <select id="figures-status" name="status" defaultValue={filters.status ?? ""}>
              <option value="">{tv("allStatuses")}</option>
              {FIGURE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tv(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="figures-changed-by">{t("changedBy")}</label>
          <select id="figures-changed-by" name="changedBy" defaultValue={filters.changedBy ? String(filters.changedBy) : ""}>
            <option value="">{t("changedByAnyone")}</option>
            {changers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-secondary">
          {t("filterShow")}
        </button>
        {base.size > 0 && <Link href="/figures">{t("clearFilters")}</Link>}
      </form>
      {dropped.length > 0 && <p className="form-error">{t("filtersIgnored", { names: dropped.join(", ") })}</p>}
      <p className="figure-total" role="status">
        {total}
      </p>
      {page.data.length === 0 ? (
        <p>{onLaterPage && page.total > 0 ? t("pageNoRows") : t("noFigures")}</p>
      ) : (
        <TableScroll>
          <table className="figure-list">
            <caption className="visually-hidden">{`${t("listTitle")}: ${total}`}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("indicator")}</th>
                <th scope="col">{t("region")}</th>
                <th scope="col">{t("period")}</th>
                <th scope="col" className="num">
                  {t("value")}
                </th>
                <th scope="col">{t("dataset")}</th>
                <th scope="col">{t("source")}</th>
                <th scope="col">{t("updated")}</th>
                <th scope="col">{t("changedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link href={`/figures/${f.id}`}>{f.id}</Link>
                    <FigureStatusBadge figure={f} />
                  </td>
                  <td>{indicators.get(f.indicator)?.name[lang] ?? f.indicator}</td>
                  <td>{regions.get(f.region)?.name[lang] ?? f.region}</td>
                  <td>{formatPeriod(f.periodStart, f.periodEnd, locale)}</td>
                  <td className="num">{formatValue(f.value, f.unit as UnitCode, locale)}</td>
                  <td>{f.dataset.name}</td>
                  <td>{f.source.organisation}</td>
                  <td>{formatDate(f.updatedAt.slice(0, 10), locale)}</td>
                  <td>{f.changedBy ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {(page.previous || page.next || onLaterPage) && (
        <nav className="pager" aria-label={t("pages")}>
          {onLaterPage && <Link href={href()}>{t("firstPage")}</Link>}
          {page.previous && (
            <Link href={href(["before", page.previous])} rel="prev">
              {t("previousPage")}
            </Link>
          )}
          {page.next && (
            <Link href={href(["after", page.next])} rel="next">
              {t("nextPage")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
