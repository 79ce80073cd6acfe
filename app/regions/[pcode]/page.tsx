import type { Metadata } from "next";
import { AppLink } from "@/components/layout/app-link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireReader } from "@/lib/auth/reader";
import { forAggregates } from "@/lib/auth/visibility";
import { readablePlace } from "@/lib/auth/read-scope";
import { indicatorIndex, regionIndex } from "@/lib/data/reference";
import { latestForRegion, sourcesOf } from "@/lib/data/series";
import { datasetCatalogue } from "@/lib/data/datasets";
import { compareHref, freshnessOf, referenceDate, todayIso } from "@/lib/domain/datasets";
import { PCODE } from "@/lib/validation/figures-query";
import { parseDashboardFilters } from "@/lib/validation/dashboard-filters";
import { CATEGORICAL } from "@/lib/domain/colour-scale";
import { formatDate, formatPeriod, formatValue, type UnitCode } from "@/lib/domain/format";
import { sign } from "@/lib/domain/typography";
import { shareOf } from "@/lib/domain/series";
import { ChartSlot } from "@/components/charts/chart-slot";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { TableScroll } from "@/components/layout/table-scroll";
import { Freshness } from "@/components/dashboard/freshness";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ pcode: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function regionFor(pcode: string) {
  if (!PCODE.test(pcode)) return null;
  return (await regionIndex()).get(pcode) ?? null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const region = await regionFor((await params).pcode);
  const locale = await getLocale();
  return { title: region ? region.name[locale === "fr" ? "fr" : "en"] : "404" };
}

export default async function RegionPage({ params, searchParams }: Props) {
  const v = forAggregates((await requireReader("figures:read")).visibility);
  const { pcode } = await params;
  const region = await regionFor(pcode);
  // Outside a read scope, a place does not exist for its reader (as a figure they may not read).
  if (!region || !readablePlace(v, region)) notFound();
  const filters = parseDashboardFilters(await searchParams);
  const [locale, t, tc, to, ts, regions, indicators, latest, catalogue] = await Promise.all([
    getLocale(),
    getTranslations("regionPage"),
    getTranslations("charts"),
    getTranslations("overview"),
    getTranslations("snapshot"),
    regionIndex(),
    indicatorIndex(),
    latestForRegion(v, pcode),
    datasetCatalogue(),
  ]);
  const today = todayIso();
  const lang = locale === "fr" ? "fr" : "en";
  const name = region.name[lang];
  const parent = region.parent ? regions.get(region.parent) : null;
  const children = [...regions.values()].filter((r) => r.parent === pcode && readablePlace(v, r));
  const sources = await sourcesOf(latest);
  const statusLabel = (key: string) => (key.startsWith("status=") ? ` (${to(`status.${key.slice(7)}`)})` : "");
  const trendIndicators = [...new Set(latest.map((l) => l.indicator))];

  return (
    <>
      <h1>{t("title", { name })}</h1>
      <p className="lead">
        {t("intro", { name })}
        {parent && (
          <>
            {" "}
            <AppLink href={`/regions/${parent.pcode}`}>{t("parent", { name: parent.name[lang] })}</AppLink>
          </>
        )}
        {region.level <= 1 && (
          <>
            {" "}
            <AppLink href={`/snapshot?region=${pcode}`}>{ts("link")}</AppLink>
          </>
        )}
      </p>
      {latest.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <section aria-labelledby="latest-heading" className="card">
          <h2 id="latest-heading">{t("indicators")}</h2>
          <TableScroll focusable>
            <table className="data-table" data-region={pcode}>
              <thead>
                <tr>
                  <th scope="col">{to("indicator")}</th>
                  <th scope="col" className="num">{to("value")}</th>
                  <th scope="col">{to("period")}</th>
                  <th scope="col">{to("source")}</th>
                  <th scope="col" className="num">{t("nationalValue")}</th>
                  <th scope="col" className="num">{t("share")}</th>
                </tr>
              </thead>
              <tbody>
                {latest.map((l) => {
                  const indicator = indicators.get(l.indicator);
                  const unit = (indicator?.unit ?? "count") as UnitCode;
                  const share = indicator?.aggregation.regions === "sum" ? shareOf(l.value, l.national) : null;
                  const dataset = catalogue.byCode.get(l.dataset);
                  const reference = referenceDate(l.end, l.publishedOn, today);
                  // Reports have no cadence (lib/validation/dataset-input.ts), so no freshness.
                  const freshness = freshnessOf(reference, dataset?.cadenceDays ?? null, today);
                  return (
                    <tr key={`${l.indicator}-${l.key}`} data-indicator={l.indicator} data-key={l.key} data-dataset={l.dataset} data-freshness={freshness}>
                      <th scope="row">
                        {indicator?.name[lang] ?? l.indicator}
                        {statusLabel(l.key)}
                      </th>
                      <td className="num" data-value={l.value}>{formatValue(l.value, unit, locale)}</td>
                      <td>{formatPeriod(l.start, l.end, locale)}</td>
                      <td className="source-cell">
                        <Freshness freshness={freshness} latestReference={reference} cadenceDays={dataset?.cadenceDays ?? null} datasetName={dataset?.name ?? l.dataset} />
                        {l.datasets.length > 1 && (
                          <>
                            {" "}
                            <AppLink href={compareHref(l.indicator, pcode, l.key)}>{to("compare")}</AppLink>
                          </>
                        )}
                      </td>
                      <td className="num">{l.national === null ? tc("noData") : formatValue(l.national, unit, locale)}</td>
                      <td className="num">{share === null ? "—" : formatValue(share, "percent", locale)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <p className="chart-source">
            {tc("source")}
            {sign(":", locale)} {sources.map((s) => `${s.organisation} (${formatDate(s.date, locale)})`).join(`${sign(";", locale)} `)}
          </p>
        </section>
      )}
      <div className="chart-grid">
        {trendIndicators.map((code) => {
          const indicator = indicators.get(code);
          const keys = [...new Set(latest.filter((l) => l.indicator === code).map((l) => l.key))];
          const title = t("trend", { indicator: indicator?.name[lang] ?? code, name });
          const byKey = keys.length > 1 || keys[0] !== "";
          return (
            <ChartSlot key={code} title={title}>
              <TrendChart
                visibility={v}
                id={`trend-${code}`}
                title={title}
                query={{ indicator: code, regions: [pcode], keys, from: filters.from, to: filters.to }}
                by={byKey ? "key" : "region"}
                unit={(indicator?.unit ?? "count") as UnitCode}
                series={byKey ? keys.map((k, i) => ({ key: k, label: k.startsWith("status=") ? tc(k.slice(7)) : name, colour: CATEGORICAL[i === 0 ? 5 : 0]!, dashed: i > 0 })) : [{ key: pcode, label: name, colour: CATEGORICAL[0] }]}
                dateLabel={tc("date")}
              />
            </ChartSlot>
          );
        })}
      </div>
      {children.length > 0 && (
        <section aria-labelledby="cercles-heading">
          <h2 id="cercles-heading">{t("cercles")}</h2>
          <ul className="link-list">
            {children.map((c) => (
              <li key={c.pcode}>
                <AppLink href={`/regions/${c.pcode}`}>{c.name[lang]}</AppLink>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
