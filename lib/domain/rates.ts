// Per-population rates: a figure as a percentage of the population of the same
// area (% of the population displaced, % in CH phase 3+, % in need). Pure; the
// one rule that the region table (/regions), the map and every other page use
// through lib/data/rates.ts.
import { formatValue } from "./format";

export interface PopulationFigure {
  start: string;
  end: string;
  value: number;
  dataset: string;
}

/** Why a rate is missing: no figure to divide, or no (non-zero) population of the area. */
export type NoRateReason = "noFigure" | "noPopulation";

export type RateResult<P extends PopulationFigure = PopulationFigure> =
  | { rate: number; population: P }
  | { rate: null; reason: NoRateReason; population: null };

/**
 * The population a figure dated `date` is divided by: the one nearest in time
 * and preferably not after it, i.e. the population in force on that date (the
 * latest whose period started on or before it: a 2026 plan-year figure takes
 * the 2026 population, a 2021 DTM round COD-PS 2018's); only when none had
 * started, the earliest later one. Equal periods: the population indicator's
 * preferred dataset first. A zero or missing population is none.
 */
export function populationFor<P extends PopulationFigure>(populations: readonly P[], date: string, preference: readonly string[]): P | null {
  const usable = populations.filter((p) => Number.isFinite(p.value) && p.value > 0);
  const rank = (p: P) => {
    const i = preference.indexOf(p.dataset);
    return i < 0 ? preference.length : i;
  };
  const before = usable.filter((p) => p.start <= date);
  if (before.length) {
    return [...before].sort((a, b) => b.start.localeCompare(a.start) || b.end.localeCompare(a.end) || rank(a) - rank(b))[0] ?? null;
  }
  return [...usable].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || rank(a) - rank(b))[0] ?? null;
}

/**
 * `value` (dated `date`) as a percentage of its area's population
 * (populationFor). No figure or no population is no rate, with its reason,
 * shown as "—": never 0 and never Infinity. A reported zero is a 0 % rate.
 */
export function rateOf<P extends PopulationFigure>(value: number | null, date: string | null, populations: readonly P[], preference: readonly string[]): RateResult<P> {
  if (value === null || date === null || !Number.isFinite(value)) return { rate: null, reason: "noFigure", population: null };
  const population = populationFor(populations, date, preference);
  if (!population) return { rate: null, reason: "noPopulation", population: null };
  return { rate: (value / population.value) * 100, population };
}

/**
 * A rate above 100 %: more people counted than live there, so the figure and
 * the population are not on one base (an old projection, another boundary).
 * Shown with a warning, not hidden: the reader sees both numbers.
 */
export function exceedsPopulation(result: RateResult): boolean {
  return result.rate !== null && result.rate > 100;
}

const rateFormats = new Map<string, Intl.NumberFormat>();

/**
 * A rate (in percent) as the locale writes it: one decimal ("6.3%", "6,3 %");
 * below 1 %, two significant digits, so a small rate never reads "0 %"
 * (Kidal's 0.023 % is not none). The percent sign and the space before it are
 * formatValue's (lib/domain/format.ts), the one French typography rule.
 */
export function formatRate(rate: number, locale: string): string {
  const small = rate !== 0 && Math.abs(rate) < 1;
  const key = `${locale}:${small}`;
  let format = rateFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, small ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 1 });
    rateFormats.set(key, format);
  }
  return `${format.format(rate)}${formatValue(1, "percent", locale).replace(/^1/, "")}`;
}
