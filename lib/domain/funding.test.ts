import { describe, expect, it } from "vitest";
import { deriveFunding, deriveFundingFromNumbers, derivedFundingChanges, isDerivedIndicator, isFundingInput } from "./funding";

describe("funding derivations (one rule for import, chart, seed and every write)", () => {
  it("unmet = required − funded, exactly, never below 0; coverage = funded ÷ required in %, one decimal", () => {
    expect(deriveFunding("701569941", "306560566")).toEqual({ unmet: "395009375", coverage: "43.7" });
    expect(deriveFunding("18740656", "25555400")).toEqual({ unmet: "0", coverage: "136.4" });
    expect(deriveFunding("0.3", "0.1")).toEqual({ unmet: "0.2", coverage: "33.3" });
    expect(deriveFunding("1000000000000.0001", "0.0001")).toEqual({ unmet: "1000000000000", coverage: "0" });
  });

  it("rounds coverage half up on the exact quotient, not on a float", () => {
    // 201 / 400 = 50.25 % exactly → 50.3; Math.round(201 / 400 * 1000) / 10 gives 50.2.
    expect(deriveFunding("400", "201").coverage).toBe("50.3");
    expect(deriveFunding("8", "1").coverage).toBe("12.5");
    expect(deriveFunding("2000", "1").coverage).toBe("0.1"); // 0.05 % → 0.1
    expect(deriveFunding("2001", "1").coverage).toBe("0");
  });

  it("derives nothing without both figures, and no coverage without a requirement", () => {
    expect(deriveFunding(null, "30801404")).toEqual({ unmet: null, coverage: null });
    expect(deriveFunding("100", null)).toEqual({ unmet: null, coverage: null });
    expect(deriveFunding("0", "5000")).toEqual({ unmet: "0", coverage: null });
  });

  it("gives the chart the same numbers from stored values", () => {
    expect(deriveFundingFromNumbers(701_569_941, 306_560_566)).toEqual({ unmet: 395_009_375, coverage: 43.7 });
    expect(deriveFundingFromNumbers(0.3, 0.1)).toEqual({ unmet: 0.2, coverage: 33.3 });
    expect(deriveFundingFromNumbers(null, 5)).toEqual({ unmet: null, coverage: null });
  });

  it("names the indicators it reads and the ones it writes", () => {
    expect(["funding_required", "funding_funded", "funding_unmet", "funding_coverage", "idps"].map(isFundingInput)).toEqual([true, true, false, false, false]);
    expect(["funding_required", "funding_funded", "funding_unmet", "funding_coverage", "idps"].map(isDerivedIndicator)).toEqual([false, false, true, true, false]);
  });

  it("says what the stored unmet and coverage of a group must become, comparing exactly", () => {
    expect(derivedFundingChanges({ required: "1000", funded: "400", unmet: "600.0000", coverage: "40" })).toEqual([]);
    expect(derivedFundingChanges({ required: "1000", funded: "900", unmet: "600", coverage: "40" })).toEqual([
      { indicator: "funding_unmet", value: "100" },
      { indicator: "funding_coverage", value: "90" },
    ]);
    expect(derivedFundingChanges({ required: "1000", funded: "400", unmet: null, coverage: "40" })).toEqual([{ indicator: "funding_unmet", value: "600" }]);
    expect(derivedFundingChanges({ required: null, funded: "400", unmet: "600", coverage: null })).toEqual([{ indicator: "funding_unmet", value: null }]);
    expect(derivedFundingChanges({ required: "0", funded: "5", unmet: "0", coverage: "12" })).toEqual([{ indicator: "funding_coverage", value: null }]);
    expect(derivedFundingChanges({ required: null, funded: null, unmet: null, coverage: null })).toEqual([]);
  });
});
