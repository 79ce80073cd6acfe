import type { Metadata } from "next";
import { AppLink } from "@/components/layout/app-link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireReader } from "@/lib/auth/reader";
import { forAggregates } from "@/lib/auth/visibility";
import { readsNational } from "@/lib/auth/read-scope";
import { OutsideScopeNotice } from "@/components/dashboard/outside-scope";
import { headlineTile, fundingTiles } from "@/lib/data/tiles";
import { indicatorIndex } from "@/lib/data/reference";
import { todayIso } from "@/lib/domain/datasets";
import type { UnitCode } from "@/lib/domain/format";
import { CATEGORICAL } from "@/lib/domain/colour-scale";
import { KeyFigure } from "@/components/dashboard/key-figure";
import { LightFundingByYearChart, LightTrendChart } from "@/components/dashboard/light-charts";
import { ChartSlot } from "@/components/charts/chart-slot";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

export default async function OverviewPage() {
  const v = forAggregates((await requireReader("figures:read")).visibility);
  const [locale, t, tc, td, tf, ts, indicators] = await Promise.all([getLocale(), getTranslations("overview"), getTranslations("charts"), getTranslations("displacement"), getTranslations("fundingPage"), getTranslations("snapshot"), indicatorIndex()]);
  const lang = locale === "fr" ? "fr" : "en";
  // One "today" for every tile's freshness and "as of".
  const today = todayIso();
  // The overview is national: a reader scoped to regions reads it nowhere (their regions' pages are linked instead).
  if (!readsNational(v)) {
    return (
      <>
        <h1>{t("title")}</h1>
        <OutsideScopeNotice visibility={v} />
      </>
    );
  }
  const [idps, chCurrent, chProjected, pin, funding] = await Promise.all([
    headlineTile(v, "idps", "", today),
    headlineTile(v, "ch_phase3plus", "status=current", today),
    headlineTile(v, "ch_phase3plus", "status=projected", today),
    headlineTile(v, "people_in_need", "", today),
    fundingTiles(v, today),
  ]);
  const name = (code: string) => indicators.get(code)?.name[lang] ?? code;
  const unit = (code: string) => (indicators.get(code)?.unit ?? "count") as UnitCode;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">
        {t("intro")} <AppLink href="/snapshot">{ts("link")}</AppLink>
      </p>
      <section aria-labelledby="tiles-heading">
        <h2 id="tiles-heading" className="visually-hidden">
          {t("tiles")}
        </h2>
        <ul className="tiles">
          <KeyFigure tile={idps} title={name("idps")} unit="people" />
          <KeyFigure tile={chCurrent} title={`${name("ch_phase3plus")} (${t("status.current")})`} unit="people" />
          <KeyFigure tile={chProjected} title={`${name("ch_phase3plus")} (${t("status.projected")})`} unit="people" />
          <KeyFigure tile={pin} title={name("people_in_need")} unit="people" />
        </ul>
        {funding.year && <h3 className="subhead">{t("fundingYear", { year: funding.year })}</h3>}
        <ul className="tiles">
          {funding.tiles.map((tile) => (
            <KeyFigure key={tile.indicator} tile={tile} title={name(tile.indicator)} unit={unit(tile.indicator)} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="trends-heading">
        <h2 id="trends-heading">{t("trends")}</h2>
        <div className="chart-grid">
          <ChartSlot title={td("national")}>
            <LightTrendChart visibility={v} id="idps-national" title={td("national")} query={{ indicator: "idps", level: 0, keys: [""] }} unit="people" series={[{ key: "ML", label: tc("national"), colour: CATEGORICAL[0] }]} dateLabel={tc("date")} />
          </ChartSlot>
          <ChartSlot title={(await getTranslations("food"))("trend")}>
            <LightTrendChart
              visibility={v}
              id="ch-trend"
              title={(await getTranslations("food"))("trend")}
              query={{ indicator: "ch_phase3plus", level: 0, keys: ["status=current", "status=projected"] }}
              by="key"
              unit="people"
              series={[
                { key: "status=current", label: tc("current"), colour: CATEGORICAL[5] },
                { key: "status=projected", label: tc("projected"), colour: CATEGORICAL[0], dashed: true },
              ]}
              dateLabel={tc("period")}
            />
          </ChartSlot>
          <ChartSlot title={tf("byYear")} height={320}>
            <LightFundingByYearChart visibility={v} id="funding-by-year" title={tf("byYear")} />
          </ChartSlot>
        </div>
      </section>
    </>
  );
}
