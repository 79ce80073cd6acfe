// Cadre Harmonisé area phase classification: the phase a map colours an area
// (region, cercle) in. An area takes the highest phase P such that at least
// 20 % of its analysed population is in phase P or worse (the CH/IPC "20 %
// rule"), which is how analysts read CH maps.
//
// The analysed population is the sum of the five phases' figures of that area
// and period (DOMAIN.md: the CH's own `population` column is not always that
// sum; the shares must be of the people the phases count, so the phases'
// sum is the base). An area needs all five phases to be classified: a missing
// phase is no data, never 0, and without it the shares cannot be known.
export type ChPhase = 1 | 2 | 3 | 4 | 5;

export const CH_PHASES: readonly ChPhase[] = [1, 2, 3, 4, 5];

/** The share (per cent) of the population in a phase or worse that classifies an area in that phase. */
export const AREA_PHASE_THRESHOLD_PERCENT = 20;

export interface AreaPhase {
  phase: ChPhase;
  /** Sum of the five phases: the analysed population. */
  population: number;
  /** share[P - 1] = people in phase P or worse ÷ population (P = 1 … 5). */
  cumulativeShares: number[];
}

/** Figures are exact to four decimals (numeric(20,4)): compare in ten-thousandths, so exactly 20 % counts. */
const units = (n: number) => Math.round(n * 10_000);

/**
 * The area phase of one area from its population by phase (index 0 = phase 1);
 * null when the area was not analysed: no figures, a phase missing, or nobody
 * counted (a zero population has no shares).
 */
export function areaPhase(byPhase: readonly (number | null | undefined)[]): AreaPhase | null {
  if (byPhase.length !== 5) return null;
  const people: number[] = [];
  for (const value of byPhase) {
    if (value === null || value === undefined || !Number.isFinite(value) || value < 0) return null;
    people.push(units(value));
  }
  const population = people.reduce((a, b) => a + b, 0);
  if (population === 0) return null;
  // cumulative[P - 1]: people in phase P or worse.
  const cumulative = people.map((_, i) => people.slice(i).reduce((a, b) => a + b, 0));
  let phase: ChPhase = 1;
  for (const p of CH_PHASES) {
    // cumulative ≥ 20 % of population, in integers (no float rounding at exactly 20 %).
    if (cumulative[p - 1]! * 100 >= population * AREA_PHASE_THRESHOLD_PERCENT) phase = p;
  }
  return { phase, population: population / 10_000, cumulativeShares: cumulative.map((c) => c / population) };
}

export interface PhasePoint {
  region: string;
  start: string;
  end: string;
  /** 'phase=N;status=S' (lib/domain/disaggregation.ts). */
  key: string;
  value: number;
}

export interface AreaPhaseAt extends AreaPhase {
  start: string;
  end: string;
  /** People in phase 1 … 5. */
  byPhase: number[];
}

/**
 * Each area's phase for the CH period ending on `date`, from the population
 * by phase of one dataset and status. Only that period's figures count: a CH
 * analysis says nothing about another period, so an area without them is not
 * analysed (absent from the map), never shown with an older phase.
 */
export function areaPhasesAt(points: readonly PhasePoint[], date: string): Map<string, AreaPhaseAt> {
  const byArea = new Map<string, { start: string; end: string; byPhase: (number | null)[] }>();
  for (const p of points) {
    if (p.end !== date) continue;
    const phase = /^phase=([1-5])(;|$)/.exec(p.key)?.[1];
    if (!phase) continue;
    const area = byArea.get(p.region) ?? { start: p.start, end: p.end, byPhase: [null, null, null, null, null] };
    area.byPhase[Number(phase) - 1] = p.value;
    byArea.set(p.region, area);
  }
  const phases = new Map<string, AreaPhaseAt>();
  for (const [region, area] of byArea) {
    const classified = areaPhase(area.byPhase);
    if (classified) phases.set(region, { ...classified, start: area.start, end: area.end, byPhase: area.byPhase as number[] });
  }
  return phases;
}
