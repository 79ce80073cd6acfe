// Regions ranked by an indicator "as of" a date: each region's latest figure
// on or before it, with that figure's date (regions are not always assessed in
// the same round). Regions with no figure by then say "no data". The title
// states the dates the ranking mixes.
import { getLocale, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { RankedBarChart } from "@/components/charts/ranked-bar-chart";
import { asOfDate } from "@/lib/domain/charts";
import { latestPerKey, rank } from "@/lib/domain/series";
import { dateSpan } from "@/lib/domain/date-span";
import { formatDate, type UnitCode } from "@/lib/domain/format";
import { seriesPoints, sourceLine } from "@/lib/data/series";
import { chartDatasets } from "./dataset-names";
import type { RegionDto } from "@/lib/data/reference";
import type { Visibility } from "@/lib/auth/visibility";

export async function RankingChart(props: {
  visibility: Visibility;
  id: string;
  title: string;
  indicator: string;
  date: string;
  keys?: string[];
  regions: RegionDto[];
  lang: "en" | "fr";
  unit: UnitCode;
  colour: string;
  labels: { region: string; value: string; date: string };
}) {
  const points = await seriesPoints(props.visibility, { indicator: props.indicator, level: 1, to: props.date, keys: props.keys ?? [""] });
  const latest = latestPerKey(points.map((p) => ({ date: p.end, key: p.region, value: p.value })), props.date);
  const shown = points.filter((p) => latest.get(p.region)?.date === p.end);
  const ranked = rank(new Map([...latest.values()].map((p) => [p.key, p.value])));
  const name = (pcode: string) => props.regions.find((r) => r.pcode === pcode)?.name[props.lang] ?? pcode;
  const missing = props.regions.filter((r) => !latest.has(r.pcode));
  const rows = [
    ...ranked.map((r) => ({ label: name(r.key), value: r.value, date: latest.get(r.key)!.date })),
    ...missing.map((r) => ({ label: r.name[props.lang], value: null, date: null })),
  ];
  const [t, locale] = await Promise.all([getTranslations("charts"), getLocale()]);
  const span = dateSpan(rows.map((r) => r.date));
  const title = !span
    ? props.title
    : span.from === span.to
      ? t("rankingOne", { title: props.title, date: formatDate(span.to, locale) })
      : t("rankingRange", { title: props.title, from: formatDate(span.from, locale), to: formatDate(span.to, locale) });
  const height = Math.max(220, rows.length * 30 + 40);
  return (
    <ChartFigure
      id={props.id}
      height={height}
      meta={{ title, unit: props.unit, sources: await sourceLine(shown), asOf: asOfDate(shown), ...(await chartDatasets(shown)) }}
      table={{
        columns: [
          { key: "label", label: props.labels.region },
          { key: "value", label: props.labels.value, unit: props.unit },
          { key: "date", label: props.labels.date, date: true },
        ],
        rows,
      }}
    >
      <RankedBarChart rows={rows} unit={props.unit} colour={props.colour} height={height} />
    </ChartFigure>
  );
}
