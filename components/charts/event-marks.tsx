"use client";
// Events on a recharts time-series chart (lib/domain/events.ts): a dashed
// line on a day, a tinted band over a period, each numbered at the top with
// its title and date in an SVG <title> (the browser's tooltip, screen
// readers, and the SVG export, which keeps both); and a legend entry
// ("Events") drawn by a line that has no values, so the legend and the
// exports paint its swatch in the markers' colour like any series.
import { Line, ReferenceArea, ReferenceLine } from "recharts";
import { EVENT_COLOUR } from "@/lib/domain/colour-scale";
import { eventLabel, type EventMarker } from "@/lib/domain/events";

/** The column of the legend's "Events" line: no row has it, so it draws nothing. */
export const EVENTS_KEY = "__events";

const DASH = "4 3";

function Mark({ viewBox, n, text }: { viewBox?: { x?: number; y?: number }; n: number; text: string }) {
  const x = viewBox?.x ?? 0;
  const y = viewBox?.y ?? 0;
  return (
    <g className="event-mark" data-event-mark={n}>
      <title>{text}</title>
      <text x={x + 3} y={y + 11} fontSize={11} fontWeight="bold" fill={EVENT_COLOUR}>
        {n}
      </text>
    </g>
  );
}

/**
 * The markers as children of a recharts chart (call it, do not render it as a
 * component: recharts reads its direct children). `yAxisId`: the axis they
 * stand on, in a chart with more than one.
 */
export function eventMarks(markers: readonly EventMarker[], locale: string, legendName: string, yAxisId?: string) {
  if (markers.length === 0) return [];
  const axis = yAxisId === undefined ? {} : { yAxisId };
  return [
    ...markers.map((m, i) => {
      const label = (props: { viewBox?: { x?: number; y?: number } }) => <Mark viewBox={props.viewBox} n={i + 1} text={`${i + 1}. ${eventLabel(m, locale)}`} />;
      return m.x2 ? (
        <ReferenceArea key={`event-${m.id}`} {...axis} x1={m.x1} x2={m.x2} fill={EVENT_COLOUR} fillOpacity={0.1} stroke={EVENT_COLOUR} strokeOpacity={0.4} strokeDasharray={DASH} ifOverflow="hidden" label={label} className="event-marker" />
      ) : (
        <ReferenceLine key={`event-${m.id}`} {...axis} x={m.x1} stroke={EVENT_COLOUR} strokeWidth={1.5} strokeDasharray={DASH} ifOverflow="hidden" label={label} className="event-marker" />
      );
    }),
    <Line key={EVENTS_KEY} {...axis} dataKey={EVENTS_KEY} name={legendName} stroke={EVENT_COLOUR} strokeDasharray={DASH} legendType="line" dot={false} activeDot={false} isAnimationActive={false} tooltipType="none" />,
  ];
}

/** The tooltip's heading at a date: the date, and the events drawn there. */
export function eventTooltipLabel(date: string, dateText: string, markers: readonly EventMarker[], locale: string): string {
  const here = markers.filter((m) => m.x1 === date || m.x2 === date);
  return here.length ? `${dateText} · ${here.map((m) => eventLabel(m, locale)).join(" · ")}` : dateText;
}
