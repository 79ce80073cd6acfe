import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { latestNationalFigures, type LatestFigure } from "@/lib/data/figures";
import { formatDate, formatPeriod, formatValue, type UnitCode } from "@/lib/domain/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

const THEMES = ["displacement", "food_security", "needs", "funding", "context"] as const;

export default async function OverviewPage() {
  await requireUser("figures:read");
  const [figures, locale, t] = await Promise.all([latestNationalFigures(), getLocale(), getTranslations("overview")]);
  const lang = locale === "fr" ? "fr" : "en";

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {figures.length === 0 && <p>{t("empty")}</p>}
      {THEMES.map((theme) => {
        const inTheme = figures.filter((f) => f.theme === theme);
        if (!inTheme.length) return null;
        return (
          <section key={theme} className="theme-section" aria-labelledby={`theme-${theme}`}>
            <h2 id={`theme-${theme}`}>{t(`themes.${theme}`)}</h2>
            <ul className="tiles">
              {inTheme.map((f) => (
                <Tile key={f.id} figure={f} lang={lang} statusLabel={f.disaggregation?.chStatus ? t(`status.${f.disaggregation.chStatus}`) : null} labels={{ period: t("period"), source: t("source"), asOf: t("asOf") }} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function Tile({ figure: f, lang, statusLabel, labels }: { figure: LatestFigure; lang: "en" | "fr"; statusLabel: string | null; labels: { period: string; source: string; asOf: string } }) {
  return (
    <li className="tile card" data-indicator={f.indicator}>
      <h3>
        {f.indicatorName[lang]}
        {statusLabel ? ` (${statusLabel})` : ""}
      </h3>
      <p className="value">{formatValue(f.value, f.unit as UnitCode, lang)}</p>
      <p className="meta">
        {labels.period}: {formatPeriod(f.periodStart, f.periodEnd, lang)}
      </p>
      <p className="meta">
        {labels.source}:{" "}
        <a href={f.source.url} rel="noreferrer">
          {f.source.organisation}, {f.source.title}
        </a>{" "}
        ({formatDate(f.source.date, lang)})
      </p>
    </li>
  );
}
