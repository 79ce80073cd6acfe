// The dashboards' aggregated reads against real PostgreSQL: series filters,
// latest-per-region with national shares, and the cache that a write invalidates.
import { PUBLISHED_ONLY } from "../../lib/auth/visibility";
import { describe, expect, it } from "vitest";
import { withSeededDatabase } from "./test-database";
import { db } from "../../lib/db/client";
import { latestForRegion, periodsOf, seriesPoints } from "../../lib/data/series";
import { fundingTiles, headlineTile } from "../../lib/data/tiles";

withSeededDatabase("series");

describe("dashboard series", () => {
  it("reads one indicator for the regions of a level, by period overlap and disaggregation", async () => {
    const points = await seriesPoints(PUBLISHED_ONLY, { indicator: "idps", level: 1, keys: [""], from: "2021-09-30", to: "2021-09-30" });
    expect(points.map((p) => p.region).sort()).toEqual(["ML01", "ML02", "ML03", "ML04", "ML05", "ML06", "ML07", "ML08", "ML09", "ML10"]);
    expect(points.find((p) => p.region === "ML05")?.value).toBe(159027);
    const projected = await seriesPoints(PUBLISHED_ONLY, { indicator: "ch_phase3plus", regions: ["ML05"], keys: ["status=projected"], from: "2023-06-01", to: "2023-08-31" });
    expect(projected.map((p) => Math.round(p.value))).toEqual([436514]);
    const sectors = await seriesPoints(PUBLISHED_ONLY, { indicator: "funding_required", level: 0, keyPrefix: "sector=", from: "2024-01-01", to: "2024-12-31" });
    expect(sectors.find((p) => p.sector === "Food Security")?.value).toBe(222602369);
  });

  it("lists the periods an indicator has, newest first", async () => {
    const periods = await periodsOf(PUBLISHED_ONLY, "idps", 1);
    expect(periods[0]).toEqual({ start: "2021-09-30", end: "2021-09-30" });
    expect(periods.at(-1)).toEqual({ start: "2014-12-31", end: "2014-12-31" });
  });

  it("gives a region's latest figures with the national figure of the same period", async () => {
    const latest = await latestForRegion(PUBLISHED_ONLY, "ML05");
    const idps = latest.find((l) => l.indicator === "idps");
    expect(idps).toMatchObject({ end: "2021-09-30", value: 159027, national: 401736 });
    expect(latest.filter((l) => l.indicator === "ch_phase3plus").map((l) => l.key).sort()).toEqual(["status=current", "status=projected"]);
    expect(latest.some((l) => l.key.startsWith("phase=") || l.key.startsWith("sector="))).toBe(false);
  });

  it("builds tiles from the latest figure and the previous comparable one", async () => {
    const pin = await headlineTile(PUBLISHED_ONLY, "people_in_need");
    // The HNO's own latest (2026) against its own previous plan year (2024), not the CRS's 2021 figure.
    expect(pin.latest).toMatchObject({ value: 5_100_000, start: "2026-01-01", end: "2026-12-31" });
    expect(pin.previous).toMatchObject({ value: 7_107_194, start: "2024-01-01" });
    const funding = await fundingTiles(PUBLISHED_ONLY);
    expect(funding.year).toBe("2026");
    const required = funding.tiles.find((t) => t.indicator === "funding_required")!;
    expect(required.previous?.value).toBe(771314315);
  });

  it("serves cached reads until a write changes the data", async () => {
    const query = { indicator: "idps", regions: ["ML05"], keys: [""], from: "2021-09-30", to: "2021-09-30" };
    const first = await seriesPoints(PUBLISHED_ONLY, query);
    expect(await seriesPoints(PUBLISHED_ONLY, query)).toBe(first); // the same cached array
    await db().$executeRaw`UPDATE figures SET value = 160000 WHERE id = (
      SELECT f.id FROM figures f JOIN regions r ON r.id = f.region_id JOIN indicators i ON i.id = f.indicator_id
       WHERE i.code = 'idps' AND r.pcode = 'ML05' AND f.period_end = '2021-09-30')`;
    const after = await seriesPoints(PUBLISHED_ONLY, query);
    expect(after.map((p) => p.value)).toEqual([160000]);
  });
});
