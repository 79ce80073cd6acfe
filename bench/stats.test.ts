import { describe, expect, it } from "vitest";
import { percentile, summarise } from "./stats";

describe("percentile", () => {
  it("uses the nearest rank", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
  it("summarises requests, p50, p95 and errors", () => {
    expect(summarise([1, 2, 3, 4], 1)).toEqual({ requests: 4, p50: 2, p95: 4, errors: 1 });
  });
});
