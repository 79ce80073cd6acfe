// Map and chart colours. Sequential classes come from ColorBrewer's YlGnBu
// (single-hue-ish, ordered by lightness, safe for the common colour-vision
// deficiencies); Cadre Harmonisé phases keep their standard colours.
export const SEQUENTIAL = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"] as const;

export const CH_PHASE_COLOURS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: "#CDFACD",
  2: "#FAE61E",
  3: "#E67800",
  4: "#C80000",
  5: "#640000",
};

/** Categorical colours that stay apart for colour-blind readers (Okabe–Ito). */
export const CATEGORICAL = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"] as const;

/**
 * Upper bounds of `classes` classes, rounded to two significant digits so the
 * legend reads well. Equal intervals from 0: a choropleth of counts where 0 is
 * meaningful. Empty when there are no values.
 */
export function classBreaks(values: number[], classes = SEQUENTIAL.length): number[] {
  if (!values.length) return [];
  const max = Math.max(...values);
  if (max <= 0) return [0];
  const step = max / classes;
  const breaks: number[] = [];
  for (let i = 1; i <= classes; i++) breaks.push(i === classes ? max : roundSignificant(step * i));
  return [...new Set(breaks)];
}

function roundSignificant(n: number, digits = 2): number {
  if (n === 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(n))) - digits + 1);
  return Math.round(n / magnitude) * magnitude;
}

/** The class colour of `value`; null means "no data" (drawn hatched). */
export function colourFor(value: number | null | undefined, breaks: number[], palette: readonly string[] = SEQUENTIAL): string | null {
  if (value === null || value === undefined || !breaks.length) return null;
  const index = breaks.findIndex((b) => value <= b);
  return palette[index < 0 ? breaks.length - 1 : index] ?? null;
}

/** Funding charts: funded and unmet (Okabe-Ito blue and orange), coverage line in black. */
/** Event markers on time-series charts: a purple none of the series' colours uses. */
export const EVENT_COLOUR = "#6a3d9a";

export const FUNDING_COLOURS = { funded: "#0072B2", unmet: "#E69F00", coverage: "#000000" } as const;
