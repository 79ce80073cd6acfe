"use client";
// People by Cadre Harmonisé phase per region: stacked bars in the standard
// phase colours, phase 1 at the base.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale, useTranslations } from "next-intl";
import { CH_PHASE_COLOURS } from "@/lib/domain/colour-scale";
import { legendLabel } from "./legend-label";
import { axisTick, tooltipValue } from "./chart-format";

export interface PhaseRow {
  label: string;
  p1: number | null;
  p2: number | null;
  p3: number | null;
  p4: number | null;
  p5: number | null;
}

export function PhaseBarChart({ rows, height = 340 }: { rows: PhaseRow[]; height?: number }) {
  const locale = useLocale();
  const t = useTranslations("charts");
  return (
    <BarChart responsive data={rows} style={{ width: "100%", height }} margin={{ top: 8, right: 16, bottom: 4, left: 8 }} accessibilityLayer>
      <CartesianGrid stroke="#e3e7ec" vertical={false} />
      <XAxis dataKey="label" interval={0} angle={-30} textAnchor="end" height={60} />
      <YAxis tickFormatter={(v: number) => axisTick(v, "people", locale)} width={64} />
      <Tooltip formatter={(v) => tooltipValue(v, "people", locale, t("noData"), t("people"))} />
      <Legend formatter={legendLabel} />
      {([1, 2, 3, 4, 5] as const).map((phase) => (
        <Bar key={phase} dataKey={`p${phase}`} stackId="phases" name={t(`phase${phase}`)} fill={CH_PHASE_COLOURS[phase]} stroke="#555" strokeWidth={0.5} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
