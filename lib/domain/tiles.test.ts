import { describe, expect, it } from "vitest";
import { isWorthListing, latestFigure, otherSources, yearToDate, type ReferencedFigure } from "./tiles";

const fig = (dataset: string, end: string, value: number, reference = end, start = end): ReferencedFigure => ({ dataset, start, end, value, reference });

describe("other sources under a tile", () => {
  // The national IDP tile: DTM's 401,736 of 30 Sep 2021 is shown.
  const shown = fig("iom-dtm-mali", "2021-09-30", 401_736);

  it("lists a figure that is newer, or more than 5 % away from the shown one", () => {
    expect(isWorthListing(shown, fig("idmc-gidd", "2024-12-31", 400_000))).toBe(true); // newer, close
    expect(isWorthListing(shown, fig("crs-2021", "2021-06-30", 372_000))).toBe(true); // older, 7.4 % below
    expect(isWorthListing(shown, fig("x", "2021-06-30", 401_736 * 0.951))).toBe(false); // older, 4.9 % below
    expect(isWorthListing(shown, fig("x", "2021-06-30", 401_736 * 1.049))).toBe(false); // older, 4.9 % above
    expect(isWorthListing(shown, fig("x", "2021-06-30", 401_736 * 1.06))).toBe(true);
    expect(isWorthListing(shown, fig("x", "2021-09-30", 401_736))).toBe(false); // same date, same value
  });

  it("compares dates by reference date, not period end", () => {
    // A plan-year figure published in April is as of April, older than a September figure.
    expect(isWorthListing(shown, fig("x", "2021-12-31", 401_736, "2021-04-18", "2021-01-01"))).toBe(false);
  });

  it("treats any other value as different from a shown zero", () => {
    const zero = fig("a", "2021-09-30", 0);
    expect(isWorthListing(zero, fig("b", "2021-06-30", 0))).toBe(false);
    expect(isWorthListing(zero, fig("b", "2021-06-30", 3))).toBe(true);
  });

  it("takes each other dataset's latest figure only, newest first, and never the shown dataset", () => {
    const others = [
      fig("idmc-gidd", "2023-12-31", 344_061),
      fig("idmc-gidd", "2024-12-31", 360_591),
      fig("tnh-2022", "2022-03-21", 350_000),
      fig("crs-2021", "2021-06-30", 372_000),
      fig("iom-dtm-mali", "2020-04-30", 250_998),
      fig("close-report", "2021-06-30", 400_000),
    ];
    expect(otherSources(shown, others).map((p) => [p.dataset, p.value])).toEqual([
      ["idmc-gidd", 360_591],
      ["tnh-2022", 350_000],
      ["crs-2021", 372_000],
    ]);
    expect(otherSources(shown, [])).toEqual([]);
  });

  it("picks the latest figure by period end, then start", () => {
    expect(latestFigure([fig("a", "2024-12-31", 1, "2024-12-31", "2024-01-01"), fig("a", "2024-12-31", 2, "2024-12-31", "2024-06-01"), fig("a", "2023-12-31", 3)])?.value).toBe(2);
    expect(latestFigure([])).toBeNull();
  });
});

describe("year to date", () => {
  const y2026 = { end: "2026-12-31", reference: "2026-04-18" };
  const y2025 = { end: "2025-12-31", reference: "2025-12-31" };

  it("says a running plan year is to date, against a whole previous year", () => {
    expect(yearToDate(y2026, y2025)).toEqual({ asOf: "2026-04-18", previousAsOf: null });
  });

  it("says when the previous figure was also to date", () => {
    expect(yearToDate(y2026, { end: "2025-12-31", reference: "2025-04-30" })).toEqual({ asOf: "2026-04-18", previousAsOf: "2025-04-30" });
  });

  it("says nothing for a whole period", () => {
    expect(yearToDate(y2025, { end: "2024-12-31", reference: "2024-12-31" })).toBeNull();
    expect(yearToDate({ end: "2021-09-30", reference: "2021-09-30" }, null)).toBeNull();
  });
});
