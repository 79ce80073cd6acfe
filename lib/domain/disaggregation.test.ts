import { describe, expect, it } from "vitest";
import { disaggregationKey, toDisaggregation } from "./disaggregation";

describe("disaggregationKey", () => {
  it("is empty without a disaggregation, so such figures share one unique key", () => {
    expect(disaggregationKey(null)).toBe("");
    expect(disaggregationKey({})).toBe("");
  });
  it("is canonical whatever the property order and sector case", () => {
    expect(disaggregationKey({ chStatus: "projected", chPhase: 3 })).toBe("phase=3;status=projected");
    expect(disaggregationKey({ sector: " Food Security " })).toBe(disaggregationKey({ sector: "food security" }));
  });
  it("tells current and projected apart", () => {
    expect(disaggregationKey({ chStatus: "current" })).not.toBe(disaggregationKey({ chStatus: "projected" }));
  });
});

describe("toDisaggregation", () => {
  it("is null when every column is empty and keeps the ones that are set", () => {
    expect(toDisaggregation({ chPhase: null, chStatus: null, sector: null })).toBeNull();
    expect(toDisaggregation({ chPhase: 4, chStatus: "current", sector: null })).toEqual({ chPhase: 4, chStatus: "current" });
  });
});
