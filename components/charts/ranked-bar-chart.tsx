"use client";
// Regions ranked by value (horizontal bars). Regions without data are listed
// with "no data" instead of a zero-length bar.
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale, useTranslations } from "next-intl";
import type { UnitCode } from "@/lib/domain/format";
import { axisTick, tooltipValue } from "./chart-format";

export interface RankedRow {
  label: string;
  value: number | null;
}

export function RankedBarChart({ rows, unit, colour, height = 300 }: { rows: RankedRow[]; unit: UnitCode; colour: string; height?: number }) {
  const locale = useLocale();
  const t = useTranslations("charts");
  const noData = t("noData");
  return (
    <BarChart responsive layout="vertical" data={rows} style={{ width: "100%", height }} margin={{ top: 4, right: 72, bottom: 4, left: 8 }} accessibilityLayer>
      <CartesianGrid stroke="#e3e7ec" horizontal={false} />
      <XAxis type="number" tickFormatter={(v: number) => axisTick(v, unit, locale)} />
      <YAxis type="category" dataKey="label" width={96} interval={0} />
      <Tooltip formatter={(v) => tooltipValue(v, unit, locale, noData, t("people"))} />
      <Bar dataKey="value" fill={colour} isAnimationActive={false}>
        <LabelList dataKey="value" position="right" formatter={(v: unknown) => tooltipValue(v, unit, locale, noData)} />
      </Bar>
    </BarChart>
  );
}
