import { describe, expect, it } from "vitest";
import { composeLinkPath, decomposeLinkPath, linkablePage } from "./public-link-pages";

describe("linkablePage", () => {
  it("knows the dashboards and a region's page, nothing else", () => {
    expect(linkablePage("/")).toEqual({ page: "/" });
    expect(linkablePage("/snapshot")).toEqual({ page: "/snapshot" });
    expect(linkablePage("/regions/ML05")).toEqual({ page: "/regions/[pcode]", pcode: "ML05" });
    for (const path of ["/regions/[pcode]", "/figures", "/admin/links", "/regions/ML05/edit", "/regions/", "/p/x", "/map/"]) expect(linkablePage(path), path).toBeNull();
  });
});

describe("composeLinkPath", () => {
  it("builds a region's snapshot and page from the region chosen", () => {
    expect(composeLinkPath({ page: "/snapshot", region: "ML05", filters: "" })).toEqual({ path: "/snapshot?region=ML05" });
    expect(composeLinkPath({ page: "/regions/[pcode]", region: "ML05", filters: "?from=2024-01-01" })).toEqual({ path: "/regions/ML05?from=2024-01-01" });
  });

  it("adds the region as a filter on the other pages, and keeps the filters", () => {
    expect(composeLinkPath({ page: "/displacement", region: "ML06", filters: "from=2024-01-01&to=2024-12-31" })).toEqual({ path: "/displacement?from=2024-01-01&to=2024-12-31&region=ML06" });
    expect(composeLinkPath({ page: "/map", region: "", filters: "" })).toEqual({ path: "/map" });
  });

  it("says what is missing or wrong", () => {
    expect(composeLinkPath({ page: "/snapshot", region: "", filters: "" })).toEqual({ error: "regionRequired" });
    expect(composeLinkPath({ page: "/regions/[pcode]", region: " ", filters: "" })).toEqual({ error: "regionRequired" });
    expect(composeLinkPath({ page: "/regions/[pcode]", region: "../admin", filters: "" })).toEqual({ error: "regionRequired" });
    expect(composeLinkPath({ page: "/figures", region: "", filters: "" })).toEqual({ error: "pathInvalid" });
  });
});

describe("decomposeLinkPath", () => {
  it("reads a page the user is on back into the form's choices", () => {
    expect(decomposeLinkPath("/snapshot?region=ML05")).toEqual({ page: "/snapshot", region: "ML05", filters: "" });
    expect(decomposeLinkPath("/regions/ML05?from=2024-01-01")).toEqual({ page: "/regions/[pcode]", region: "ML05", filters: "from=2024-01-01" });
    expect(decomposeLinkPath("/displacement?region=ML05&region=ML06&from=2024-01-01")).toEqual({ page: "/displacement", region: "", filters: "region=ML05&region=ML06&from=2024-01-01" });
    expect(decomposeLinkPath("/figures?dataset=x")).toBeNull();
  });

  it("round-trips through composeLinkPath", () => {
    for (const path of ["/snapshot?region=ML05", "/regions/ML0501", "/map?indicator=idps&measure=rate", "/compare?indicator=idps&key=status%3Dprojected&region=ML"]) {
      expect(composeLinkPath(decomposeLinkPath(path)!), path).toEqual({ path });
    }
  });
});
