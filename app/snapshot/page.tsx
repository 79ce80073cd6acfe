import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireReader } from "@/lib/auth/reader";
import { forAggregates } from "@/lib/auth/visibility";
import { readablePlace, readsNational } from "@/lib/auth/read-scope";
import { indicatorIndex, regionIndex } from "@/lib/data/reference";
import { periodsOf } from "@/lib/data/series";
import { snapshotArea, snapshotFigures, snapshotTrendCharts } from "@/lib/api/snapshot-content";
import { formatDate, formatPeriod, formatValue, type UnitCode } from "@/lib/domain/format";
import { snapshotQuerySchema } from "@/lib/validation/snapshot-query";
import { LightFundingByYearChart, LightTrendChart } from "@/components/dashboard/light-charts";
import { MapPanel } from "@/components/dashboard/map-panel";
import { DownloadLink } from "@/components/exports/download-link";
import { DownloadMenu } from "@/components/exports/download-menu";
import { SourceLink } from "@/components/layout/source-link";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("snapshot"))("open") };
}

/**
 * One printable A4 page for the country or a region: key figures, three
 * charts, the map and the sources. GET /api/v1/snapshot.pdf prints it.
 */
export default async function SnapshotPage({ searchParams }: Props) {
  const reader = await requireReader("exports:read");
  const { publicLink } = reader;
  const v = forAggregates(reader.visibility);
  const asked = (await searchParams).region;
  // A reader scoped to regions has no country snapshot: without ?region= they get their first region's.
  const parsed = snapshotQuerySchema.safeParse({ region: asked ?? (readsNational(v) ? undefined : v.scope.regions[0]) });
  const pcode = parsed.success ? parsed.data.region : null;
  const area = pcode ? await snapshotArea(pcode) : null;
  if (!area || !readablePlace(v, area)) notFound();
  const [locale, t, tc, to, ts, indicators, regions, { shown, sources, asOf }, idpPeriods] = await Promise.all([
    getLocale(),
    getTranslations("snapshot"),
    getTranslations("charts"),
    getTranslations("overview"),
    getTranslations("sitrep"),
    indicatorIndex(),
    regionIndex(),
    snapshotFigures(v, area),
    periodsOf(v, "idps", 1),
  ]);
  const lang = locale === "fr" ? "fr" : "en";
  const name = area.name[lang];
  const level1 = [...regions.values()].filter((r) => r.level === 1 && readablePlace(v, r));
  const trends = snapshotTrendCharts(v, area, name, { snapshot: (key, values) => t(key as never, values as never), charts: (key) => tc(key as never) });
  const today = formatDate(new Date().toISOString().slice(0, 10), locale);
  const query = `region=${area.pcode}&locale=${lang}`;
  const pdfHref = `/api/v1/snapshot.pdf?${query}`;

  return (
    <article className="snapshot" data-region={area.pcode}>
      <header className="snapshot-head">
        <h1>{t("title", { name })}</h1>
        <p data-as-of={asOf ?? undefined}>{asOf ? t("subtitle", { date: formatDate(asOf, locale) }) : t("none", { name })}</p>
        {/* The files come from the API, closed to a public link's visitor. */}
        {!publicLink && (
          <span className="no-print">
            <DownloadLink className="button-link-primary" href={pdfHref}>
              {t("downloadPdf")}
            </DownloadLink>
            <DownloadMenu
              label={ts("download")}
              listLabel={ts("downloadMenu")}
              items={[
                { href: pdfHref, label: ts("pdf") },
                { href: `/api/v1/sitrep.pptx?${query}`, label: ts("pptx") },
                { href: `/api/v1/sitrep.docx?${query}`, label: ts("docx") },
              ]}
            />
          </span>
        )}
      </header>
      <section aria-labelledby="snap-figures">
        <h2 id="snap-figures">{t("keyFigures")}</h2>
        <ul className="snapshot-tiles">
          {shown.map((l) => {
            const indicator = indicators.get(l.indicator);
            const unit = (indicator?.unit ?? "count") as UnitCode;
            const status = l.key.startsWith("status=") ? ` (${to(`status.${l.key.slice(7)}`)})` : "";
            return (
              <li key={`${l.indicator}-${l.key}`} data-indicator={l.indicator} data-key={l.key}>
                <span className="label">
                  {indicator?.name[lang] ?? l.indicator}
                  {status}
                </span>
                <strong className="value">{formatValue(l.value, unit, locale)}</strong>
                <span className="meta">{formatPeriod(l.start, l.end, locale)}</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="snap-charts" className="snapshot-charts">
        <h2 id="snap-charts" className="visually-hidden">
          {t("charts")}
        </h2>
        <LightTrendChart {...trends.idps} />
        <LightTrendChart {...trends.ch} />
        {readsNational(v) && <LightFundingByYearChart visibility={v} id="snapshot-funding" title={t("fundingTrend")} height={180} />}
        {idpPeriods[0] && <MapPanel visibility={v} title={t("map")} indicator="idps" unit="people" period={idpPeriods[0]} keys={[""]} regions={level1} lang={lang} height={220} />}
      </section>
      <footer className="snapshot-sources">
        <h2>{t("sources")}</h2>
        <ul>
          {sources.map((s) => (
            <li key={`${s.organisation}-${s.title}-${s.date}`}>
              {s.organisation}, <cite>{s.title}</cite> ({formatDate(s.date, locale)}){s.url && <> — <SourceLink url={s.url}>{s.url}</SourceLink></>}
            </li>
          ))}
        </ul>
        <p>
          {t("printed", { date: today })} {publicLink ? null : <a href={area.level === 0 ? "/" : `/regions/${area.pcode}`}>{t("live", { name })}</a>}
        </p>
      </footer>
    </article>
  );
}
