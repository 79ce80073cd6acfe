import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireReader } from "@/lib/auth/reader";
import { forAggregates } from "@/lib/auth/visibility";
import { readablePlace } from "@/lib/auth/read-scope";
import { indicatorIndex, regionIndex, type RegionDto } from "@/lib/data/reference";
import { breakdownsOf, compareView } from "@/lib/data/compare";
import { eventsFor } from "@/lib/data/events";
import { eventMarkers, eventRegionsOf } from "@/lib/domain/events";
import { parseDashboardFilters } from "@/lib/validation/dashboard-filters";
import { defaultBreakdown, shortName } from "@/lib/domain/compare";
import { breakdownOf } from "@/lib/domain/disaggregation";
import { referenceDate, todayIso } from "@/lib/domain/datasets";
import { CATEGORICAL } from "@/lib/domain/colour-scale";
import type { UnitCode } from "@/lib/domain/format";
import { sectorName } from "@/lib/domain/sector-names";
import { pivotByDate } from "@/lib/domain/series";
import { summariseSources } from "@/lib/domain/sources";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ChartSlot } from "@/components/charts/chart-slot";
import { CompareChart, type CompareLine } from "@/components/compare/compare-chart";
import { ComparePickers, type PickerGroup } from "@/components/compare/compare-pickers";
import { CompareTable } from "@/components/compare/compare-table";

export const dynamic = "force-dynamic";

const DEFAULT_INDICATOR = "idps";
const DEFAULT_REGION = "ML";
// The other series' dashes, in preferred order after the first (solid).
const DASHES = ["6 4", "2 3", "10 4 2 4", "1 4"];

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("compare"))("title") };
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const v = forAggregates((await requireReader("figures:read")).visibility);
  const params = await searchParams;
  const filters = parseDashboardFilters(params);
  const [locale, t, tc, indicators, regionsByCode] = await Promise.all([getLocale(), getTranslations("compare"), getTranslations("charts"), indicatorIndex(), regionIndex().then((all) => new Map([...all].filter(([, r]) => readablePlace(v, r))))]);
  const lang = locale === "fr" ? "fr" : "en";
  const indicatorCode = filters.indicator && indicators.has(filters.indicator) ? filters.indicator : DEFAULT_INDICATOR;
  // The places offered are those the reader may read (a read-scoped reader: their regions, no country).
  const regionCode = filters.regions[0] && regionsByCode.has(filters.regions[0]) ? filters.regions[0] : regionsByCode.has(DEFAULT_REGION) ? DEFAULT_REGION : ([...regionsByCode.keys()][0] ?? DEFAULT_REGION);
  const indicator = indicators.get(indicatorCode);
  const region = regionsByCode.get(regionCode);
  const unit = (indicator?.unit ?? "count") as UnitCode;

  // Only a breakdown the selection has (no other check is needed: it is matched against the database's own keys).
  const keys = await breakdownsOf(v, indicatorCode, regionCode);
  const requested = typeof params.key === "string" ? params.key : undefined;
  const key = defaultBreakdown(keys, requested) ?? "";
  const today = todayIso();
  const view = await compareView(v, { indicator: indicatorCode, region: regionCode, key }, today);
  const { datasets, rows } = view;

  const breakdownLabel = (k: string): string => {
    const b = breakdownOf(k);
    if (b.sector !== undefined) {
      const name = sectorName(b.sector, lang);
      return name.charAt(0).toUpperCase() + name.slice(1);
    }
    if (b.phase !== undefined) return t("phaseStatus", { phase: tc(`phase${b.phase}`), status: b.status ? t(`status.${b.status}`) : "" });
    if (b.status) return tc(b.status);
    return t("noBreakdown");
  };
  const indicatorName = indicator?.name[lang] ?? indicatorCode;
  const regionName = region?.name[lang] ?? regionCode;
  const selection = key ? t("selectionWithBreakdown", { indicator: indicatorName, region: regionName, breakdown: breakdownLabel(key) }) : t("selection", { indicator: indicatorName, region: regionName });
  const chartTitle = t("chartTitle", { selection });

  // The chart: one column per dataset, by period end.
  const figures = rows.flatMap((r) => Object.values(r.cells).map((c) => c.figure));
  const chartRows = pivotByDate(
    figures.map((f) => ({ date: f.end, key: f.dataset, value: f.value })),
    datasets.map((d) => d.code),
  );
  const lines: CompareLine[] = datasets.map((d, i) => ({
    key: d.code,
    label: shortName(d.name),
    colour: CATEGORICAL[i % CATEGORICAL.length]!,
    preferred: d.preferred,
    report: d.kind === "report",
    dash: i === 0 ? undefined : DASHES[(i - 1) % DASHES.length],
  }));
  // "Data as of": the latest reference date, never after a publication nor today.
  const asOf = figures.reduce<string | null>((latest, f) => {
    const date = referenceDate(f.end, f.source.date, today);
    return latest === null || date > latest ? date : latest;
  }, null);
  const meta = { title: chartTitle, unit, sources: summariseSources(figures.map((f) => f.source)), asOf };
  // The events within the chart's dates: the national ones, and the region's own (a cercle's region's).
  const events = eventMarkers(await eventsFor({ regions: eventRegionsOf([regionCode]) }), chartRows.map((r) => r.date), locale);
  const table = {
    columns: [{ key: "date", label: tc("date"), date: true }, ...datasets.map((d) => ({ key: d.code, label: shortName(d.name), unit }))],
    rows: chartRows,
    events,
  };

  const regionGroups: PickerGroup[] = [
    { label: t("country"), options: regionsOfLevel(regionsByCode, 0, lang) },
    { label: t("regions"), options: regionsOfLevel(regionsByCode, 1, lang) },
    { label: t("cercles"), options: regionsOfLevel(regionsByCode, 2, lang) },
  ].filter((g) => g.options.length > 0);

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <ComparePickers
        labels={{ form: t("pickers"), indicator: t("indicator"), region: t("region"), breakdown: t("breakdown") }}
        indicator={{ options: [...indicators.values()].map((i) => ({ value: i.code, label: i.name[lang] })), value: indicatorCode }}
        region={{ groups: regionGroups, value: regionCode }}
        breakdown={keys.some((k) => k !== "") ? { options: keys.map((k) => ({ value: k, label: breakdownLabel(k) })), value: key } : undefined}
      />
      <h2 className="compare-selection">{selection}</h2>
      {datasets.length === 0 ? (
        <p className="notice">{t("none")}</p>
      ) : (
        datasets.length === 1 && <p className="notice">{t("single", { dataset: datasets[0]!.name })}</p>
      )}
      {datasets.length > 0 && (
        <>
          <div className="chart-grid wide">
            <ChartSlot title={chartTitle} height={340}>
              <ChartFigure id="compare" meta={meta} table={table} height={340}>
                <CompareChart rows={chartRows} lines={lines} unit={unit} height={340} events={events} />
              </ChartFigure>
            </ChartSlot>
          </div>
          <div className="card compare-section">
            <CompareTable view={view} unit={unit} caption={t("tableCaption", { selection })} />
          </div>
        </>
      )}
    </>
  );
}

function regionsOfLevel(regions: Map<string, RegionDto>, level: number, lang: "en" | "fr") {
  return [...regions.values()]
    .filter((r) => r.level === level)
    .map((r) => {
      const parent = level === 2 && r.parent ? regions.get(r.parent) : undefined;
      return { value: r.pcode, label: parent ? `${r.name[lang]} (${parent.name[lang]})` : r.name[lang] };
    });
}
