"use client";
// The Cadre Harmonisé area phase map: each region or cercle in its phase's
// standard colour (CH_PHASE_COLOURS), "not analysed" hatched like the
// choropleth's "no data", the name and phase on hover and keyboard focus.
// The cercles' geometry (~28 kB) is fetched only when the cercle level is
// shown, so the region map costs slow connections nothing more.
import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { AreaLink } from "./area-link";
import { MapKey } from "./map-key";
import type { ChPhase } from "@/lib/domain/area-phase";
import { CH_PHASE_COLOURS } from "@/lib/domain/colour-scale";
import { formatValue } from "@/lib/domain/format";
import { NoDataPattern, NO_DATA_FILL } from "./choropleth";
import { MAP_HEIGHT, MAP_WIDTH, REGION_PATHS } from "./mali-geometry";

export interface PhaseArea {
  pcode: string;
  name: string;
  /** null: not analysed. */
  phase: ChPhase | null;
  /** Share of the analysed population in phase 3 or worse, in per cent. */
  share3: number | null;
}

export function PhaseMap({ areas, level, title }: { areas: PhaseArea[]; level: "region" | "cercle"; title: string }) {
  const locale = useLocale();
  const t = useTranslations("map");
  const tc = useTranslations("charts");
  const [active, setActive] = useState<PhaseArea | null>(null);
  const [cercles, setCercles] = useState<Record<string, string> | null>(null);
  useEffect(() => {
    if (level !== "cercle" || cercles) return;
    let live = true;
    void import("./mali-cercles").then((m) => live && setCercles(m.CERCLE_PATHS));
    return () => {
      live = false;
    };
  }, [level, cercles]);
  const paths = level === "cercle" ? cercles : REGION_PATHS;
  const text = (a: PhaseArea) =>
    a.phase === null ? t("notAnalysedFor", { name: a.name }) : t("phaseFor", { name: a.name, phase: tc(`phase${a.phase}`), share: formatValue(a.share3 ?? 0, "percent", locale) });
  return (
    <div className="map-wrap">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group" aria-label={title} aria-busy={!paths} className="choropleth" data-level={level}>
        <defs>
          <NoDataPattern />
        </defs>
        {!paths && (
          <text x={MAP_WIDTH / 2} y={MAP_HEIGHT / 2} textAnchor="middle">
            {t("loadingCercles")}
          </text>
        )}
        {paths &&
          areas.map((a) => {
            const d = paths[a.pcode];
            if (!d) return null;
            return (
              <AreaLink key={a.pcode} area={a} label={text(a)} onActive={setActive}>
                <path
                  d={d}
                  data-pcode={a.pcode}
                  data-phase={a.phase ?? ""}
                  fill={a.phase === null ? NO_DATA_FILL : CH_PHASE_COLOURS[a.phase]}
                  fillRule="evenodd"
                  stroke="#ffffff"
                  strokeWidth={active?.pcode === a.pcode ? 3 : level === "cercle" ? 0.6 : 1.2}
                >
                  <title>{text(a)}</title>
                </path>
              </AreaLink>
            );
          })}
        {/* The regions' outlines over the cercles, for orientation. */}
        {paths && level === "cercle" && (
          <g aria-hidden="true" pointerEvents="none">
            {Object.entries(REGION_PATHS).map(([pcode, d]) => (
              <path key={pcode} d={d} fill="none" fillRule="evenodd" stroke="#4a5561" strokeWidth={1.2} />
            ))}
          </g>
        )}
      </svg>
      <MapKey
        active={active ? text(active) : null}
        legendLabel={t("legend")}
        items={([1, 2, 3, 4, 5] as const).map((p) => ({ key: p, phase: p, colour: CH_PHASE_COLOURS[p], label: tc(`phase${p}`) }))}
        hatchLabel={t("notAnalysed")}
      />
    </div>
  );
}
