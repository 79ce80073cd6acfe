import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { queueAuthors, reviewQueue, type QueueFilters } from "@/lib/data/review";
import { datasetCatalogue } from "@/lib/data/datasets";
import { indicatorIndex, regionIndex } from "@/lib/data/reference";
import { formatPeriod, formatTimestamp, formatValue, type UnitCode } from "@/lib/domain/format";
import { reviewQueueQuerySchema } from "@/lib/validation/review";
import { ScopedMessages } from "@/components/layout/scoped-messages";
import { ReviewQueueTable, type QueueRow } from "@/components/review/review-queue-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What waits for the reviewer, oldest first, filtered by region, dataset and author (a GET form: the URL keeps the view). */
export default async function ReviewPage({ searchParams }: Props) {
  const user = await requireUser("figures:review");
  const query = await searchParams;
  const one = (key: string) => (typeof query[key] === "string" ? (query[key] as string) : undefined);
  const parsed = reviewQueueQuerySchema.safeParse({ region: one("region"), dataset: one("dataset"), author: one("author") });
  const filters: QueueFilters = parsed.success ? parsed.data : {};
  const [locale, t, tf, indicators, regions, catalogue, authors, items] = await Promise.all([
    getLocale(),
    getTranslations("review"),
    getTranslations("figureForm"),
    indicatorIndex(),
    regionIndex(),
    datasetCatalogue(),
    queueAuthors(),
    reviewQueue(user, filters),
  ]);
  const lang = locale === "fr" ? "fr" : "en";
  const regionName = (pcode: string) => regions.get(pcode)?.name[lang] ?? pcode;
  const rows: QueueRow[] = items.map((item) => {
    if (item.kind === "import") {
      return { kind: "import", id: item.id, title: t("importItem", { id: item.id, file: item.fileName }), author: item.author?.name ?? tf("unknownUser"), submittedAt: formatTimestamp(item.submittedAt, locale), change: t("importCounts", { created: item.created, updated: item.updated }) };
    }
    const unit = item.unit as UnitCode;
    const p = item.proposed;
    const old = item.published;
    const describe = `${indicators.get(p.indicator)?.name[lang] ?? p.indicator} — ${regionName(p.region)}, ${formatPeriod(p.periodStart, p.periodEnd, locale)} (${p.dataset.name})`;
    const change = old
      ? [
          old.value !== p.value ? `${formatValue(old.value, unit, locale)} → ${formatValue(p.value, unit, locale)}` : null,
          old.periodStart !== p.periodStart || old.periodEnd !== p.periodEnd ? `${formatPeriod(old.periodStart, old.periodEnd, locale)} → ${formatPeriod(p.periodStart, p.periodEnd, locale)}` : null,
          old.region !== p.region ? `${regionName(old.region)} → ${regionName(p.region)}` : null,
          old.source.title !== p.source.title || old.source.organisation !== p.source.organisation ? `${old.source.organisation} — ${old.source.title} → ${p.source.organisation} — ${p.source.title}` : null,
          (old.note ?? "") !== (p.note ?? "") ? `${tf("note")}: ${old.note ?? "—"} → ${p.note ?? "—"}` : null,
        ]
          .filter(Boolean)
          .join("; ") || t("noChange")
      : t("newValue", { value: formatValue(p.value, unit, locale) });
    return { kind: item.kind, id: item.id, title: describe, author: item.author?.name ?? tf("unknownUser"), submittedAt: item.submittedAt ? formatTimestamp(item.submittedAt, locale) : "—", change };
  });
  const active = Object.values(filters).some((v) => v !== undefined);
  const datasets = [...catalogue.byCode.values()].sort((a, b) => a.name.localeCompare(b.name, lang));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <form method="get" className="filter-bar" aria-label={t("filterLabel")}>
        <div className="field">
          <label htmlFor="review-region">{tf("region")}</label>
          <select id="review-region" name="region" defaultValue={filters.region ?? ""}>
            <option value="">{tf("regionsAll")}</option>
            {[...regions.values()].map((r) => (
              <option key={r.pcode} value={r.pcode}>{`${r.name[lang]} (${r.pcode})`}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="review-dataset">{tf("dataset")}</label>
          <select id="review-dataset" name="dataset" defaultValue={filters.dataset ?? ""}>
            <option value="">{tf("datasetsAll")}</option>
            {datasets.map((d) => (
              <option key={d.code} value={d.code}>{`${d.name} (${d.code})`}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="review-author">{t("author")}</label>
          <select id="review-author" name="author" defaultValue={filters.author ? String(filters.author) : ""}>
            <option value="">{t("anyAuthor")}</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-secondary">
          {tf("filterShow")}
        </button>
        {active && <Link href="/review">{tf("clearFilters")}</Link>}
      </form>
      {!parsed.success && <p className="form-error">{t("filtersIgnored")}</p>}
      <p role="status">{t("waiting", { count: rows.length })}</p>
      {rows.length > 0 && (
        <ScopedMessages namespaces={["review"]}>
          <ReviewQueueTable rows={rows} />
        </ScopedMessages>
      )}
    </>
  );
}
