import { describe, expect, it } from "vitest";
import { outlierChange } from "./outlier";

describe("outlierChange", () => {
  it("flags a value more than three times the previous one", () => {
    expect(outlierChange(301, 100)).toBe("rise");
    expect(outlierChange(300, 100)).toBeNull();
    expect(outlierChange(100, 100)).toBeNull();
  });

  it("flags a fall to less than a third of the previous one, a zero included", () => {
    expect(outlierChange(33, 100)).toBe("fall");
    expect(outlierChange(0, 100)).toBe("fall");
    expect(outlierChange(34, 100)).toBeNull();
    expect(outlierChange(100 / 3, 100)).toBeNull();
  });

  it("never flags without a positive previous figure", () => {
    expect(outlierChange(5_000, null)).toBeNull();
    expect(outlierChange(5_000, undefined)).toBeNull();
    expect(outlierChange(5_000, 0)).toBeNull();
  });
});
