"use client";
// Mali's regions coloured by value: one <path data-pcode> per region, a
// legend, a tooltip on hover and on keyboard focus with the figure's own date
// (regions are not all assessed on the same day), "no data" hatched.
// Even-odd fill: an inner ring is a hole whatever its winding (Koulikoro's
// path has one where Bamako is, which stays Bamako's to colour and click).
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { colourFor, SEQUENTIAL } from "@/lib/domain/colour-scale";
import { formatDate, formatValue, type UnitCode } from "@/lib/domain/format";
import { sign } from "@/lib/domain/typography";
import { MAP_HEIGHT, MAP_WIDTH, REGION_PATHS } from "./mali-geometry";

export interface MapRegion {
  pcode: string;
  name: string;
  value: number | null;
  /** The figure's reference date (its period's end); null with no figure. */
  date?: string | null;
}

export function Choropleth({ regions, breaks, unit, title }: { regions: MapRegion[]; breaks: number[]; unit: UnitCode; title: string }) {
  const locale = useLocale();
  const t = useTranslations("map");
  const [active, setActive] = useState<MapRegion | null>(null);
  const text = (r: MapRegion) =>
    r.value === null
      ? t("noDataFor", { name: r.name })
      : r.date
        ? t("valueOn", { name: r.name, value: formatValue(r.value, unit, locale), date: formatDate(r.date, locale) })
        : `${r.name}${sign(":", locale)} ${formatValue(r.value, unit, locale)}`;
  return (
    <div className="map-wrap">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group" aria-label={title} className="choropleth">
        <defs>
          <pattern id="no-data-hatch" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#eef0f2" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#9aa4ae" strokeWidth="2" />
          </pattern>
        </defs>
        {regions.map((r) => {
          const d = REGION_PATHS[r.pcode];
          if (!d) return null;
          const fill = colourFor(r.value, breaks) ?? "url(#no-data-hatch)";
          return (
            <Link
              key={r.pcode}
              href={`/regions/${r.pcode}`}
              aria-label={text(r)}
              onMouseEnter={() => setActive(r)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(r)}
              onBlur={() => setActive(null)}
            >
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
            </Link>
          );
        })}
      </svg>
      <div className="map-tooltip" role="status" aria-live="polite">
        {active ? text(active) : " "}
      </div>
      <div className="map-legend" aria-label={t("legend")}>
        <ul>
          {breaks.map((b, i) => (
            <li key={b}>
              <span className="swatch" style={{ background: SEQUENTIAL[i] }} aria-hidden="true" />
              {t("upTo", { value: formatValue(b, unit, locale) })}
            </li>
          ))}
          <li>
            <span className="swatch hatch" aria-hidden="true" />
            {t("noData")}
          </li>
        </ul>
      </div>
    </div>
  );
}
