import { describe, expect, it } from "vitest";
import { asOfDate, fundingRow, phaseRows, rowsByDate, thinByPeriod } from "./charts";

const p = (region: string, end: string, key: string, value: number) => ({ region, start: end, end, key, value });

describe("chart data", () => {
  it("pivots points into rows by date, gaps as null", () => {
    const rows = rowsByDate([p("ML05", "2021-09-30", "", 159027), p("ML07", "2020-04-30", "", 83624)], (x) => x.region, ["ML05", "ML07"]);
    expect(rows).toEqual([
      { date: "2020-04-30", ML05: null, ML07: 83624 },
      { date: "2021-09-30", ML05: 159027, ML07: null },
    ]);
    expect(asOfDate([p("ML05", "2021-09-30", "", 1), p("ML07", "2020-04-30", "", 2)])).toBe("2021-09-30");
    expect(asOfDate([])).toBeNull();
  });

  it("dates a chart 'as of' its latest reference date: never after the source's publication nor today", () => {
    // An FTS snapshot of the 2026 plan year published on 18 April 2026.
    const fts = { end: "2026-12-31", publishedOn: "2026-04-18" };
    expect(asOfDate([{ end: "2025-12-31", publishedOn: "2026-04-18" }, fts], "2026-12-02")).toBe("2026-04-18");
    // Without a publication date, a period that has not ended yet is as of today.
    expect(asOfDate([{ end: "2026-12-31", publishedOn: null }], "2026-12-02")).toBe("2026-12-02");
    // The latest reference wins, not the latest period end.
    expect(asOfDate([fts, { end: "2026-06-30", publishedOn: "2026-07-15" }], "2026-12-02")).toBe("2026-06-30");
  });

  it("lays out CH phases per region, missing phases as null and real zeros as 0", () => {
    const points = [p("ML05", "2023-08-31", "phase=1;status=projected", 10), p("ML05", "2023-08-31", "phase=5;status=projected", 0)];
    const rows = phaseRows(points, [p("ML05", "2023-08-31", "status=projected", 436514)], ["ML05", "ML08"]);
    expect(rows).toEqual([
      { region: "ML05", p1: 10, p2: null, p3: null, p4: null, p5: 0, p35: 436514 },
      { region: "ML08", p1: null, p2: null, p3: null, p4: null, p5: null, p35: null },
    ]);
  });

  it("recomputes unmet and coverage from requirement and funding", () => {
    expect(fundingRow("2024", 701_569_941, 306_560_566)).toEqual({ label: "2024", required: 701_569_941, funded: 306_560_566, unmet: 395_009_375, coverage: 43.7 });
    expect(fundingRow("Protection", 18_740_656, 25_555_400)).toMatchObject({ unmet: 0, coverage: 136.4 });
    expect(fundingRow("Shared", null, 30_801_404)).toMatchObject({ unmet: null, coverage: null });
  });
});

describe("thinByPeriod", () => {
  const monthly = (region: string, months: number) =>
    Array.from({ length: months }, (_, i) => {
      const d = new Date(Date.UTC(2006, i + 1, 0)).toISOString().slice(0, 10); // month ends
      return p(region, d, "", i);
    });

  it("leaves short series alone", () => {
    const points = monthly("ML05", 24);
    expect(thinByPeriod(points, (x) => x.region)).toEqual({ points, thinning: "none" });
  });

  it("keeps the latest point of each quarter per series when there are too many dates", () => {
    const { points, thinning } = thinByPeriod([...monthly("ML05", 120), ...monthly("ML07", 120)], (x) => x.region);
    expect(thinning).toBe("quarter");
    expect(points).toHaveLength(80);
    expect(points.filter((x) => x.region === "ML05").slice(0, 2).map((x) => [x.end, x.value])).toEqual([["2006-03-31", 2], ["2006-06-30", 5]]);
  });

  it("falls back to years for very long series", () => {
    const { points, thinning } = thinByPeriod(monthly("ML05", 240), (x) => x.region);
    expect(thinning).toBe("year");
    expect(points).toHaveLength(20);
  });
});
