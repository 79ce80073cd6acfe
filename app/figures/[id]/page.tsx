import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { outsideScope } from "@/lib/auth/scope";
import { deletedFigure, figureHistory, getFigure, placeOf, type HistoryEntry } from "@/lib/data/figure-writes";
import { readFigure, type FigureDto } from "@/lib/data/figures";
import { visibilityFor } from "@/lib/auth/visibility";
import { mayReadState } from "@/lib/auth/figure-history";
import { indicatorIndex, regionIndex } from "@/lib/data/reference";
import { parseFigureId } from "@/lib/api/figure-writes-endpoint";
import { isDerivedIndicator } from "@/lib/domain/funding";
import { formatDate, formatPeriod, formatValue, type UnitCode, formatTimestamp } from "@/lib/domain/format";
import { DeleteFigure, RestoreFigure } from "@/components/figures/figure-actions";
import { ReviewDecision, SubmitFigure } from "@/components/review/review-buttons";
import { mayReview, reviewState } from "@/lib/data/review";
import { FigureFormMessages } from "@/components/figures/figure-form-provider";
import { TableScroll } from "@/components/layout/table-scroll";
import { SourceLink } from "@/components/layout/source-link";
import { sectorName } from "@/lib/domain/sector-names";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("figureForm"))("figureTitle", { id: (await params).id }) };
}

export default async function FigurePage({ params }: Props) {
  const user = await requireUser("figures:read");
  const id = parseFigureId((await params).id);
  if (id === null) notFound();
  // A reviewer opens any figure they may review (from the queue), toggle or not; a figure the user may not read is one that does not exist.
  const v = visibilityFor(user, { includeUnpublished: true });
  const [figure, allHistory, regions, review] = await Promise.all([readFigure(v, id), figureHistory(id), regionIndex(), reviewState(id)]);
  if (!figure && (await getFigure(id))) notFound();
  const shown = figure ?? (await deletedFigure(id));
  if (!shown) notFound();
  // Checked on each recorded state: a deleted figure's last state, and every state the history shows.
  const readable = (state: FigureDto, by: HistoryEntry["user"]) => {
    const place = regions.get(state.region);
    return place !== undefined && mayReadState(v, state, place, by?.email === user.email);
  };
  if (!figure && !readable(shown, null)) notFound();
  const history = allHistory.filter((h) => [h.before, h.after].every((s) => s === null || readable(s, h.user)));
  const [locale, t, tr, indicators, reviewable] = await Promise.all([
    getLocale(),
    getTranslations("figureForm"),
    getTranslations("review"),
    indicatorIndex(),
    figure && can(user.role, "figures:review") ? mayReview(id, user) : false,
  ]);
  // The author of what waits (the figure, or its pending revision) submits it again once fixed.
  const submittable = !!figure && !!review && review.authorId === user.id && (review.status === "draft" || review.status === "returned");
  const revision = figure?.pendingRevision ?? null;
  const lang = locale === "fr" ? "fr" : "en";
  // Edit and delete are offered only where the writer's scope lets them write (the write refuses the rest).
  const inScope = outsideScope(user.scope, { place: await placeOf(shown.region), dataset: shown.dataset.code }) === null;
  const indicator = indicators.get(shown.indicator);
  const region = regions.get(shown.region);
  const unit = (indicator?.unit ?? "count") as UnitCode;
  const value = (f: FigureDto | null) => (f ? formatValue(f.value, unit, locale) : "—");
  const breakdown = (f: FigureDto) => {
    const d = f.disaggregation;
    if (!d) return t("none");
    return [d.chPhase !== undefined ? `${t("chPhase")} ${d.chPhase}` : null, d.chStatus ? t(d.chStatus) : null, d.sector ? sectorName(d.sector, lang) : null].filter(Boolean).join(", ");
  };

  return (
    <>
      {/* The status is said once, in the notice below: the heading stays "Figure N". */}
      <h1>{t("figureTitle", { id })}</h1>
      <p className="lead">
        {indicator?.name[lang] ?? shown.indicator} — <Link href={`/regions/${shown.region}`}>{region?.name[lang] ?? shown.region}</Link>
      </p>
      {!figure && <p className="notice" role="status">{t("deleted")}</p>}
      {isDerivedIndicator(shown.indicator) && <p className="notice">{t("derivedNote")}</p>}
      {figure && figure.status !== "published" && (
        <p className="notice" role="status">
          {tr(`statusNote.${figure.status}`)}
        </p>
      )}
      {figure?.status === "returned" && figure.reviewComment && (
        <div className="notice">
          <p>
            <strong>{tr("returnedComment")}</strong> {figure.reviewComment}
          </p>
        </div>
      )}
      <dl className="figure-facts card">
        <dt>{t("value")}</dt>
        <dd className="figure-value">{value(shown)}</dd>
        <dt>{t("period")}</dt>
        <dd>{formatPeriod(shown.periodStart, shown.periodEnd, locale)}</dd>
        <dt>{t("disaggregation")}</dt>
        <dd>{breakdown(shown)}</dd>
        <dt>{t("dataset")}</dt>
        <dd>
          {/* A deleted figure's snapshot from before datasets has none. */}
          {(shown.dataset as FigureDto["dataset"] | undefined) ? (
            <>
              <Link href={`/admin/datasets#dataset-${shown.dataset.code}`}>{shown.dataset.name}</Link> ({shown.dataset.code})
            </>
          ) : (
            "—"
          )}
        </dd>
        <dt>{t("source")}</dt>
        <dd>
          <SourceLink url={shown.source.url}>{`${shown.source.organisation} — ${shown.source.title}`}</SourceLink> ({formatDate(shown.source.date, locale)})
        </dd>
        <dt>{t("note")}</dt>
        <dd>{shown.note ?? "—"}</dd>
        <dt>{tr("statusLabel")}</dt>
        <dd>{tr(`status.${shown.status ?? "published"}`)}</dd>
        <dt>{t("version")}</dt>
        <dd>{shown.version}</dd>
        <dt>{t("updated")}</dt>
        <dd>{formatDate(shown.updatedAt.slice(0, 10), locale)}</dd>
        {shown.importId !== null && (
          <>
            <dt>{t("import")}</dt>
            <dd>
              <Link href={`/imports/${shown.importId}`}>#{shown.importId}</Link>
            </dd>
          </>
        )}
      </dl>
      {revision && (
        <section aria-labelledby="pending-revision" className="card">
          <h2 id="pending-revision">{tr("pendingRevision")}</h2>
          <p>
            <span className={`status-badge status-${revision.status}`}>{tr(`status.${revision.status}`)}</span> {tr("pendingNote")}
          </p>
          {revision.status === "returned" && revision.reviewComment && (
            <p>
              <strong>{tr("returnedComment")}</strong> {revision.reviewComment}
            </p>
          )}
          <TableScroll focusable>
            <table className="history">
              <thead>
                <tr>
                  <th scope="col">{tr("field")}</th>
                  <th scope="col">{tr("publishedValues")}</th>
                  <th scope="col">{tr("proposedValues")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t("value")}</th>
                  <td>{value(shown)}</td>
                  <td>{formatValue(revision.value, unit, locale)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("period")}</th>
                  <td>{formatPeriod(shown.periodStart, shown.periodEnd, locale)}</td>
                  <td>{formatPeriod(revision.periodStart, revision.periodEnd, locale)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("source")}</th>
                  <td>{`${shown.source.organisation} — ${shown.source.title}`}</td>
                  <td>{`${revision.source.organisation} — ${revision.source.title}`}</td>
                </tr>
                <tr>
                  <th scope="row">{t("note")}</th>
                  <td>{shown.note ?? "—"}</td>
                  <td>{revision.note ?? "—"}</td>
                </tr>
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}
      <FigureFormMessages>
        <div className="form-actions">
          {submittable && <SubmitFigure id={id} />}
          {reviewable && <ReviewDecision ids={[id]} />}
          {figure && can(user.role, "figures:write") && inScope && !isDerivedIndicator(figure.indicator) && (
            <>
              <Link className="button-link-primary" href={`/figures/${id}/edit`}>
                {t("edit")}
              </Link>
              {/* A published figure of a dataset that needs review is deleted by a reviewer only (lib/data/figure-writes.ts). */}
              {!(figure.status === "published" && review?.needsReview && !can(user.role, "figures:review")) && <DeleteFigure id={id} version={figure.version} />}
            </>
          )}
          {!figure && can(user.role, "figures:restore") && inScope && !isDerivedIndicator(shown.indicator) && <RestoreFigure id={id} />}
        </div>
      </FigureFormMessages>
      <h2>{t("history")}</h2>
      {history.length === 0 ? <p>{t("noHistory")}</p> : <HistoryTable history={history} value={value} who={(h) => h.user?.name ?? t("unknownUser")} what={(h) => t(`action.${h.action.replace("figure.", "")}`)} locale={locale} labels={{ when: t("when"), who: t("who"), what: t("what"), change: t("change") }} />}
    </>
  );
}

function HistoryTable({
  history,
  value,
  who,
  what,
  locale,
  labels,
}: {
  history: HistoryEntry[];
  value: (f: FigureDto | null) => string;
  who: (h: HistoryEntry) => string;
  what: (h: HistoryEntry) => string;
  locale: string;
  labels: { when: string; who: string; what: string; change: string };
}) {
  const sourceText = (f: FigureDto | null) => (f ? `${f.source.organisation} — ${f.source.title}` : "");
  return (
    <TableScroll focusable>
      <table className="history">
        <thead>
          <tr>
            <th scope="col">{labels.when}</th>
            <th scope="col">{labels.who}</th>
            <th scope="col">{labels.what}</th>
            <th scope="col">{labels.change}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => {
            const sourceChanged = h.before && h.after && sourceText(h.before) !== sourceText(h.after);
            return (
              <tr key={h.id}>
                <td>
                  <time dateTime={h.at}>{formatTimestamp(h.at, locale)}</time>
                </td>
                <td>{who(h)}</td>
                <td>{what(h)}</td>
                <td>
                  {value(h.before)} → {value(h.after)}
                  {sourceChanged && (
                    <>
                      <br />
                      <small>
                        {sourceText(h.before)} → {sourceText(h.after)}
                      </small>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
