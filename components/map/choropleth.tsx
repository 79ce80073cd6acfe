"use client";
// Mali's regions coloured by value: one <path data-pcode> per region, a
// legend, a tooltip on hover and on keyboard focus with the figure's own date
// (regions are not all assessed on the same day), "no data" hatched.
// Even-odd fill: an inner ring is a hole whatever its winding (Koulikoro's
// path has one where Bamako is, which stays Bamako's to colour and click).
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { AreaLink } from "./area-link";
import { MapKey } from "./map-key";
import { colourFor, SEQUENTIAL } from "@/lib/domain/colour-scale";
import { formatDate, formatValue, type UnitCode } from "@/lib/domain/format";
import { formatRate } from "@/lib/domain/rates";
import { sign } from "@/lib/domain/typography";
import { MAP_HEIGHT, MAP_WIDTH, REGION_PATHS } from "./mali-geometry";

/** "No data" (and the CH map's "not analysed"): hatched in two greys, as the legend's .swatch.hatch. */
export const NO_DATA_FILL = "url(#no-data-hatch)";

export function NoDataPattern() {
  return (
    <pattern id="no-data-hatch" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
      <rect width="8" height="8" fill="#eef0f2" />
      <line x1="0" y1="0" x2="0" y2="8" stroke="#9aa4ae" strokeWidth="2" />
    </pattern>
  );
}

export interface MapRegion {
  pcode: string;
  name: string;
  value: number | null;
  /** The figure's reference date (its period's end); null with no figure. */
  date?: string | null;
  /** In rate mode (`value` a % of the population): the figure itself, shown beside its rate. */
  count?: number | null;
}

export function Choropleth({ regions, breaks, unit, countUnit, title }: { regions: MapRegion[]; breaks: number[]; unit: UnitCode; countUnit?: UnitCode; title: string }) {
  const locale = useLocale();
  const t = useTranslations("map");
  const [active, setActive] = useState<MapRegion | null>(null);
  // Rates keep small values readable (never "0 %" for 0.02 %).
  const format = (v: number) => (unit === "percent" ? formatRate(v, locale) : formatValue(v, unit, locale));
  const rateText = (r: MapRegion, count: number, date: string) =>
    r.value === null
      ? t("noRateFor", { name: r.name, value: formatValue(count, countUnit ?? "count", locale), date: formatDate(date, locale) })
      : t("rateOn", { name: r.name, rate: format(r.value), value: formatValue(count, countUnit ?? "count", locale), date: formatDate(date, locale) });
  const text = (r: MapRegion) =>
    countUnit && r.count !== undefined && r.count !== null && r.date
      ? rateText(r, r.count, r.date)
      : r.value === null
      ? t("noDataFor", { name: r.name })
      : r.date
        ? t("valueOn", { name: r.name, value: format(r.value), date: formatDate(r.date, locale) })
        : `${r.name}${sign(":", locale)} ${format(r.value)}`;
  return (
    <div className="map-wrap">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group" aria-label={title} className="choropleth">
        <defs>
          <NoDataPattern />
        </defs>
        {regions.map((r) => {
          const d = REGION_PATHS[r.pcode];
          if (!d) return null;
          const fill = colourFor(r.value, breaks) ?? NO_DATA_FILL;
          return (
            <AreaLink key={r.pcode} area={r} label={text(r)} onActive={setActive}>
              <path
                d={d}
                data-pcode={r.pcode}
                data-value={r.value ?? ""}
                data-date={r.date ?? ""}
                fill={fill}
                fillRule="evenodd"
                stroke="#ffffff"
                strokeWidth={active?.pcode === r.pcode ? 3 : 1.2}
              >
                <title>{text(r)}</title>
              </path>
            </AreaLink>
          );
        })}
      </svg>
      <MapKey
        active={active ? text(active) : null}
        legendLabel={t("legend")}
        items={breaks.map((b, i) => ({ key: b, colour: SEQUENTIAL[i] ?? "", label: t("upTo", { value: format(b) }) }))}
        hatchLabel={t("noData")}
      />
    </div>
  );
}
