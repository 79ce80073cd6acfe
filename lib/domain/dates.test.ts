import { describe, expect, it } from "vitest";
import { parseIsoDate, periodsOverlap, toIsoDate } from "./dates";

describe("parseIsoDate", () => {
  it("reads calendar dates in UTC", () => {
    expect(parseIsoDate("2021-09-30")?.toISOString()).toBe("2021-09-30T00:00:00.000Z");
    expect(parseIsoDate("2024-02-29")).not.toBeNull();
  });
  it.each(["2021-02-30", "2023-02-29", "2021-13-01", "21-09-30", "2021-9-30", "30/09/2021", "2021-09-30T00:00:00Z", ""])("refuses %j", (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });
  it("round-trips through toIsoDate", () => {
    expect(toIsoDate(parseIsoDate("2014-12-31")!)).toBe("2014-12-31");
  });
});

describe("periodsOverlap", () => {
  const d = (s: string) => parseIsoDate(s)!;
  it("includes touching ends and points in time", () => {
    expect(periodsOverlap({ start: d("2023-06-01"), end: d("2023-08-31") }, { start: d("2023-08-31"), end: d("2023-12-31") })).toBe(true);
    expect(periodsOverlap({ start: d("2021-09-30"), end: d("2021-09-30") }, { start: d("2021-01-01"), end: d("2021-12-31") })).toBe(true);
    expect(periodsOverlap({ start: d("2023-06-01"), end: d("2023-08-31") }, { start: d("2023-09-01"), end: d("2023-12-31") })).toBe(false);
  });
});
