import { describe, expect, it } from "vitest";
import { classBreaks, colourFor, SEQUENTIAL } from "./colour-scale";

describe("classBreaks", () => {
  it("splits 0..max into five readable classes ending at the maximum", () => {
    expect(classBreaks([159_027, 97_859, 54_885, 0])).toEqual([32_000, 64_000, 95_000, 130_000, 159_027]);
  });
  it("has no classes without values and one for all zeros", () => {
    expect(classBreaks([])).toEqual([]);
    expect(classBreaks([0, 0])).toEqual([0]);
  });
});

describe("colourFor", () => {
  const breaks = [10, 20, 30, 40, 50];
  it("colours by class, lightest for the smallest values", () => {
    expect(colourFor(0, breaks)).toBe(SEQUENTIAL[0]);
    expect(colourFor(10, breaks)).toBe(SEQUENTIAL[0]);
    expect(colourFor(10.5, breaks)).toBe(SEQUENTIAL[1]);
    expect(colourFor(50, breaks)).toBe(SEQUENTIAL[4]);
  });
  it("returns null for no data, never the colour of 0", () => {
    expect(colourFor(null, breaks)).toBeNull();
    expect(colourFor(undefined, breaks)).toBeNull();
    expect(colourFor(0, [0])).toBe(SEQUENTIAL[0]);
  });
});
