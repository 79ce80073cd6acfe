"use client";
// Requirement vs funding: funded and unmet stacked (together the requirement),
// and the coverage % as a line on its own axis.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale, useTranslations } from "next-intl";
import { tickLines } from "@/lib/domain/chart-labels";
import { FUNDING_COLOURS } from "@/lib/domain/colour-scale";
import type { EventMarker } from "@/lib/domain/events";
import { legendLabel } from "./legend-label";
import { EVENTS_KEY, eventMarks, eventTooltipLabel } from "./event-marks";
import { axisTick, tooltipValue } from "./chart-format";

export interface FundingRow {
  label: string;
  funded: number | null;
  unmet: number | null;
  coverage: number | null;
}

/** Cluster names: at most two lines of 26 characters (12 px text in the 180 px axis), the full name in a tooltip. */
const CLUSTER_LINES = 2;
const LINE_HEIGHT = 14;

function ClusterTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const name = String(payload?.value ?? "");
  const lines = tickLines(name, 26, CLUSTER_LINES);
  const first = 4 - ((lines.length - 1) * LINE_HEIGHT) / 2;
  return (
    <g transform={`translate(${Number(x)},${Number(y)})`} className="category-tick">
      <title>{name}</title>
      <text x={-6} y={0} textAnchor="end" fontSize={12} fill="#3b4652">
        {lines.map((line, i) => (
          <tspan key={i} x={-6} dy={i === 0 ? first : LINE_HEIGHT}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/** `events` (a bar per year only): marked on their years' bars (lib/domain/events.ts yearMarkers). */
export function FundingChart({ rows, layout = "horizontal", height = 320, events = [] }: { rows: FundingRow[]; layout?: "horizontal" | "vertical"; height?: number; events?: EventMarker[] }) {
  const locale = useLocale();
  const t = useTranslations("charts");
  const noData = t("noData");
  const format = (v: unknown, name: unknown) => tooltipValue(v, name === t("coverage") ? "percent" : "usd", locale, noData);
  if (layout === "vertical") {
    return (
      <ComposedChart responsive layout="vertical" data={rows} style={{ width: "100%", height }} margin={{ top: 4, right: 16, bottom: 4, left: 8 }} accessibilityLayer>
        <CartesianGrid stroke="#e3e7ec" horizontal={false} />
        <XAxis type="number" tickFormatter={(v: number) => axisTick(v, "usd", locale)} />
        <YAxis type="category" dataKey="label" width={180} interval={0} tick={<ClusterTick />} />
        <Tooltip formatter={format} />
        <Legend formatter={legendLabel} />
        <Bar dataKey="funded" stackId="req" name={t("funded")} fill={FUNDING_COLOURS.funded} isAnimationActive={false} />
        <Bar dataKey="unmet" stackId="req" name={t("unmet")} fill={FUNDING_COLOURS.unmet} isAnimationActive={false} />
      </ComposedChart>
    );
  }
  return (
    <ComposedChart responsive data={rows} style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 4, left: 8 }} accessibilityLayer>
      <CartesianGrid stroke="#e3e7ec" vertical={false} />
      <XAxis dataKey="label" />
      <YAxis yAxisId="usd" tickFormatter={(v: number) => axisTick(v, "usd", locale)} width={64} />
      <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} tickFormatter={(v: number) => axisTick(v, "percent", locale)} width={44} />
      <Tooltip formatter={format} labelFormatter={(label) => eventTooltipLabel(String(label), String(label), events, locale)} />
      {/* recharts' own order (by name), "Events" last. */}
      <Legend formatter={legendLabel} itemSorter={(item) => (item.dataKey === EVENTS_KEY ? "\uffff" : String(item.value))} />
      {eventMarks(events, locale, t("events"), "usd")}
      <Bar yAxisId="usd" dataKey="funded" stackId="req" name={t("funded")} fill={FUNDING_COLOURS.funded} isAnimationActive={false} />
      <Bar yAxisId="usd" dataKey="unmet" stackId="req" name={t("unmet")} fill={FUNDING_COLOURS.unmet} isAnimationActive={false} />
      <Line yAxisId="pct" dataKey="coverage" name={t("coverage")} stroke={FUNDING_COLOURS.coverage} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
    </ComposedChart>
  );
}
