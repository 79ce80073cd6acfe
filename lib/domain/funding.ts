// The one rule for the figures derived from FTS amounts (DOMAIN.md, README
// "The data"): unmet = max(0, required − funded); coverage = funded ÷ required
// in percent, one decimal, rounded half up; none without a requirement. Both
// need the requirement and the funding of the same region, period and
// breakdown: "no data" is not zero. Exact decimal arithmetic (values are
// stored as numeric(20,4)), so the import, the chart, the seed build and
// every write agree to the last digit.
import { fromTenThousandths, plainNumber, toTenThousandths } from "../import/decimal";

export const FUNDING_REQUIRED = "funding_required";
export const FUNDING_FUNDED = "funding_funded";
export const FUNDING_UNMET = "funding_unmet";
export const FUNDING_COVERAGE = "funding_coverage";

/** The indicators whose figures are computed here, never typed or imported as such. */
export const DERIVED_FUNDING = [FUNDING_UNMET, FUNDING_COVERAGE] as const;

export function isDerivedIndicator(code: string): boolean {
  return code === FUNDING_UNMET || code === FUNDING_COVERAGE;
}

export function isFundingInput(code: string): boolean {
  return code === FUNDING_REQUIRED || code === FUNDING_FUNDED;
}

export interface DerivedFunding {
  /** Plain decimal text ("395009375"), or null when it cannot be derived. */
  unmet: string | null;
  coverage: string | null;
}

/** Unmet and coverage from the requirement and funding as plain decimal text. */
export function deriveFunding(required: string | null, funded: string | null): DerivedFunding {
  if (required === null || funded === null) return { unmet: null, coverage: null };
  const req = toTenThousandths(required);
  const fund = toTenThousandths(funded);
  const unmet = fromTenThousandths(req > fund ? req - fund : 0n);
  if (req <= 0n) return { unmet, coverage: null };
  // Tenths of a percent, rounded half up: fund / req × 1000, then back to ten-thousandths of a percent.
  const tenths = (fund * 2000n + req) / (2n * req);
  return { unmet, coverage: fromTenThousandths(tenths * 1000n) };
}

/** One group's stored amounts (plain decimal text, or null for none). */
export interface StoredFunding {
  required: string | null;
  funded: string | null;
  unmet: string | null;
  coverage: string | null;
}

export interface DerivedChange {
  indicator: (typeof DERIVED_FUNDING)[number];
  /** The value to store, or null: the stored figure goes. */
  value: string | null;
}

/** What must change for the stored unmet and coverage to be what the stored requirement and funding give (nothing when in step). */
export function derivedFundingChanges(stored: StoredFunding): DerivedChange[] {
  const derived = deriveFunding(stored.required, stored.funded);
  const changes: DerivedChange[] = [];
  for (const [indicator, want, have] of [
    [FUNDING_UNMET, derived.unmet, stored.unmet],
    [FUNDING_COVERAGE, derived.coverage, stored.coverage],
  ] as const) {
    const inStep = want === null || have === null ? want === have : toTenThousandths(want) === toTenThousandths(have);
    if (!inStep) changes.push({ indicator, value: want });
  }
  return changes;
}

/** The same from stored values read as JavaScript numbers (the dashboards). */
export function deriveFundingFromNumbers(required: number | null, funded: number | null): { unmet: number | null; coverage: number | null } {
  const d = deriveFunding(required === null ? null : plainNumber(required), funded === null ? null : plainNumber(funded));
  return { unmet: d.unmet === null ? null : Number(d.unmet), coverage: d.coverage === null ? null : Number(d.coverage) };
}
