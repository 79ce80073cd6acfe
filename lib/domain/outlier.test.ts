import { describe, expect, it } from "vitest";
import { isOutlier } from "./outlier";

describe("isOutlier", () => {
  it("flags a value more than three times the previous one", () => {
    expect(isOutlier(301, 100)).toBe(true);
    expect(isOutlier(300, 100)).toBe(false);
    expect(isOutlier(10, 100)).toBe(false);
  });

  it("never flags without a positive previous figure", () => {
    expect(isOutlier(5_000, null)).toBe(false);
    expect(isOutlier(5_000, undefined)).toBe(false);
    expect(isOutlier(5_000, 0)).toBe(false);
  });
});
