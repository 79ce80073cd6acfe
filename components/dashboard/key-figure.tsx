// One key figure: value, period, change against the previous comparable
// figure (absolute and %), and the source of each.
import { getLocale, getTranslations } from "next-intl/server";
import { changeBetween } from "@/lib/domain/series";
import { formatDate, formatPeriod, formatValue, type UnitCode } from "@/lib/domain/format";
import type { Tile } from "@/lib/data/tiles";
import { SourceLink } from "@/components/layout/source-link";

function signed(text: string, n: number): string {
  return n > 0 ? `+${text}` : text;
}

export async function KeyFigure({ tile, title, unit }: { tile: Tile; title: string; unit: UnitCode }) {
  const [locale, t, tc] = await Promise.all([getLocale(), getTranslations("overview"), getTranslations("charts")]);
  const { latest, previous } = tile;
  const change = latest ? changeBetween(latest.value, previous?.value) : null;
  const status = tile.key.startsWith("status=") ? tile.key.slice("status=".length) : undefined;
  return (
    <li className="tile card" data-indicator={tile.indicator} data-status={status}>
      <h3>{title}</h3>
      {latest ? (
        <>
          <p className="value" data-value={latest.value}>
            {formatValue(latest.value, unit, locale)}
          </p>
          <p className="meta">
            {t("period")}: {formatPeriod(latest.start, latest.end, locale)}
          </p>
          {change && previous ? (
            <p className={`change ${change.absolute > 0 ? "up" : change.absolute < 0 ? "down" : "flat"}`}>
              {t("change")}: {signed(unit === "percent" ? `${formatValue(change.absolute, "count", locale)} pts` : formatValue(change.absolute, unit, locale), change.absolute)}
              {change.percent !== null && unit !== "percent" && ` (${signed(new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(change.percent), change.percent)} %)`}{" "}
              <span className="meta">{t("since", { value: formatValue(previous.value, unit, locale), date: formatPeriod(previous.start, previous.end, locale) })}</span>
            </p>
          ) : (
            <p className="change meta">{t("noPrevious")}</p>
          )}
          {latest.source && (
            <p className="meta">
              {t("source")}:{" "}
              <SourceLink url={latest.source.url} title={latest.source.title}>
                {latest.source.organisation}
              </SourceLink>{" "}
              ({formatDate(latest.source.date, locale)})
              {previous?.source && previous.source.organisation !== latest.source.organisation && (
                <>; {t("previousSource", { organisation: previous.source.organisation })}</>
              )}
            </p>
          )}
        </>
      ) : (
        <p className="value no-data">{tc("noData")}</p>
      )}
    </li>
  );
}
