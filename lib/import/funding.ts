// FTS amounts give two more figures, recomputed from the (summed) amounts at
// every level by the one rule (lib/domain/funding.ts), so a preview of the
// file alone lists them. A file's own unmet or coverage column is not taken
// as such: it is recomputed (FTS's percentFunded is rounded to whole percents).
// lib/data/import-funding.ts completes this with the stored figures.
import { disaggregationKey } from "../domain/disaggregation";
import { deriveFunding, FUNDING_COVERAGE, FUNDING_FUNDED, FUNDING_REQUIRED, FUNDING_UNMET, isDerivedIndicator } from "../domain/funding";
import type { Candidate } from "./apply-mapping";

export function withFundingDerived(candidates: Candidate[]): Candidate[] {
  const groupKey = (c: Candidate) => [c.region, c.periodStart, c.periodEnd, disaggregationKey(c.disaggregation)].join("|");
  const groups = new Map<string, Map<string, Candidate>>();
  for (const c of candidates) groups.set(groupKey(c), (groups.get(groupKey(c)) ?? new Map<string, Candidate>()).set(c.indicator, c));
  const derived: Candidate[] = [];
  const recomputed = new Set<string>();
  for (const [key, group] of groups) {
    const required = group.get(FUNDING_REQUIRED);
    const funded = group.get(FUNDING_FUNDED);
    // Funding outside a plan, or for "multiple clusters", has no requirement: no unmet, no coverage.
    if (!required || !funded) continue;
    recomputed.add(key);
    const { unmet, coverage } = deriveFunding(required.value, funded.value);
    const lines = [...new Set([...required.lines, ...funded.lines])].sort((a, b) => a - b);
    const like = (indicator: string, value: string): Candidate => ({ ...required, indicator, value, lines });
    if (unmet !== null) derived.push(like(FUNDING_UNMET, unmet));
    if (coverage !== null) derived.push(like(FUNDING_COVERAGE, coverage));
  }
  return [...candidates.filter((c) => !(isDerivedIndicator(c.indicator) && recomputed.has(groupKey(c)))), ...derived];
}
