"use client";
// Lines over time, one per series. Series are observed on different dates
// (DTM rounds, CH cycles), so a line joins a series' own observations (the
// dots); a missing value is never drawn as 0 and reads "no data" in the
// tooltip and the table. Comparison lines (other datasets) are lines of their
// own: a series' dotted line joins only its own observations (IDMC's year
// ends, not DTM's rounds between them), and a report is dots with no line.
// Events within the chart's dates are marked (event-marks.tsx); the date axis
// gets a place for each (an empty row: the lines pass over it).
import { CartesianGrid, LabelList, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale, useTranslations } from "next-intl";
import { formatDate, type UnitCode } from "@/lib/domain/format";
import { loneFigures, type SeriesRow } from "@/lib/domain/series";
import { labelAnchor } from "@/lib/domain/svg-chart";
import { rowsWithEventDates, type EventMarker } from "@/lib/domain/events";
import { legendLabel } from "./legend-label";
import { EVENTS_KEY, eventMarks, eventTooltipLabel } from "./event-marks";
import { axisTick, dateTick, tooltipValue } from "./chart-format";
import type { LineSeries } from "./line-series";

export type { LineSeries } from "./line-series";

export function TimeSeriesChart({ rows, series, unit, height = 300, events = [] }: { rows: SeriesRow[]; series: LineSeries[]; unit: UnitCode; height?: number; events?: EventMarker[] }) {
  const locale = useLocale();
  const t = useTranslations("charts");
  const noData = t("noData");
  const data = events.length ? rowsWithEventDates(rows, events) : rows;
  // A series of one figure: that figure and its date written by its point (a lone dot says neither).
  // Indices are the drawn rows' (event dates included), as LabelList counts them.
  const lone = loneFigures(data, series.map((s) => s.key));
  const pointLabel = (s: LineSeries) => {
    const one = lone.get(s.key);
    if (!one) return null;
    const text = `${tooltipValue(one.value, unit, locale, noData, t("people"))} (${formatDate(one.date, locale)})`;
    const anchor = labelAnchor(data.length > 1 ? one.index / (data.length - 1) : 0.5);
    return (
      <LabelList
        dataKey={s.key}
        content={(props) =>
          props.index === one.index ? (
            <text x={Number(props.x)} y={Number(props.y) - 10} textAnchor={anchor} className="point-label" fontSize={13} data-series={s.key}>
              {text}
            </text>
          ) : null
        }
      />
    );
  };
  // Series in their order, "Events" last.
  const rank = (item: { dataKey?: unknown }) => (item.dataKey === EVENTS_KEY ? series.length : series.findIndex((s) => s.key === item.dataKey));
  return (
    <LineChart responsive data={data} style={{ width: "100%", height }} margin={{ top: 8, right: 16, bottom: 4, left: 8 }} accessibilityLayer>
      <CartesianGrid stroke="#e3e7ec" vertical={false} />
      <XAxis dataKey="date" tickFormatter={(d: string) => dateTick(d, locale)} minTickGap={24} />
      <YAxis tickFormatter={(v: number) => axisTick(v, unit, locale)} width={64} />
      <Tooltip formatter={(v) => tooltipValue(v, unit, locale, noData, t("people"))} labelFormatter={(d) => eventTooltipLabel(String(d), dateTick(String(d), locale), events, locale)} />
      {(series.length > 1 || events.length > 0) && <Legend formatter={legendLabel} itemSorter={rank} />}
      {eventMarks(events, locale, t("events"))}
      {series.map((s) =>
        s.dotsOnly ? (
          <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.colour} strokeWidth={0} legendType="circle" dot={{ r: 4, fill: s.colour, stroke: s.colour, strokeWidth: 1 }} connectNulls={false} isAnimationActive={false} type="linear">
            {pointLabel(s)}
          </Line>
        ) : (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.colour}
            strokeWidth={s.dotted ? 1.5 : 2}
            strokeDasharray={s.dotted ? "2 3" : s.dashed ? "6 4" : undefined}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
            type="linear"
          >
            {pointLabel(s)}
          </Line>
        ),
      )}
    </LineChart>
  );
}
