// Issue 15 on the seeded database: a chart's series holds one dataset only
// (the others are comparison lines), and the map shows each region's figure
// of one dataset within one cadence before its date, by default the date
// that covers most regions.
import { PUBLISHED_ONLY } from "../../lib/auth/visibility";
import { describe, expect, it } from "vitest";
import { withSeededDatabase } from "./test-database";
import { createUser } from "../../lib/data/users";
import { writeFigure } from "../../lib/data/figure-writes";
import { seriesPoints, seriesWithComparisons } from "../../lib/data/series";
import { datasetCatalogue, preferenceOf } from "../../lib/data/datasets";
import { mapView } from "../../lib/data/map";
import { comparisonLines } from "../../lib/domain/comparison";

withSeededDatabase("charts_datasets");

describe("a chart's series holds one dataset only", () => {
  it("the national IDP trend draws IOM DTM only; IDMC and the reports are comparison lines", async () => {
    const query = { indicator: "idps", level: 0 as const, keys: [""] };
    const drawnPoints = await seriesPoints(PUBLISHED_ONLY, query);
    expect(drawnPoints.length).toBeGreaterThanOrEqual(9);
    expect(new Set(drawnPoints.map((p) => p.dataset))).toEqual(new Set(["iom-dtm-mali"]));
    expect(drawnPoints.at(-1)).toMatchObject({ end: "2021-09-30", value: 401_736 });
    // Neither IDMC's 326,135 (Dec 2021) nor the article's 350,000 (Mar 2022) joins the line.
    expect(drawnPoints.some((p) => p.value === 326_135 || p.value === 350_000)).toBe(false);

    const { drawn, others } = await seriesWithComparisons(PUBLISHED_ONLY, query);
    expect(drawn).toEqual(drawnPoints);
    expect(new Set(others.map((p) => p.dataset))).toEqual(new Set(["idmc-gidd", "crs-2021", "tnh-2022"]));
    expect(others.find((p) => p.dataset === "tnh-2022")).toMatchObject({ end: "2022-03-21", value: 350_000 });
    const catalogue = await datasetCatalogue();
    const lines = comparisonLines(others, (p) => p.region, ["ML"], await preferenceOf("idps"), catalogue.kinds);
    expect(lines.map((l) => [l.dataset, l.kind])).toEqual([
      ["idmc-gidd", "series"],
      ["crs-2021", "report"],
      ["tnh-2022", "report"],
    ]);
  });

  it("the CH projected trend draws CH's 1,841,064 for Jun–Aug 2022, not the article's 1.8 M", async () => {
    const query = { indicator: "ch_phase3plus", level: 0 as const, keys: ["status=current", "status=projected"] };
    const drawn = await seriesPoints(PUBLISHED_ONLY, query);
    expect(new Set(drawn.map((p) => p.dataset))).toEqual(new Set(["cadre-harmonise"]));
    const lean2022 = drawn.filter((p) => p.key === "status=projected" && p.start === "2022-06-01" && p.end === "2022-08-31");
    expect(lean2022.map((p) => Math.round(p.value))).toEqual([1_841_064]);
    const { others } = await seriesWithComparisons(PUBLISHED_ONLY, query);
    expect(others).toEqual([expect.objectContaining({ dataset: "tnh-2022", key: "status=projected", start: "2022-06-01", end: "2022-08-31", value: 1_800_000 })]);
  });
});

describe("the map", () => {
  it("defaults for IDPs to DTM round 72 (30 Sep 2021), every region with its figure and date", async () => {
    const view = await mapView(PUBLISHED_ONLY, "idps", "");
    expect(view.dataset?.code).toBe("iom-dtm-mali");
    expect(view.defaultDate).toBe("2021-09-30");
    expect(view.date).toBe("2021-09-30");
    expect(view.figures.size).toBeGreaterThanOrEqual(9);
    expect(view.figures.get("ML05")).toMatchObject({ end: "2021-09-30", value: 159_027 });
    expect(view.periods[0]).toEqual({ start: "2021-09-30", end: "2021-09-30" });
    // The date picker offers the map dataset's dates only.
    expect(view.periods.every((p) => p.end <= "2021-09-30")).toBe(true);
  });

  it("draws the CH's regions for a projected period and shows no data for Ménaka, which the CH does not analyse apart", async () => {
    const view = await mapView(PUBLISHED_ONLY, "ch_phase3plus", "status=projected", "2023-08-31");
    expect(view.dataset?.code).toBe("cadre-harmonise");
    expect(view.date).toBe("2023-08-31");
    expect(Math.round(view.figures.get("ML05")!.value)).toBe(436_514);
    expect([...view.figures.values()].every((f) => f.start === "2023-06-01")).toBe(true);
    expect(view.figures.size).toBe(9);
    expect(view.figures.has("ML10")).toBe(false);
  });

  it("keeps the default date when one region reports alone later: the others are not turned into no data", async () => {
    const analyst = await createUser({ email: "map-analyst@test.org", role: "analyst", password: "map-analyst-long-password" });
    const values = {
      indicator: "idps",
      region: "ML05",
      periodStart: "2022-06-30",
      periodEnd: "2022-06-30",
      disaggregation: null,
      value: 170_000,
      note: "",
      dataset: "iom-dtm-mali",
      source: { organisation: "International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)", title: "Mopti flash update", url: "", date: "2022-07-15" },
    };
    expect(await writeFigure({ op: "create", values, outliers: "confirmed" }, analyst)).toMatchObject({ status: "saved" });
    const view = await mapView(PUBLISHED_ONLY, "idps", "");
    expect(view.periods[0]?.end).toBe("2022-06-30");
    expect(view.defaultDate).toBe("2021-09-30");
    expect(view.figures.size).toBeGreaterThanOrEqual(9);
    // At the new date, Mopti has its new figure and the others' are too old (DTM's cadence is 90 days).
    const later = await mapView(PUBLISHED_ONLY, "idps", "", "2022-06-30");
    expect([...later.figures.keys()]).toEqual(["ML05"]);
  });
});
