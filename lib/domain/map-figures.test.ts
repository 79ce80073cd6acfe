import { describe, expect, it } from "vitest";
import { defaultMapDate, figuresAt, mapPeriods } from "./map-figures";

const pt = (region: string, end: string, value: number, start = end) => ({ region, start, end, value });
const REGIONS = ["ML01", "ML02", "ML03", "ML04", "ML05", "ML06", "ML07", "ML08", "ML09", "ML10"];
// A full DTM round on 30 Sep 2021, then one region reported on its own later.
const round72 = REGIONS.map((r, i) => pt(r, "2021-09-30", 1000 + i));
const dtm = [...REGIONS.slice(0, 9).map((r) => pt(r, "2020-04-30", 500)), ...round72];

describe("the map's figure per region at a date", () => {
  it("takes each region's latest figure within one cadence before the date, with its own date", () => {
    const points = [...dtm, pt("ML05", "2021-11-15", 2000)];
    const at = figuresAt(points, "2021-11-15", 90);
    expect(at.size).toBe(10);
    expect(at.get("ML05")).toMatchObject({ end: "2021-11-15", value: 2000 });
    expect(at.get("ML07")).toMatchObject({ end: "2021-09-30", value: 1006 });
  });

  it("shows no data for a region whose latest figure is more than one cadence old, or after the date", () => {
    const at = figuresAt(dtm, "2021-09-29", 90);
    expect(at.size).toBe(0); // 30 Apr 2020 is 517 days before; 30 Sep 2021 is after
    expect(figuresAt(dtm, "2021-12-29", 90).size).toBe(10); // 90 days after round 72
    expect(figuresAt(dtm, "2021-12-30", 90).size).toBe(0); // 91 days
  });

  it("shows only figures of exactly the date when the dataset has no cadence (a report)", () => {
    const report = [pt("ML05", "2022-03-21", 1), pt("ML07", "2022-03-01", 2)];
    expect([...figuresAt(report, "2022-03-21", null).keys()]).toEqual(["ML05"]);
  });

  it("keeps a CH period's figure until one cadence after the period ends", () => {
    const ch = [pt("ML05", "2023-08-31", 436_514, "2023-06-01"), pt("ML07", "2024-08-31", 9, "2024-06-01")];
    expect([...figuresAt(ch, "2024-08-31", 183).keys()]).toEqual(["ML07"]);
    expect([...figuresAt(ch, "2024-02-29", 183).keys()]).toEqual(["ML05"]);
  });
});

describe("the map's default date", () => {
  it("is the latest date covering the most regions, not the newest figure's date", () => {
    // One region reported alone long after the last full round (beyond a cadence).
    const points = [...dtm, pt("ML05", "2022-06-30", 2000)];
    expect(defaultMapDate(points, 90)).toBe("2021-09-30");
  });

  it("moves to a newer date when the older round is still within a cadence of it", () => {
    const points = [...dtm, pt("ML05", "2021-11-15", 2000)];
    expect(defaultMapDate(points, 90)).toBe("2021-11-15");
  });

  it("is null with no figures; with no cadence it is the date with the most exact figures", () => {
    expect(defaultMapDate([], 90)).toBeNull();
    expect(defaultMapDate([pt("ML05", "2022-03-21", 1), pt("ML07", "2022-03-01", 2), pt("ML06", "2022-03-01", 3)], null)).toBe("2022-03-01");
  });

  it("offers each distinct period, newest first", () => {
    expect(mapPeriods([pt("ML05", "2023-08-31", 1, "2023-06-01"), pt("ML07", "2023-08-31", 1, "2023-06-01"), pt("ML07", "2024-05-31", 1, "2024-01-01")])).toEqual([
      { start: "2024-01-01", end: "2024-05-31" },
      { start: "2023-06-01", end: "2023-08-31" },
    ]);
  });
});
