// The choropleth with its figure, table view, sources and map credit.
import { getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Choropleth } from "@/components/map/choropleth";
import { asOfDate } from "@/lib/domain/charts";
import { classBreaks } from "@/lib/domain/colour-scale";
import type { UnitCode } from "@/lib/domain/format";
import { seriesPoints, sourceLine, type PeriodOption } from "@/lib/data/series";
import type { RegionDto } from "@/lib/data/reference";

export async function MapPanel({ title, indicator, unit, period, keys, regions, lang, height = 520 }: { title: string; indicator: string; unit: UnitCode; period: PeriodOption; keys: string[]; regions: RegionDto[]; lang: "en" | "fr"; height?: number }) {
  const t = await getTranslations("charts");
  const tm = await getTranslations("map");
  const points = (await seriesPoints({ indicator, level: 1, from: period.start, to: period.end, keys })).filter((p) => p.start === period.start && p.end === period.end);
  const mapRegions = regions.map((r) => ({ pcode: r.pcode, name: r.name[lang], value: points.find((p) => p.region === r.pcode)?.value ?? null }));
  const breaks = classBreaks(mapRegions.flatMap((r) => (r.value === null ? [] : [r.value])));
  return (
    <ChartFigure
      id="map"
      height={height}
      meta={{ title, unit, sources: await sourceLine(points), asOf: asOfDate(points), note: tm("credit") }}
      table={{ columns: [{ key: "name", label: t("region") }, { key: "value", label: t("value"), unit }], rows: mapRegions.map((r) => ({ name: r.name, value: r.value })) }}
    >
      <Choropleth regions={mapRegions} breaks={breaks} unit={unit} title={title} />
    </ChartFigure>
  );
}
