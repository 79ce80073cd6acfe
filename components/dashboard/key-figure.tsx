// One key figure: the preferred dataset's value and period, the change against
// that dataset's previous comparable figure (absolute and %), its source and
// freshness, then the other datasets' figures worth a look (lib/domain/tiles.ts)
// and a link to compare them.
import { AppLink } from "@/components/layout/app-link";
import { getLocale, getTranslations } from "next-intl/server";
import { changeBetween } from "@/lib/domain/series";
import { formatDate, formatPeriod, formatValue, type UnitCode } from "@/lib/domain/format";
import { sign } from "@/lib/domain/typography";
import type { Tile, TileValue } from "@/lib/data/tiles";
import { SourceLink } from "@/components/layout/source-link";
import { Freshness } from "./freshness";

function signed(text: string, n: number): string {
  return n > 0 ? `+${text}` : text;
}

/** A plan year reads "2026"; a period across years reads as its dates. */
function periodLabel(v: TileValue, locale: string): string {
  return v.start.slice(0, 4) === v.end.slice(0, 4) ? v.start.slice(0, 4) : formatPeriod(v.start, v.end, locale);
}

export async function KeyFigure({ tile, title, unit }: { tile: Tile; title: string; unit: UnitCode }) {
  const [locale, t, tc] = await Promise.all([getLocale(), getTranslations("overview"), getTranslations("charts")]);
  const { latest, previous, others, toDate } = tile;
  const change = latest ? changeBetween(latest.value, previous?.value) : null;
  const status = tile.key.startsWith("status=") ? tile.key.slice("status=".length) : undefined;
  return (
    <li className="tile card" data-indicator={tile.indicator} data-status={status} data-dataset={latest?.dataset.code} data-freshness={latest ? tile.freshness : undefined}>
      <h3>{title}</h3>
      {latest ? (
        <>
          <p className="value" data-value={latest.value}>
            {formatValue(latest.value, unit, locale)}
          </p>
          <p className="meta">
            {t("period")}
            {sign(":", locale)} {formatPeriod(latest.start, latest.end, locale)}
          </p>
          {change && previous ? (
            <p className={`change ${change.absolute > 0 ? "up" : change.absolute < 0 ? "down" : "flat"}`}>
              {t("change")}
              {sign(":", locale)} {signed(unit === "percent" ? `${formatValue(change.absolute, "count", locale)} pts` : formatValue(change.absolute, unit, locale), change.absolute)}
              {change.percent !== null && unit !== "percent" && ` (${signed(new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(change.percent), change.percent)}${sign("%", locale)})`}{" "}
              <span className="meta">{t("since", { value: formatValue(previous.value, unit, locale), date: formatPeriod(previous.start, previous.end, locale) })}</span>
            </p>
          ) : (
            <p className="change meta">{t("noPrevious")}</p>
          )}
          {toDate && (
            <p className="meta to-date" data-as-of={toDate.asOf}>
              {!previous
                ? t("toDateAlone", { year: periodLabel(latest, locale), date: formatDate(toDate.asOf, locale) })
                : toDate.previousAsOf
                  ? t("toDateBoth", { year: periodLabel(latest, locale), date: formatDate(toDate.asOf, locale), previous: periodLabel(previous, locale), previousDate: formatDate(toDate.previousAsOf, locale) })
                  : t("toDate", { year: periodLabel(latest, locale), date: formatDate(toDate.asOf, locale), previous: periodLabel(previous, locale) })}
            </p>
          )}
          {latest.source && (
            <p className="meta">
              {t("source")}
              {sign(":", locale)}{" "}
              <SourceLink url={latest.source.url} title={latest.source.title}>
                {latest.source.organisation}
              </SourceLink>{" "}
              ({formatDate(latest.source.date, locale)})
              {previous?.source && previous.source.organisation !== latest.source.organisation && (
                <>{sign(";", locale)} {t("previousSource", { organisation: previous.source.organisation })}</>
              )}
            </p>
          )}
          <p className="meta">
            <Freshness freshness={tile.freshness} latestReference={latest.reference} cadenceDays={latest.dataset.cadenceDays} datasetName={latest.dataset.name} />
          </p>
          {others.length > 0 && (
            <div className="other-sources-block">
              <p className="meta" id={`others-${tile.indicator}-${tile.key}`}>
                {t("otherSources")}
              </p>
              <ul className="other-sources" aria-labelledby={`others-${tile.indicator}-${tile.key}`}>
                {others.map((o) => (
                  <li key={o.dataset.code} data-dataset={o.dataset.code} data-value={o.value} data-as-of={o.reference}>
                    <strong>{formatValue(o.value, unit, locale)}</strong> ({formatPeriod(o.start, o.end, locale)}){sign(":", locale)}{" "}
                    {o.source ? (
                      <SourceLink url={o.source.url} title={o.source.title}>
                        {o.source.organisation}
                      </SourceLink>
                    ) : null}
                    {o.source ? ", " : ""}
                    <span className="dataset-name">{o.dataset.name}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {tile.compareHref && (
            <p className="meta">
              <AppLink href={tile.compareHref}>{t("compare")}</AppLink>
            </p>
          )}
        </>
      ) : (
        <p className="value no-data">{tc("noData")}</p>
      )}
    </li>
  );
}
