import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { datasetCatalogue, listDatasets } from "@/lib/data/datasets";
import { indicatorIndex } from "@/lib/data/reference";
import { formatDate } from "@/lib/domain/format";
import { preferenceOrder } from "@/lib/domain/preference-order";
import { ActionForm } from "@/components/admin/action-form";
import { PreferenceList } from "@/components/admin/preference-list";
import { ScopedMessages } from "@/components/layout/scoped-messages";
import { SourceLink } from "@/components/layout/source-link";
import { TableScroll } from "@/components/layout/table-scroll";
import { ReviewToggle } from "@/components/admin/review-toggle";
import { createDatasetAction, setNeedsReviewAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("datasetsPage"))("title") };
}

/**
 * Every signed-in user may read the datasets, how fresh they are and which
 * each indicator draws first (it explains every chart); analysts and admins
 * create datasets (datasets:write), admins change the order (datasets:prefer).
 */
export default async function DatasetsPage() {
  const user = await requireUser();
  const [t, tf, locale, summaries, catalogue, indicators] = await Promise.all([getTranslations("datasetsPage"), getTranslations("charts.freshness"), getLocale(), listDatasets(), datasetCatalogue(), indicatorIndex()]);
  const lang = locale === "fr" ? "fr" : "en";
  const canPrefer = can(user.role, "datasets:prefer");
  const canCreate = can(user.role, "datasets:write");
  const indicatorName = (code: string) => indicators.get(code)?.name[lang] ?? code;
  const nameOf = (code: string) => catalogue.byCode.get(code)?.name ?? code;
  const orders = [...indicators.values()]
    .map((i) => ({
      indicator: i.code,
      order: preferenceOrder(
        catalogue.preferences.get(i.code) ?? [],
        summaries.filter((d) => d.indicators.includes(i.code)).map((d) => d.code),
        [...catalogue.byCode.values()],
      ),
    }))
    .filter((o) => o.order.length > 0);

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <ScopedMessages namespaces={["admin", "datasetsPage"]}>
        <TableScroll focusable>
          <table className="datasets-table">
            <caption>{t("listCaption", { count: summaries.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dataset")}</th>
                <th scope="col">{t("publisher")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("cadence")}</th>
                <th scope="col">{t("latest")}</th>
                <th scope="col">{t("freshness")}</th>
                <th scope="col">{t("indicators")}</th>
                <th scope="col">{t("review")}</th>
              </tr>
            </thead>
            <tbody>
              {summaries.map((d) => (
                <tr key={d.code} id={`dataset-${d.code}`} data-dataset={d.code}>
                  <th scope="row">
                    {d.url ? <SourceLink url={d.url}>{d.name}</SourceLink> : d.name} <code>{d.code}</code>
                  </th>
                  <td>{d.publisher}</td>
                  <td>{t(`kinds.${d.kind}`)}</td>
                  <td>{d.cadenceDays === null ? "—" : t("everyDays", { days: d.cadenceDays })}</td>
                  <td>{d.latestReferenceDate ? formatDate(d.latestReferenceDate, locale) : "—"}</td>
                  <td data-freshness={d.freshness}>{d.freshness !== "none" ? tf(d.freshness) : d.kind === "report" ? t("reportNoCadence") : tf("unrated")}</td>
                  <td>{d.indicators.length ? d.indicators.map(indicatorName).join(", ") : "—"}</td>
                  <td data-needs-review={d.needsReview}>
                    {canPrefer ? <ReviewToggle action={setNeedsReviewAction} dataset={{ code: d.code, name: d.name }} needsReview={d.needsReview} /> : d.needsReview ? t("needsReview") : t("noReview")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </ScopedMessages>
      <p className="hint">{t("freshnessRule")}</p>
      <p className="hint">{t("reviewHint")}</p>

      <section aria-labelledby="preferences">
        <h2 id="preferences">{t("preferencesTitle")}</h2>
        <p>{canPrefer ? t("preferencesIntroAdmin") : t("preferencesIntro")}</p>
        <ScopedMessages namespaces={["admin", "datasetsPage"]}>
          <div className="preference-lists">
            {orders.map((o) => (
              <PreferenceList key={o.indicator} indicator={o.indicator} indicatorName={indicatorName(o.indicator)} datasets={o.order.map((code) => ({ code, name: nameOf(code) }))} canEdit={canPrefer} />
            ))}
          </div>
        </ScopedMessages>
      </section>

      {canCreate && (
        <section aria-labelledby="create-dataset">
          <h2 id="create-dataset">{t("createTitle")}</h2>
          <p>{t("createIntro")}</p>
          <ScopedMessages namespaces={["admin"]}>
            <ActionForm
              action={createDatasetAction}
              submitLabel={t("create")}
              fields={[
                { name: "code", label: t("code"), hint: t("codeHint"), autoComplete: "off" },
                { name: "name", label: t("name") },
                { name: "publisher", label: t("publisher") },
                { name: "url", label: t("url"), type: "url", optional: true },
                { name: "licence", label: t("licence"), optional: true },
                { name: "kind", label: t("kind"), type: "select", defaultValue: "series", options: (["series", "report"] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) })) },
                { name: "cadenceDays", label: t("cadenceDays"), type: "number", min: 1, max: 3650, hint: t("cadenceHint") },
              ]}
            />
          </ScopedMessages>
        </section>
      )}
    </>
  );
}
