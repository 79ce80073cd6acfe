import type { Metadata } from "next";
import { formatPeriod, formatTimestamp, formatValue, type UnitCode } from "@/lib/domain/format";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getImport, importFigures, importPreview, type ImportedFigure } from "@/lib/data/imports";
import { importReviewRefusal } from "@/lib/data/import-review";
import { ImportReviewForm } from "@/components/imports/import-review-form";
import { approveImportAction, returnImportAction } from "@/app/imports/actions";
import { indicatorIndex, regionIndex } from "@/lib/data/reference";
import { TableScroll } from "@/components/layout/table-scroll";
import { parseFigureId } from "@/lib/api/figure-writes-endpoint";
import { RollbackButton } from "@/components/imports/rollback-button";
import { ScopedMessages } from "@/components/layout/scoped-messages";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Figures listed per page: the Cadre Harmonisé export creates ~1,500. */
const PER_PAGE = 100;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("importTitle", { id: (await params).id }) };
}

export default async function ImportPage({ params, searchParams }: Props) {
  const user = await requireUser("figures:read");
  const id = parseFigureId((await params).id);
  const record = id === null ? null : await getImport(id);
  if (!record) notFound();
  const pageParam = (await searchParams).page;
  const requested = Number(typeof pageParam === "string" ? pageParam : "1");
  const [t, locale, figures, indicators, regions] = await Promise.all([
    getTranslations("imports"),
    getLocale(),
    // A read-scoped reader's page lists the figures they may read only.
    importFigures(record.id, { page: Number.isInteger(requested) && requested > 0 ? requested : 1, perPage: PER_PAGE, reader: user.scope }),
    indicatorIndex(),
    regionIndex(),
  ]);
  const lang = locale === "fr" ? "fr" : "en";
  // Rows waiting for review (or returned) are unpublished: only the importer and reviewers see them.
  const held = record.review !== "published";
  const mayPreview = !held || record.userId === user.id || can(user.role, "figures:review");
  const reviewer = can(user.role, "figures:review") && record.userId !== user.id;
  const [preview, refusal] = await Promise.all([held && mayPreview ? importPreview(record.id, user.scope) : [], reviewer ? importReviewRefusal(user, record.id) : null]);
  const figureName = (f: ImportedFigure) =>
    `${indicators.get(f.indicator)?.name[lang] ?? f.indicator} · ${regions.get(f.region)?.name[lang] ?? f.region} · ${formatPeriod(f.periodStart, f.periodEnd, locale)}${f.disaggregation ? ` · ${Object.values(f.disaggregation).join(" ")}` : ""}`;
  const valueText = (f: ImportedFigure) => {
    const unit = f.unit as UnitCode;
    return f.old === null ? formatValue(f.value, unit, locale) : `${formatValue(f.old, unit, locale)} → ${formatValue(f.value, unit, locale)}`;
  };
  const first = (figures.page - 1) * PER_PAGE + 1;
  const pageHref = (page: number) => `/imports/${record.id}?page=${page}#figures`;
  return (
    <>
      <h1>{t("importTitle", { id: record.id })}</h1>
      <dl className="figure-facts card">
        <dt>{t("file")}</dt>
        <dd>{record.fileName}</dd>
        <dt>{t("mapping")}</dt>
        <dd>{record.mappingName}</dd>
        <dt>{t("counts")}</dt>
        <dd>{`${record.created} / ${record.updated} / ${record.unchanged}`}</dd>
        <dt>{t("datasets")}</dt>
        <dd>
          {figures.datasets.length === 0 ? (
            "—"
          ) : (
            <ul className="plain-list">
              {figures.datasets.map((d) => (
                <li key={d.code}>{t("datasetCounts", { name: d.name, code: d.code, created: d.created, changed: d.changed })}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t("state")}</dt>
        <dd>{record.status === "committed" ? t("committedState") : t("rolledBackState")}</dd>
        <dt>{t("review.title")}</dt>
        <dd>
          <span className="review-badge" data-review={record.review}>
            {t(`review.state_${record.review}`)}
          </span>
          {record.review === "returned" && record.reviewComment && <p className="review-comment">{t("review.returnedWith", { name: record.reviewedBy ?? "—", comment: record.reviewComment })}</p>}
        </dd>
        <dt>{t("who")}</dt>
        <dd>{record.user ?? "—"}</dd>
        <dt>{t("when")}</dt>
        <dd>{formatTimestamp(record.createdAt, locale)}</dd>
      </dl>
      {held && !mayPreview && <p className="notice">{t("review.hidden")}</p>}
      {held && mayPreview && record.status === "committed" && (
        <section aria-labelledby="review-preview" className="import-review card">
          <h2 id="review-preview">{t("review.previewTitle")}</h2>
          {preview.map((d) => (
            <div key={d.code}>
              <h3>{d.name}</h3>
              <p>
                {d.unchanged === null
                  ? t("review.previewCountsShort", { created: d.created, changed: d.changed })
                  : t("review.previewCounts", { created: d.created, changed: d.changed, unchanged: d.unchanged })}
              </p>
              {d.changes.length > 0 && (
                <TableScroll>
                  <table>
                    <caption>{t("review.firstChanges", { count: d.changes.length })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("figure")}</th>
                        <th scope="col">{t("value")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.changes.map((f) => (
                        <tr key={f.figureId}>
                          <td>
                            <Link href={`/figures/${f.figureId}`}>{figureName(f)}</Link>
                          </td>
                          <td>{valueText(f)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
            </div>
          ))}
        </section>
      )}
      {reviewer && (
        // Mounted for every reviewer but the importer, open only while they may review it: its answer outlives the refresh that closes it.
        <ScopedMessages namespaces={["imports"]}>
          <ImportReviewForm id={record.id} open={refusal === null} approve={approveImportAction} sendBack={returnImportAction} />
        </ScopedMessages>
      )}
      {mayPreview && figures.total > 0 && (
        <section aria-labelledby="figures" className="import-figures">
          <h2 id="figures">{t("importFigures", { created: figures.created, changed: figures.changed })}</h2>
          <TableScroll focusable>
            <table>
              <caption>{t("importFiguresRange", { first, last: first + figures.rows.length - 1, total: figures.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("action")}</th>
                  <th scope="col">{t("figure")}</th>
                  <th scope="col">{t("dataset")}</th>
                  <th scope="col">{t("value")}</th>
                </tr>
              </thead>
              <tbody>
                {figures.rows.map((f) => (
                  <tr key={f.figureId} data-action={f.action}>
                    <td>{f.action === "create" ? t("action_create") : t("action_update")}</td>
                    <td>
                      <Link href={`/figures/${f.figureId}`}>{figureName(f)}</Link>
                    </td>
                    <td>{f.dataset.name}</td>
                    <td>{valueText(f)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {figures.pages > 1 && (
            <nav className="pager" aria-label={t("importFiguresPages")}>
              {figures.page > 1 && <Link href={pageHref(figures.page - 1)}>← {t("previousPage")}</Link>}
              <span>{t("pageOf", { page: figures.page, pages: figures.pages })}</span>
              {figures.page < figures.pages && <Link href={pageHref(figures.page + 1)}>{t("nextPage")} →</Link>}
            </nav>
          )}
        </section>
      )}
      <p>
        <Link href="/imports">{t("listTitle")}</Link>
      </p>
      {can(user.role, "imports:write") && (
        <ScopedMessages namespaces={["imports"]}>
          <RollbackButton id={record.id} committed={record.status === "committed"} />
        </ScopedMessages>
      )}
    </>
  );
}
