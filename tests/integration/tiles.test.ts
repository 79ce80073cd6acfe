// The overview's tiles and every "data as of" on the seeded database: the
// preferred dataset's figure against its own previous one, its freshness on a
// fixed day, the other sources worth a look, and "as of" never past a
// source's publication nor today.
import { PUBLISHED_ONLY } from "../../lib/auth/visibility";
import { describe, expect, it } from "vitest";
import { withSeededDatabase } from "./test-database";
import { latestForRegion, seriesPoints } from "../../lib/data/series";
import { fundingByYear } from "../../lib/data/funding";
import { fundingTiles, headlineTile } from "../../lib/data/tiles";
import { asOfDate } from "../../lib/domain/charts";

/** A fixed "today", so freshness and "as of" do not change with the calendar. */
const TODAY = "2026-12-02";

withSeededDatabase("tiles");

describe("tiles", () => {
  it("shows DTM's latest national IDP figure, stale, against DTM's own previous round, with the other sources below", async () => {
    const tile = await headlineTile(PUBLISHED_ONLY, "idps", "", TODAY);
    expect(tile.latest).toMatchObject({ value: 401_736, start: "2021-09-30", end: "2021-09-30", reference: "2021-09-30", dataset: { code: "iom-dtm-mali", cadenceDays: 90 } });
    expect(tile.latest?.source?.organisation).toMatch(/IOM/);
    expect(tile.freshness).toBe("stale");
    // DTM's round of April 2020, not IDMC's 326,135 of December 2021 nor an article.
    expect(tile.previous).toMatchObject({ value: 250_998, end: "2020-04-30", dataset: { code: "iom-dtm-mali" } });
    // Newer (IDMC 2024, the article of March 2022) or more than 5 % away (CRS's 372,000 is 7.4 % below).
    expect(tile.others.map((o) => [o.dataset.code, o.value, o.end])).toEqual([
      ["idmc-gidd", 360_591, "2024-12-31"],
      ["tnh-2022", 350_000, "2022-03-21"],
      ["crs-2021", 372_000, "2021-06-30"],
    ]);
    expect(tile.others[0]?.source?.organisation).toMatch(/IDMC/);
    expect(tile.compareHref).toBe("/compare?indicator=idps&region=ML");
    expect(tile.toDate).toBeNull();
  });

  it("draws the Cadre Harmonisé's projection, not the article's 1.8 M, and lists the article as another source", async () => {
    const tile = await headlineTile(PUBLISHED_ONLY, "ch_phase3plus", "status=projected", TODAY);
    expect(tile.latest).toMatchObject({ value: 1_370_251, start: "2024-06-01", end: "2024-08-31", dataset: { code: "cadre-harmonise" } });
    // The projection was published on 31 March 2024: that is its reference date.
    expect(tile.latest?.reference).toBe("2024-03-31");
    expect(tile.previous).toMatchObject({ value: 1_262_079, start: "2023-06-01", dataset: { code: "cadre-harmonise" } });
    expect(tile.freshness).toBe("stale");
    expect(tile.others.map((o) => [o.dataset.code, o.value])).toEqual([["tnh-2022", 1_800_000]]);
    expect(tile.compareHref).toBe("/compare?indicator=ch_phase3plus&region=ML&key=status%3Dprojected");
  });

  it("rates a yearly series fresh within its cadence, and gives no compare link to a single dataset", async () => {
    const pin = await headlineTile(PUBLISHED_ONLY, "people_in_need", "", TODAY);
    expect(pin.latest).toMatchObject({ value: 5_100_000, reference: "2026-04-18", dataset: { code: "ocha-hno" } });
    expect(pin.freshness).toBe("fresh");
    expect(pin.toDate).toBeNull(); // a year's estimate of needs is not a running total
    const funded = (await fundingTiles(PUBLISHED_ONLY, TODAY)).tiles.find((t) => t.indicator === "funding_funded")!;
    expect(funded.others).toEqual([]);
    expect(funded.compareHref).toBeNull();
  });

  it("says the 2026 funding is to date (18 Apr 2026) against the whole of 2025", async () => {
    const funding = await fundingTiles(PUBLISHED_ONLY, TODAY);
    expect(funding.year).toBe("2026");
    const funded = funding.tiles.find((t) => t.indicator === "funding_funded")!;
    expect(funded.latest).toMatchObject({ value: 75_201_041, end: "2026-12-31", reference: "2026-04-18", dataset: { code: "ocha-fts" } });
    expect(funded.previous).toMatchObject({ value: 198_676_093, start: "2025-01-01", reference: "2025-12-31" });
    expect(funded.toDate).toEqual({ asOf: "2026-04-18", previousAsOf: null });
    // FTS aims at a monthly snapshot: one from April is stale in December.
    expect(funded.freshness).toBe("stale");
  });
});

describe("data as of", () => {
  it("dates the funding charts by the FTS snapshot (18 Apr 2026), not the plan year's end", async () => {
    const { points } = await fundingByYear(PUBLISHED_ONLY, {});
    expect(Math.max(...points.map((p) => Date.parse(p.end)))).toBe(Date.parse("2026-12-31"));
    expect(asOfDate(points, TODAY)).toBe("2026-04-18");
    // Never after today either.
    expect(asOfDate(points, "2026-03-01")).toBe("2026-03-01");
  });

  it("dates the national IDP chart by DTM's latest round and a region's figures by their publication", async () => {
    expect(asOfDate(await seriesPoints(PUBLISHED_ONLY, { indicator: "idps", level: 0, keys: [""] }), TODAY)).toBe("2021-09-30");
    const mopti = await latestForRegion(PUBLISHED_ONLY, "ML05");
    expect(mopti.find((l) => l.indicator === "idps")).toMatchObject({ dataset: "iom-dtm-mali", publishedOn: "2021-09-30" });
    expect(mopti.find((l) => l.indicator === "idps")?.datasets).toEqual(["iom-dtm-mali"]);
    // The HNO 2024 (preferred) and the JIAF 2025 both cover Mopti: the page links to the comparison.
    expect(mopti.find((l) => l.indicator === "people_in_need")).toMatchObject({ dataset: "ocha-hno", end: "2024-12-31", datasets: ["ocha-hno", "ocha-jiaf"] });
    // The HNO 2024 was published on 17 May 2024: Mopti's snapshot is as of then, not 31 Dec 2024.
    expect(asOfDate(mopti, TODAY)).toBe("2024-05-17");
    // The country's snapshot: the 2026 plan year and HNO, published 18 Apr 2026.
    expect(asOfDate(await latestForRegion(PUBLISHED_ONLY, "ML"), TODAY)).toBe("2026-04-18");
  });
});
