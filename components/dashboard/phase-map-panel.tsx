// The Cadre Harmonisé area phase map with its figure, table view, sources and
// map credit: every region or cercle drawn, in its phase by the 20 % rule
// (lib/domain/area-phase.ts) or "not analysed".
import { getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { PhaseMap, type PhaseArea } from "@/components/map/phase-map";
import { asOfDate } from "@/lib/domain/charts";
import type { ChPhaseMapView, MapLevel } from "@/lib/data/map";
import { sourceLine } from "@/lib/data/series";
import type { RegionDto } from "@/lib/data/reference";
import { chartDatasets } from "./dataset-names";

export async function PhaseMapPanel({ title, view, level, areas, lang }: { title: string; view: ChPhaseMapView; level: MapLevel; areas: RegionDto[]; lang: "en" | "fr" }) {
  const [t, tm] = await Promise.all([getTranslations("charts"), getTranslations("map")]);
  const mapAreas: PhaseArea[] = areas.map((a) => {
    const phase = view.areas.get(a.pcode);
    return { pcode: a.pcode, name: a.name[lang], phase: phase?.phase ?? null, share3: phase ? Math.round(phase.cumulativeShares[2]! * 1000) / 10 : null };
  });
  const note = level === "cercle" ? tm("creditCercles") : `${tm("credit")} ${tm("menakaInGao")}`;
  return (
    <ChartFigure
      id="map"
      height={520}
      meta={{ title, unit: "people", sources: await sourceLine(view.points), asOf: asOfDate(view.points), ...(await chartDatasets(view.points)), note }}
      table={{
        columns: [
          { key: "name", label: level === "cercle" ? tm("area") : t("region") },
          { key: "phase", label: tm("phase") },
          { key: "population", label: tm("population"), unit: "people" },
          { key: "share3", label: tm("share3"), unit: "percent" },
        ],
        rows: areas.map((a, i) => {
          const phase = view.areas.get(a.pcode);
          return { name: mapAreas[i]!.name, phase: phase ? t(`phase${phase.phase}`) : tm("notAnalysed"), population: phase?.population ?? null, share3: mapAreas[i]!.share3 };
        }),
      }}
    >
      <PhaseMap areas={mapAreas} level={level} title={title} />
    </ChartFigure>
  );
}
