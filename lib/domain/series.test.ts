import { describe, expect, it } from "vitest";
import { changeBetween, coveragePercent, pivotByDate, shareOf, unmetRequirement } from "./series";

describe("pivotByDate", () => {
  it("makes one row per date with null where a key has no figure", () => {
    const rows = pivotByDate(
      [
        { date: "2021-09-30", key: "ML05", value: 159027 },
        { date: "2020-04-30", key: "ML05", value: 102481 },
        { date: "2021-09-30", key: "ML07", value: 97859 },
      ],
      ["ML05", "ML07"],
    );
    expect(rows).toEqual([
      { date: "2020-04-30", ML05: 102481, ML07: null },
      { date: "2021-09-30", ML05: 159027, ML07: 97859 },
    ]);
  });

  it("keeps a reported zero as 0", () => {
    expect(pivotByDate([{ date: "2020-04-30", key: "ML10", value: 0 }], ["ML10"])).toEqual([{ date: "2020-04-30", ML10: 0 }]);
  });
});

describe("changeBetween", () => {
  it("gives the absolute and relative change", () => {
    expect(changeBetween(401736, 250998)).toEqual({ absolute: 150738, percent: expect.closeTo(60.06, 2) });
  });
  it("has no change without a previous figure, and no percentage from zero", () => {
    expect(changeBetween(5, null)).toBeNull();
    expect(changeBetween(5, 0)).toEqual({ absolute: 5, percent: null });
  });
});

describe("funding", () => {
  it("recomputes coverage from sums and never lets unmet go below zero", () => {
    expect(coveragePercent(701569941, 306560566)).toBeCloseTo(43.7, 1);
    expect(coveragePercent(0, 10)).toBeNull();
    expect(coveragePercent(null, 10)).toBeNull();
    expect(unmetRequirement(100, 120)).toBe(0);
    expect(unmetRequirement(100, null)).toBe(100);
    expect(unmetRequirement(null, 5)).toBeNull();
  });
});

describe("shareOf", () => {
  it("is a percentage of the total, null when unknown", () => {
    expect(shareOf(159027, 401736)).toBeCloseTo(39.58, 2);
    expect(shareOf(null, 10)).toBeNull();
    expect(shareOf(1, 0)).toBeNull();
  });
});
