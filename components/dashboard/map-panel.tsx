// The choropleth with its figure, table view, sources and map credit. Each
// region shows the map dataset's figure within one cadence before the date,
// with its own date (lib/data/map.ts). With `measure="rate"`, each region is
// coloured by its figure as a % of its population (lib/data/rates.ts), and
// the tooltip and table give the rate, the number and the date.
import { getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Choropleth } from "@/components/map/choropleth";
import { asOfDate } from "@/lib/domain/charts";
import { classBreaks } from "@/lib/domain/colour-scale";
import type { UnitCode } from "@/lib/domain/format";
import { mapView } from "@/lib/data/map";
import { ratesFor } from "@/lib/data/rates";
import { sourceLine, type PeriodOption } from "@/lib/data/series";
import type { RegionDto } from "@/lib/data/reference";
import { chartDatasets } from "./dataset-names";
import type { Visibility } from "@/lib/auth/visibility";

export async function MapPanel({
  visibility,
  title,
  indicator,
  unit,
  date,
  period,
  keys,
  regions,
  lang,
  height = 520,
  measure = "count",
}: {
  /** What the map draws: forAggregates of the page's reader. */
  visibility: Visibility;
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
  /** Numbers (default), or each figure as a percentage of its region's population. */
  measure?: "count" | "rate";
}) {
  const [t, tm] = await Promise.all([getTranslations("charts"), getTranslations("map")]);
  const view = await mapView(visibility, indicator, keys[0] ?? "", date ?? period?.end);
  const shown = [...view.figures.values()];
  const counts = regions.map((r) => {
    const f = view.figures.get(r.pcode);
    return { pcode: r.pcode, name: r.name[lang], value: f?.value ?? null, date: f?.end ?? null };
  });
  const rated = measure === "rate";
  const rateList = rated ? await ratesFor(visibility, shown) : [];
  const rates = new Map(shown.map((f, i) => [f.region, rateList[i]?.rate ?? null]));
  // The populations divided by are sources of the map too.
  const populations = rateList.flatMap((r) => (r.population ? [r.population] : []));
  // In rate mode the colour is the rate; the number stays beside it ("count").
  const mapRegions = rated ? counts.map((r) => ({ ...r, value: rates.get(r.pcode) ?? null, count: r.value })) : counts;
  const shownUnit: UnitCode = rated ? "percent" : unit;
  const breaks = classBreaks(mapRegions.flatMap((r) => (r.value === null ? [] : [r.value])));
  const columns = [
    { key: "name", label: t("region") },
    ...(rated ? [{ key: "rate", label: tm("rate"), unit: "percent" as const }] : []),
    { key: "value", label: t("value"), unit },
    { key: "date", label: t("date"), date: true },
  ];
  return (
    <ChartFigure
      id="map"
      height={height}
      meta={{ title, unit: shownUnit, sources: await sourceLine([...shown, ...populations]), asOf: asOfDate(shown), ...(await chartDatasets(shown)), note: tm("credit") }}
      table={{
        columns,
        rows: counts.map((r) => ({ name: r.name, ...(rated ? { rate: rates.get(r.pcode) ?? null } : {}), value: r.value, date: r.date })),
      }}
    >
      <Choropleth regions={mapRegions} breaks={breaks} unit={shownUnit} countUnit={rated ? unit : undefined} title={title} />
    </ChartFigure>
  );
}
