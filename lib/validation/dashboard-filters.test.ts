import { describe, expect, it } from "vitest";
import { filtersToQuery, parseDashboardFilters } from "./dashboard-filters";

describe("dashboard filters in the URL", () => {
  it("reads every filter, repeated and comma-separated regions included", () => {
    const f = parseDashboardFilters({ indicator: "idps", region: ["ml05", "ML07,ML04"], from: "2018-01-01", to: "2021-12-31", status: "projected", date: "2021-09-30", year: "2024", level: "cercle" });
    expect(f).toEqual({ indicator: "idps", regions: ["ML05", "ML07", "ML04"], from: "2018-01-01", to: "2021-12-31", status: "projected", date: "2021-09-30", year: 2024, level: "cercle" });
  });

  it("drops malformed values instead of failing the page", () => {
    const f = parseDashboardFilters({ indicator: "x'; DROP TABLE figures;--", region: ["<script>", "ML05"], from: "2021-02-30", status: "maybe", year: "soon", level: "commune" });
    expect(f).toEqual({ indicator: undefined, regions: ["ML05"], from: undefined, to: undefined, status: "current", date: undefined, year: undefined, level: "region" });
  });

  it("swaps a reversed range", () => {
    const f = parseDashboardFilters({ from: "2022-01-01", to: "2020-01-01" });
    expect([f.from, f.to]).toEqual(["2020-01-01", "2022-01-01"]);
  });

  it("round-trips through the query string, leaving defaults out", () => {
    const f = parseDashboardFilters({ indicator: "idps", region: ["ML05", "ML07"], status: "current", year: "2024" });
    const query = filtersToQuery(f);
    expect(query).toBe("?indicator=idps&region=ML05&region=ML07&year=2024");
    expect(filtersToQuery(parseDashboardFilters({ indicator: "ch_area_phase", status: "projected", level: "cercle" }))).toBe("?indicator=ch_area_phase&status=projected&level=cercle");
    const again = parseDashboardFilters(Object.fromEntries([...new URLSearchParams(query).entries()].reduce((m, [k, v]) => m.set(k, [...(m.get(k) ?? []), v]), new Map<string, string[]>())));
    expect(again).toEqual(f);
  });
});
