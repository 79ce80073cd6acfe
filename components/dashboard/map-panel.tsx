// The choropleth with its figure, table view, sources and map credit. Each
// region shows the map dataset's figure within one cadence before the date,
// with its own date (lib/data/map.ts).
import { getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Choropleth } from "@/components/map/choropleth";
import { asOfDate } from "@/lib/domain/charts";
import { classBreaks } from "@/lib/domain/colour-scale";
import type { UnitCode } from "@/lib/domain/format";
import { mapView } from "@/lib/data/map";
import { sourceLine, type PeriodOption } from "@/lib/data/series";
import type { RegionDto } from "@/lib/data/reference";
import { chartDatasets } from "./dataset-names";

export async function MapPanel({
  title,
  indicator,
  unit,
  date,
  period,
  keys,
  regions,
  lang,
  height = 520,
}: {
  title: string;
  indicator: string;
  unit: UnitCode;
  /** The map's date; without it (nor `period`), its default date. */
  date?: string;
  /** Kept for callers that pick a period: its end is the date. */
  period?: PeriodOption;
  keys: string[];
  regions: RegionDto[];
  lang: "en" | "fr";
  height?: number;
}) {
  const [t, tm] = await Promise.all([getTranslations("charts"), getTranslations("map")]);
  const view = await mapView(indicator, keys[0] ?? "", date ?? period?.end);
  const shown = [...view.figures.values()];
  const mapRegions = regions.map((r) => {
    const f = view.figures.get(r.pcode);
    return { pcode: r.pcode, name: r.name[lang], value: f?.value ?? null, date: f?.end ?? null };
  });
  const breaks = classBreaks(mapRegions.flatMap((r) => (r.value === null ? [] : [r.value])));
  return (
    <ChartFigure
      id="map"
      height={height}
      meta={{ title, unit, sources: await sourceLine(shown), asOf: asOfDate(shown), ...(await chartDatasets(shown)), note: tm("credit") }}
      table={{
        columns: [
          { key: "name", label: t("region") },
          { key: "value", label: t("value"), unit },
          { key: "date", label: t("date"), date: true },
        ],
        rows: mapRegions.map((r) => ({ name: r.name, value: r.value, date: r.date })),
      }}
    >
      <Choropleth regions={mapRegions} breaks={breaks} unit={unit} title={title} />
    </ChartFigure>
  );
}
