// People by Cadre Harmonisé phase for each region, for one analysis period
// and status, in the standard phase colours.
import { getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { PhaseBarChart } from "@/components/charts/phase-bar-chart";
import { asOfDate, phaseRows } from "@/lib/domain/charts";
import { seriesPoints, sourceLine, type PeriodOption } from "@/lib/data/series";
import type { RegionDto } from "@/lib/data/reference";
import { chartDatasets } from "./dataset-names";
import type { Visibility } from "@/lib/auth/visibility";

export async function PhaseChart({ visibility, id, title, period, status, regions, lang }: { visibility: Visibility; id: string; title: string; period: PeriodOption; status: "current" | "projected"; regions: RegionDto[]; lang: "en" | "fr" }) {
  const t = await getTranslations("charts");
  const range = { from: period.start, to: period.end };
  const [byPhase, plus] = await Promise.all([
    seriesPoints(visibility, { indicator: "ch_population_by_phase", level: 1, ...range, keys: [1, 2, 3, 4, 5].map((n) => `phase=${n};status=${status}`) }),
    seriesPoints(visibility, { indicator: "ch_phase3plus", level: 1, ...range, keys: [`status=${status}`] }),
  ]);
  const inPeriod = <P extends { start: string; end: string }>(ps: P[]) => ps.filter((p) => p.start === period.start && p.end === period.end);
  const shown = inPeriod(byPhase);
  const analysed = regions.filter((r) => shown.some((p) => p.region === r.pcode));
  const data = phaseRows(shown, inPeriod(plus), analysed.map((r) => r.pcode));
  const name = (pcode: string) => regions.find((r) => r.pcode === pcode)?.name[lang] ?? pcode;
  const rows = data.map((d) => ({ label: name(d.region), p1: d.p1, p2: d.p2, p3: d.p3, p4: d.p4, p5: d.p5, p35: d.p35 }));
  return (
    <ChartFigure
      id={id}
      height={340}
      meta={{ title, unit: "people", sources: await sourceLine(shown), asOf: asOfDate(shown), ...(await chartDatasets(shown)) }}
      table={{
        columns: [
          { key: "label", label: t("region") },
          ...[1, 2, 3, 4, 5].map((n) => ({ key: `p${n}`, label: t(`phase${n}`), unit: "people" as const })),
          { key: "p35", label: t("phase35"), unit: "people" },
        ],
        rows,
      }}
    >
      <PhaseBarChart rows={rows} />
    </ChartFigure>
  );
}
