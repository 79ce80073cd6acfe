import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { indicatorIndex, regionIndex } from "@/lib/data/reference";
import { latestForRegion, periodsOf, sourcesOf } from "@/lib/data/series";
import { asOfDate } from "@/lib/domain/charts";
import { CATEGORICAL } from "@/lib/domain/colour-scale";
import { formatDate, formatPeriod, formatValue, type UnitCode } from "@/lib/domain/format";
import { snapshotQuerySchema } from "@/lib/validation/snapshot-query";
import { LightFundingByYearChart, LightTrendChart } from "@/components/dashboard/light-charts";
import { MapPanel } from "@/components/dashboard/map-panel";
import { DownloadLink } from "@/components/exports/download-link";
import { SourceLink } from "@/components/layout/source-link";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The indicators a snapshot shows, in this order, when the area has them. */
const KEY_INDICATORS = ["idps", "returnees", "ch_phase3plus", "people_in_need", "funding_required", "funding_funded", "funding_coverage"];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("snapshot"))("open") };
}

/**
 * One printable A4 page for the country or a region: key figures, three
 * charts, the map and the sources. GET /api/v1/snapshot.pdf prints it.
 */
export default async function SnapshotPage({ searchParams }: Props) {
  await requireUser("exports:read");
  const parsed = snapshotQuerySchema.safeParse({ region: (await searchParams).region ?? undefined });
  const pcode = parsed.success ? parsed.data.region : null;
  const regions = await regionIndex();
  const area = pcode ? regions.get(pcode) : null;
  if (!area || area.level > 1) notFound();
  const [locale, t, tc, to, indicators, latest, idpPeriods] = await Promise.all([
    getLocale(),
    getTranslations("snapshot"),
    getTranslations("charts"),
    getTranslations("overview"),
    indicatorIndex(),
    latestForRegion(area.pcode),
    periodsOf("idps", 1),
  ]);
  const lang = locale === "fr" ? "fr" : "en";
  const name = area.name[lang];
  const shown = latest.filter((l) => KEY_INDICATORS.includes(l.indicator)).sort((a, b) => KEY_INDICATORS.indexOf(a.indicator) - KEY_INDICATORS.indexOf(b.indicator));
  const sources = await sourcesOf(shown);
  const asOf = asOfDate(shown);
  const level1 = [...regions.values()].filter((r) => r.level === 1);
  const query = (indicator: string, keys: string[]) => (area.level === 0 ? { indicator, level: 0 as const, keys } : { indicator, regions: [area.pcode], keys });
  const series = (key: string) => [{ key, label: name, colour: CATEGORICAL[0] }];
  const today = formatDate(new Date().toISOString().slice(0, 10), locale);
  const pdfHref = `/api/v1/snapshot.pdf?region=${area.pcode}&locale=${lang}`;

  return (
    <article className="snapshot" data-region={area.pcode}>
      <header className="snapshot-head">
        <h1>{t("title", { name })}</h1>
        <p data-as-of={asOf ?? undefined}>{asOf ? t("subtitle", { date: formatDate(asOf, locale) }) : t("none", { name })}</p>
        <span className="no-print">
          <DownloadLink className="button-link-primary" href={pdfHref}>
            {t("downloadPdf")}
          </DownloadLink>
        </span>
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
        <LightTrendChart id="snapshot-idps" title={t("idpsTrend", { name })} query={query("idps", [""])} unit="people" series={series(area.level === 0 ? "ML" : area.pcode)} dateLabel={tc("date")} height={180} />
        <LightTrendChart
          id="snapshot-ch"
          title={t("chTrend", { name })}
          query={query("ch_phase3plus", ["status=current", "status=projected"])}
          by="key"
          unit="people"
          series={[
            { key: "status=current", label: tc("current"), colour: CATEGORICAL[5]! },
            { key: "status=projected", label: tc("projected"), colour: CATEGORICAL[0]!, dashed: true },
          ]}
          dateLabel={tc("period")}
          height={180}
        />
        <LightFundingByYearChart id="snapshot-funding" title={t("fundingTrend")} height={180} />
        {idpPeriods[0] && <MapPanel title={t("map")} indicator="idps" unit="people" period={idpPeriods[0]} keys={[""]} regions={level1} lang={lang} height={220} />}
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
          {t("printed", { date: today })} <a href={area.level === 0 ? "/" : `/regions/${area.pcode}`}>{t("live", { name })}</a>
        </p>
      </footer>
    </article>
  );
}
