// The compare page's reads on the seeded database: every dataset of IDPs in
// Mali side by side, DTM first, each other value against DTM's figure.
import { PUBLISHED_ONLY } from "../../lib/auth/visibility";
import { describe, expect, it } from "vitest";
import { withSeededDatabase } from "./test-database";
import { breakdownsOf, compareView } from "../../lib/data/compare";

withSeededDatabase("compare");

describe("compare view", () => {
  it("puts every dataset of IDPs in Mali side by side, IOM DTM first", async () => {
    const view = await compareView(PUBLISHED_ONLY, { indicator: "idps", region: "ML", key: "" }, "2026-12-02");
    expect(view.datasets.map((d) => d.code)).toEqual(["iom-dtm-mali", "idmc-gidd", "crs-2021", "tnh-2022"]);
    expect(view.datasets[0]).toMatchObject({ preferred: true, kind: "series", latestReference: "2021-09-30", freshness: "stale" });
    expect(view.datasets.find((d) => d.code === "tnh-2022")).toMatchObject({ preferred: false, kind: "report", latestReference: "2022-03-21", freshness: "none" });
    // Rows by date, oldest first, one per date.
    const ends = view.rows.map((r) => r.end);
    expect(ends).toEqual([...new Set(ends)].sort());
  });

  it("compares each value with DTM's figure of the same date, else DTM's latest earlier one", async () => {
    const { rows } = await compareView(PUBLISHED_ONLY, { indicator: "idps", region: "ML", key: "" }, "2026-12-02");
    const row = (end: string) => rows.find((r) => r.end === end)!;

    const sep2021 = row("2021-09-30");
    expect(sep2021.cells["iom-dtm-mali"]!.figure.value).toBe(401_736);
    expect(sep2021.cells["iom-dtm-mali"]!.figure.note).toMatch(/round 72/);
    expect(sep2021.cells["iom-dtm-mali"]!.comparison).toBeNull();

    const idmc = row("2021-12-31").cells["idmc-gidd"]!;
    expect(idmc.figure.value).toBe(326_135);
    expect(idmc.comparison).toMatchObject({ samePeriod: false, basis: { end: "2021-09-30", value: 401_736 }, difference: { absolute: -75_601 } });
    expect(Math.round(idmc.comparison!.difference.percent! * 10) / 10).toBe(-18.8);
    expect(row("2021-12-31").cells["iom-dtm-mali"]).toBeUndefined(); // no DTM figure that day: no data, not 0

    const same = row("2018-12-31").cells["idmc-gidd"]!;
    expect(same.figure.value).toBe(120_298);
    expect(same.comparison).toMatchObject({ samePeriod: true, basis: { value: 120_298 }, difference: { absolute: 0, percent: 0 } });

    const tnh = row("2022-03-21").cells["tnh-2022"]!;
    expect(tnh.figure.source.url).toContain("thenewhumanitarian.org");
    expect(tnh.comparison!.difference.absolute).toBe(350_000 - 401_736);

    // IDMC's 2013 stock is older than DTM's first round: nothing to compare it with.
    expect(row("2013-12-31").cells["idmc-gidd"]!.comparison).toBeNull();
  });

  it("lists the breakdowns of a selection and compares the report's lean-season projection with CH's", async () => {
    expect(await breakdownsOf(PUBLISHED_ONLY, "ch_phase3plus", "ML")).toEqual(["status=current", "status=projected"]);
    const view = await compareView(PUBLISHED_ONLY, { indicator: "ch_phase3plus", region: "ML", key: "status=projected" }, "2026-12-02");
    expect(view.datasets.map((d) => d.code)).toEqual(["cadre-harmonise", "tnh-2022"]);
    const lean2022 = view.rows.find((r) => r.start === "2022-06-01" && r.end === "2022-08-31")!;
    expect(lean2022.cells["tnh-2022"]!.comparison).toMatchObject({ samePeriod: true, basis: { dataset: "cadre-harmonise" } });
  });

  it("has one dataset, or none, where only one publisher reports", async () => {
    const returnees = await compareView(PUBLISHED_ONLY, { indicator: "returnees", region: "ML", key: "" }, "2026-12-02");
    expect(returnees.datasets.map((d) => d.code)).toEqual(["iom-dtm-mali"]);
    expect(returnees.rows.every((r) => Object.keys(r.cells).length === 1)).toBe(true);
    expect(await compareView(PUBLISHED_ONLY, { indicator: "idps", region: "ML", key: "status=projected" })).toEqual({ datasets: [], rows: [] });
  });
});
