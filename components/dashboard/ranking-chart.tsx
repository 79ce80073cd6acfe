// Regions ranked by an indicator's value at one date; regions without a
// figure at that date say "no data".
import { ChartFigure } from "@/components/charts/chart-figure";
import { RankedBarChart } from "@/components/charts/ranked-bar-chart";
import { rank } from "@/lib/domain/series";
import type { UnitCode } from "@/lib/domain/format";
import { seriesPoints, sourceLine } from "@/lib/data/series";
import type { RegionDto } from "@/lib/data/reference";

export async function RankingChart(props: { id: string; title: string; indicator: string; date: string; keys?: string[]; regions: RegionDto[]; lang: "en" | "fr"; unit: UnitCode; colour: string; labels: { region: string; value: string } }) {
  const points = await seriesPoints({ indicator: props.indicator, level: 1, from: props.date, to: props.date, keys: props.keys ?? [""] });
  const atDate = points.filter((p) => p.end === props.date);
  const ranked = rank(new Map(atDate.map((p) => [p.region, p.value])));
  const name = (pcode: string) => props.regions.find((r) => r.pcode === pcode)?.name[props.lang] ?? pcode;
  const missing = props.regions.filter((r) => !atDate.some((p) => p.region === r.pcode));
  const rows = [...ranked.map((r) => ({ label: name(r.key), value: r.value })), ...missing.map((r) => ({ label: r.name[props.lang], value: null }))];
  const height = Math.max(220, rows.length * 30 + 40);
  return (
    <ChartFigure
      id={props.id}
      height={height}
      meta={{ title: props.title, unit: props.unit, sources: await sourceLine(atDate), asOf: atDate.length ? props.date : null }}
      table={{ columns: [{ key: "label", label: props.labels.region }, { key: "value", label: props.labels.value, unit: props.unit }], rows }}
    >
      <RankedBarChart rows={rows} unit={props.unit} colour={props.colour} height={height} />
    </ChartFigure>
  );
}
