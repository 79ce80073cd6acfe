import { describe, expect, it } from "vitest";
import { areaPhase, areaPhasesAt } from "./area-phase";

describe("areaPhase (the CH 20 % rule)", () => {
  it("takes the highest phase with at least 20 % of the population in it or worse", () => {
    // 100 people: phase 3+ = 25 (25 %), phase 4+ = 10 (10 %) → phase 3.
    expect(areaPhase([50, 25, 15, 10, 0])).toMatchObject({ phase: 3, population: 100 });
    // Phase 4+ = 5 + 15 = 20 of 100 → phase 4, even though phase 3 itself holds only 5.
    expect(areaPhase([60, 15, 5, 15, 5])?.phase).toBe(4);
    // Nobody beyond phase 1 → phase 1.
    expect(areaPhase([1000, 0, 0, 0, 0])?.phase).toBe(1);
    // 20 % in phase 5 alone → phase 5.
    expect(areaPhase([40, 20, 10, 10, 20])?.phase).toBe(5);
  });

  it("counts exactly 20 % (also with four-decimal figures) and not just under it", () => {
    expect(areaPhase([60, 20, 20, 0, 0])?.phase).toBe(3);
    expect(areaPhase([60.0001, 20, 19.9999, 0, 0])?.phase).toBe(2);
    // 0.6 / 3 is 0.19999999999999998 in floating point: still exactly 20 %.
    expect(areaPhase([2.1, 0.3, 0.6, 0, 0])?.phase).toBe(3);
  });

  it("uses the sum of the five phases as the population and gives the cumulative shares", () => {
    const a = areaPhase([300, 100, 50, 40, 10]);
    expect(a?.population).toBe(500);
    expect(a?.cumulativeShares).toEqual([1, 0.4, 0.2, 0.1, 0.02]);
    expect(a?.phase).toBe(3);
  });

  it("is not analysed without figures, with a phase missing, or with nobody counted", () => {
    expect(areaPhase([])).toBeNull();
    expect(areaPhase([null, null, null, null, null])).toBeNull();
    expect(areaPhase([50, 25, null, 10, 0])).toBeNull();
    expect(areaPhase([50, 25, 15, 10])).toBeNull();
    expect(areaPhase([0, 0, 0, 0, 0])).toBeNull();
    expect(areaPhase([10, 0, Number.NaN, 0, 0])).toBeNull();
  });
});

describe("areaPhasesAt", () => {
  const point = (region: string, phase: number, value: number, end = "2024-08-31") => ({ region, start: "2024-06-01", end, key: `phase=${phase};status=projected`, value });
  const five = (region: string, values: number[], end?: string) => values.map((v, i) => point(region, i + 1, v, end));

  it("classifies each area of the period ending on the date, from its own five phases", () => {
    const phases = areaPhasesAt([...five("ML05", [50, 25, 15, 10, 0]), ...five("ML07", [70, 15, 10, 5, 0]), ...five("ML05", [0, 0, 0, 0, 100], "2023-08-31")], "2024-08-31");
    expect(phases.get("ML05")).toMatchObject({ phase: 3, population: 100, start: "2024-06-01", end: "2024-08-31", byPhase: [50, 25, 15, 10, 0] });
    expect(phases.get("ML07")?.phase).toBe(2);
  });

  it("leaves out an area with a phase missing, or with figures of another period only", () => {
    const phases = areaPhasesAt([...five("ML05", [50, 25, 15, 10, 0]).slice(0, 4), ...five("ML06", [1, 1, 1, 1, 1], "2023-08-31")], "2024-08-31");
    expect([...phases.keys()]).toEqual([]);
  });
});
