"use client";
// Under a map: the live line naming the area under the pointer or focus, and
// the legend of its classes with the hatched "no data" / "not analysed".
export interface KeyItem {
  key: string | number;
  colour: string;
  label: string;
  /** The CH phase a swatch stands for (the phase map's legend). */
  phase?: number;
}

export function MapKey({ active, legendLabel, items, hatchLabel }: { active: string | null; legendLabel: string; items: KeyItem[]; hatchLabel: string }) {
  return (
    <>
      <div className="map-tooltip" role="status" aria-live="polite">
        {active ?? " "}
      </div>
      <div className="map-legend" aria-label={legendLabel}>
        <ul>
          {items.map((item) => (
            <li key={item.key} data-phase={item.phase}>
              <span className="swatch" style={{ background: item.colour }} aria-hidden="true" />
              {item.label}
            </li>
          ))}
          <li>
            <span className="swatch hatch" aria-hidden="true" />
            {hatchLabel}
          </li>
        </ul>
      </div>
    </>
  );
}
