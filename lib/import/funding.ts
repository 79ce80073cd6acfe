// FTS amounts give two more figures, recomputed from the (summed) amounts at
// every level, never averaged (DOMAIN.md): unmet = max(0, required − funded),
// coverage = funded / required in percent, one decimal.
import { disaggregationKey } from "../domain/disaggregation";
import { fromTenThousandths, toTenThousandths } from "./decimal";
import type { Candidate } from "./apply-mapping";

export function withFundingDerived(candidates: Candidate[]): Candidate[] {
  const groupKey = (c: Candidate) => [c.region, c.periodStart, c.periodEnd, disaggregationKey(c.disaggregation)].join("|");
  const groups = new Map<string, Map<string, Candidate>>();
  for (const c of candidates) groups.set(groupKey(c), (groups.get(groupKey(c)) ?? new Map<string, Candidate>()).set(c.indicator, c));
  const derived: Candidate[] = [];
  for (const group of groups.values()) {
    const required = group.get("funding_required");
    const funded = group.get("funding_funded");
    // Funding outside a plan, or for "multiple clusters", has no requirement: no unmet, no coverage.
    if (!required || !funded) continue;
    const req = toTenThousandths(required.value);
    const fund = toTenThousandths(funded.value);
    const lines = [...new Set([...required.lines, ...funded.lines])].sort((a, b) => a - b);
    const like = (indicator: string, value: bigint): Candidate => ({ ...required, indicator, value: fromTenThousandths(value), lines });
    if (!group.has("funding_unmet")) derived.push(like("funding_unmet", req > fund ? req - fund : 0n));
    // Tenths of a percent, rounded half up, then in ten-thousandths: 43.7 → 437000.
    if (req > 0n && !group.has("funding_coverage")) derived.push(like("funding_coverage", ((fund * 2000n + req) / (2n * req)) * 1000n));
  }
  return [...candidates, ...derived];
}
