import { describe, expect, it } from "vitest";
import { changeBetween, isComparablePeriod, latestPerKey, loneFigures, periodInForce, pivotByDate, previousComparable, rank, shareOf } from "./series";

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

describe("shareOf", () => {
  it("is a percentage of the total, null when unknown", () => {
    expect(shareOf(159027, 401736)).toBeCloseTo(39.58, 2);
    expect(shareOf(null, 10)).toBeNull();
    expect(shareOf(1, 0)).toBeNull();
  });
});

describe("previousComparable", () => {
  const stock = (d: string) => ({ start: d, end: d });
  it("compares a stock with the latest earlier stock", () => {
    const prev = previousComparable(stock("2022-03-31"), [stock("2021-06-30"), stock("2021-09-30"), stock("2023-01-01")]);
    expect(prev).toEqual(stock("2021-09-30"));
  });
  it("compares a period only with the same season", () => {
    const leanSeason2023 = { start: "2023-06-01", end: "2023-08-31" };
    const candidates = [
      { start: "2022-06-01", end: "2022-08-31" },
      { start: "2023-01-01", end: "2023-05-31" },
      { start: "2022-09-01", end: "2022-12-31" },
      { start: "2022-03-31", end: "2022-03-31" },
    ];
    expect(previousComparable(leanSeason2023, candidates)).toEqual({ start: "2022-06-01", end: "2022-08-31" });
    expect(isComparablePeriod({ start: "2024-01-01", end: "2024-12-31" }, { start: "2012-05-01", end: "2012-12-31" })).toBe(false);
  });
  it("finds nothing for the first figure", () => {
    expect(previousComparable(stock("2014-12-31"), [stock("2014-12-31")])).toBeNull();
  });
});

describe("latestPerKey and rank", () => {
  const points = [
    { date: "2020-04-30", key: "ML05", value: 102481 },
    { date: "2021-09-30", key: "ML05", value: 159027 },
    { date: "2021-09-30", key: "ML07", value: 97859 },
    { date: "2019-12-31", key: "ML04", value: 24291 },
  ];
  it("takes each key's latest value at or before the date", () => {
    const latest = latestPerKey(points, "2020-12-31");
    expect([...latest.values()].map((p) => [p.key, p.value])).toEqual([["ML05", 102481], ["ML04", 24291]]);
  });
  it("ranks highest first with a stable order on ties", () => {
    expect(rank(new Map([["ML07", 5], ["ML05", 9], ["ML04", 5]]))).toEqual([
      { key: "ML05", value: 9 },
      { key: "ML04", value: 5 },
      { key: "ML07", value: 5 },
    ]);
  });
});

describe("periodInForce", () => {
  const periods = [
    { start: "2023-01-01", end: "2023-05-31" },
    { start: "2022-09-01", end: "2022-12-31" },
    { start: "2022-01-01", end: "2022-05-31" },
  ];
  it("takes the period containing the date, else the latest one ended before it", () => {
    expect(periodInForce(periods, "2023-03-15")).toEqual({ start: "2023-01-01", end: "2023-05-31" });
    expect(periodInForce(periods, "2022-07-01")).toEqual({ start: "2022-01-01", end: "2022-05-31" });
    expect(periodInForce(periods, "2021-12-31")).toBeNull();
  });
  it("defaults to the latest period", () => {
    expect(periodInForce(periods)).toEqual({ start: "2023-01-01", end: "2023-05-31" });
    expect(periodInForce([])).toBeNull();
  });
});

describe("loneFigures", () => {
  it("finds the series with exactly one figure, with its row", () => {
    const rows = [
      { date: "2021-06-30", ML05: 10, ML06: null, ML07: 3 },
      { date: "2021-09-30", ML05: 12, ML06: 159_027, ML07: null },
    ];
    expect(loneFigures(rows, ["ML05", "ML06", "ML07", "ML08"])).toEqual(
      new Map([
        ["ML06", { index: 1, date: "2021-09-30", value: 159_027 }],
        ["ML07", { index: 0, date: "2021-06-30", value: 3 }],
      ]),
    );
  });
});
