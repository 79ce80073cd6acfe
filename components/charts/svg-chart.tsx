"use client";
// Draws a PlotSpec (lib/domain/svg-chart.ts) as plain SVG, with a tooltip on
// hover and on keyboard focus (arrow keys move between dates). No charting
// library: the overview's JavaScript stays small.
import { useState, type KeyboardEvent, type PointerEvent } from "react";
import { useLocale } from "next-intl";
import { nearestColumn, TICK_FONT_SIZE, type PlotSpec } from "@/lib/domain/svg-chart";
import { sign } from "@/lib/domain/typography";

export function SvgChart({ spec, label, id }: { spec: PlotSpec; label: string; id: string }) {
  const locale = useLocale();
  const [active, setActive] = useState<number | null>(null);
  const { plot } = spec;
  const column = active === null ? null : spec.columns[active];

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    setActive(nearestColumn(spec.columns, ((event.clientX - box.left) / box.width) * spec.width));
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const last = spec.columns.length - 1;
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity }[event.key];
    if (step === undefined || last < 0) return;
    event.preventDefault();
    setActive((i) => Math.max(0, Math.min(last, (i ?? (step > 0 ? -1 : last + 1)) + step)));
  };

  return (
    <div className="svg-chart">
      {spec.legend.length > 0 && (
        <ul className="svg-legend">
          {spec.legend.map((l) => (
            <li key={l.label}>
              <svg width="18" height="10" aria-hidden="true">
                {l.kind === "bar" ? <rect width="18" height="10" fill={l.colour} /> : <line x1="0" x2="18" y1="5" y2="5" stroke={l.colour} strokeWidth="2" strokeDasharray={l.dashed ? "5 3" : undefined} />}
              </svg>
              {l.label}
            </li>
          ))}
        </ul>
      )}
      <svg
        viewBox={`0 0 ${spec.width} ${spec.height}`}
        role="img"
        aria-label={label}
        tabIndex={0}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setActive(null)}
        onFocus={() => setActive((i) => i ?? spec.columns.length - 1)}
        onBlur={() => setActive(null)}
        onKeyDown={onKeyDown}
      >
        {spec.yTicks.map((t) => (
          <g key={`y${t.y}`}>
            <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} stroke="#e3e7ec" />
            <text x={plot.left - 6} y={t.y + 5} textAnchor="end" className="svg-tick" fontSize={TICK_FONT_SIZE}>
              {t.label}
            </text>
          </g>
        ))}
        {spec.y2Ticks.map((t) => (
          <text key={`y2${t.y}`} x={plot.right + 6} y={t.y + 5} className="svg-tick" fontSize={TICK_FONT_SIZE}>
            {t.label}
          </text>
        ))}
        {spec.xTicks.map((t) => (
          <text key={`x${t.x}`} x={t.x} y={plot.bottom + TICK_FONT_SIZE + 4} textAnchor="middle" className="svg-tick" fontSize={TICK_FONT_SIZE}>
            {t.label}
          </text>
        ))}
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="#8a96a3" />
        {spec.bars.map((b) => (
          <rect key={`${b.x},${b.y}`} x={b.x} y={b.y} width={b.width} height={b.height} fill={b.colour} />
        ))}
        {spec.events?.map((e) => (
          <g key={`event${e.n}`} className="event-marker" data-event-mark={e.n}>
            <title>{e.label}</title>
            {e.x2 === null ? (
              <line x1={e.x} x2={e.x} y1={plot.top} y2={plot.bottom} stroke={e.colour} strokeWidth="1.5" strokeDasharray="4 3" />
            ) : (
              <rect x={e.x} y={plot.top} width={Math.max(1, e.x2 - e.x)} height={plot.bottom - plot.top} fill={e.colour} fillOpacity="0.1" stroke={e.colour} strokeOpacity="0.4" strokeDasharray="4 3" />
            )}
            <text x={e.x + 3} y={plot.top + 11} fontSize="11" fontWeight="bold" fill={e.colour}>
              {e.n}
            </text>
          </g>
        ))}
        {column && <line x1={column.x} x2={column.x} y1={plot.top} y2={plot.bottom} stroke="#5b6875" strokeDasharray="3 3" />}
        {spec.lines.map((l, i) => {
          // Observations as markers: one element per line however many dates it has.
          const marker = `url(#${id}-dot-${i})`;
          return (
            <g key={l.key}>
              <marker id={`${id}-dot-${i}`} viewBox="0 0 8 8" refX="4" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse">
                <circle cx="4" cy="4" r="3" fill="#fff" stroke={l.colour} strokeWidth="1.5" />
              </marker>
              <path d={l.path} fill="none" stroke={l.colour} strokeWidth="2" strokeDasharray={l.dashed ? "6 4" : undefined} markerStart={marker} markerMid={marker} markerEnd={marker} />
            </g>
          );
        })}
        {spec.labels.map((l) => (
          <text key={`label-${l.key}`} x={l.x} y={l.y} textAnchor={l.anchor} className="point-label" fontSize={TICK_FONT_SIZE} data-series={l.key}>
            {l.text}
          </text>
        ))}
      </svg>
      <div className="svg-tooltip" role="status" aria-live="polite" hidden={!column} style={column ? { left: `${Math.min(85, Math.max(15, (column.x / spec.width) * 100))}%` } : undefined}>
        {column && (
          <>
            <strong>{column.label}</strong>
            {spec.series.map((s, i) => (
              <span key={s.label}>
                <i style={{ background: s.colour }} aria-hidden="true" /> {s.label}
                {sign(":", locale)} {column.texts[i]}
              </span>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
