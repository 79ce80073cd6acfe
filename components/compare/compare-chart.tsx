"use client";
// Every dataset of a selection on one chart: one line per dataset, never one
// line across two. The preferred dataset is drawn first, thick and solid;
// the other series thinner, each with its own dash; a report's one-off
// figures as dots only (nothing joins a publication's claims over time).
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale, useTranslations } from "next-intl";
import type { UnitCode } from "@/lib/domain/format";
import type { SeriesRow } from "@/lib/domain/series";
import { axisTick, dateTick, tooltipValue } from "@/components/charts/chart-format";
import { legendLabel } from "@/components/charts/legend-label";
import { EVENTS_KEY, eventMarks, eventTooltipLabel } from "@/components/charts/event-marks";
import { rowsWithEventDates, type EventMarker } from "@/lib/domain/events";

export interface CompareLine {
  /** The dataset's code: the rows' column. */
  key: string;
  label: string;
  colour: string;
  preferred: boolean;
  report: boolean;
  /** A dash pattern for the other series; none for the preferred one. */
  dash?: string;
}

export function CompareChart({ rows, lines, unit, height = 340, events = [] }: { rows: SeriesRow[]; lines: CompareLine[]; unit: UnitCode; height?: number; events?: EventMarker[] }) {
  const locale = useLocale();
  const t = useTranslations("charts");
  // Legend and tooltip in preferred order (recharts sorts them by label otherwise).
  const order = new Map(lines.map((l, i) => [l.key, i]));
  // "Events" (event-marks.tsx) last.
  const rank = (item: { dataKey?: unknown }) => (item.dataKey === EVENTS_KEY ? lines.length + 1 : (order.get(String(item.dataKey)) ?? lines.length));
  // Painted last, on top: the preferred line over the other series, and a report's dots over both.
  const layer = (l: CompareLine) => (l.report ? 2 : l.preferred ? 1 : 0);
  const painted = [...lines].sort((a, b) => layer(a) - layer(b));
  return (
    <LineChart responsive data={events.length ? rowsWithEventDates(rows, events) : rows} style={{ width: "100%", height }} margin={{ top: 8, right: 16, bottom: 4, left: 8 }} accessibilityLayer>
      <CartesianGrid stroke="#e3e7ec" vertical={false} />
      <XAxis dataKey="date" tickFormatter={(d: string) => dateTick(d, locale)} minTickGap={24} />
      <YAxis tickFormatter={(v: number) => axisTick(v, unit, locale)} width={64} />
      <Tooltip formatter={(v) => tooltipValue(v, unit, locale, t("noData"), t("people"))} labelFormatter={(d) => eventTooltipLabel(String(d), dateTick(String(d), locale), events, locale)} itemSorter={rank} />
      <Legend formatter={legendLabel} itemSorter={rank} />
      {eventMarks(events, locale, t("events"))}
      {painted.map((l) => (
        <Line
          key={l.key}
          dataKey={l.key}
          name={l.label}
          stroke={l.colour}
          strokeWidth={l.report ? 0 : l.preferred ? 3 : 1.5}
          strokeDasharray={l.dash}
          legendType={l.report ? "circle" : "line"}
          dot={{ r: l.preferred ? 4 : l.report ? 5 : 3, fill: l.report ? l.colour : "#fff", stroke: l.colour, strokeWidth: l.report ? 0 : 2 }}
          activeDot={{ r: l.report ? 6 : 5 }}
          connectNulls
          isAnimationActive={false}
          type="linear"
        />
      ))}
    </LineChart>
  );
}
