import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { recentFigures } from "@/lib/data/figures";
import { indicatorIndex, regionIndex } from "@/lib/data/reference";
import { formatDate, formatPeriod, formatValue, type UnitCode } from "@/lib/domain/format";
import { INDICATOR_CODE, PCODE } from "@/lib/validation/figures-query";
import { DATASET_CODE } from "@/lib/validation/dataset-input";
import { datasetCatalogue } from "@/lib/data/datasets";
import { TableScroll } from "@/components/layout/table-scroll";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("figureForm"))("listTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FiguresPage({ searchParams }: Props) {
  const user = await requireUser("figures:read");
  const query = await searchParams;
  const indicator = typeof query.indicator === "string" && INDICATOR_CODE.test(query.indicator) ? query.indicator : undefined;
  const region = typeof query.region === "string" && PCODE.test(query.region) ? query.region : undefined;
  const [locale, t, indicators, regions, catalogue] = await Promise.all([getLocale(), getTranslations("figureForm"), indicatorIndex(), regionIndex(), datasetCatalogue()]);
  // A code that is no dataset is dropped (every figure shown), as a malformed indicator or region is.
  const dataset = typeof query.dataset === "string" && DATASET_CODE.test(query.dataset) && catalogue.byCode.has(query.dataset) ? query.dataset : undefined;
  const figures = await recentFigures({ indicator, region, dataset });
  const lang = locale === "fr" ? "fr" : "en";
  const datasets = [...catalogue.byCode.values()].sort((a, b) => a.name.localeCompare(b.name, lang));
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
      <form method="get" className="filter-bar" aria-label={t("filterLabel")}>
        {indicator && <input type="hidden" name="indicator" value={indicator} />}
        {region && <input type="hidden" name="region" value={region} />}
        <div className="field">
          <label htmlFor="figures-dataset">{t("dataset")}</label>
          <select id="figures-dataset" name="dataset" defaultValue={dataset ?? ""}>
            <option value="">{t("datasetsAll")}</option>
            {datasets.map((d) => (
              <option key={d.code} value={d.code}>{`${d.name} (${d.code})`}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-secondary">
          {t("filterShow")}
        </button>
      </form>
      {figures.length === 0 ? (
        <p>{t("noFigures")}</p>
      ) : (
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("indicator")}</th>
                <th scope="col">{t("region")}</th>
                <th scope="col">{t("period")}</th>
                <th scope="col" className="num">{t("value")}</th>
                <th scope="col">{t("dataset")}</th>
                <th scope="col">{t("source")}</th>
                <th scope="col">{t("updated")}</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link href={`/figures/${f.id}`}>{f.id}</Link>
                  </td>
                  <td>{indicators.get(f.indicator)?.name[lang] ?? f.indicator}</td>
                  <td>{regions.get(f.region)?.name[lang] ?? f.region}</td>
                  <td>{formatPeriod(f.periodStart, f.periodEnd, locale)}</td>
                  <td className="num">{formatValue(f.value, f.unit as UnitCode, locale)}</td>
                  <td>
                    {f.dataset.name}
                  </td>
                  <td>{f.source.organisation}</td>
                  <td>{formatDate(f.updatedAt.slice(0, 10), locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
