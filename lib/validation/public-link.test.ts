import { describe, expect, it } from "vitest";
import { publicLinkInputSchema, publicLinkPath } from "./public-link";

describe("publicLinkPath", () => {
  it("accepts the linkable pages with their query", () => {
    for (const path of ["/", "/displacement?region=ML05", "/food-security", "/funding?year=2024", "/map?indicator=idps&measure=rate", "/regions", "/regions/ML05", "/regions/ML0501?from=2024-01", "/compare?indicator=idps&region=ML", "/snapshot?region=ML05"]) {
      expect(publicLinkPath(path), path).toBe(path);
    }
  });

  it("drops the fragment", () => {
    expect(publicLinkPath("/map?indicator=idps#legend")).toBe("/map?indicator=idps");
  });

  it("refuses pages a link may not show, other sites and the API", () => {
    for (const path of ["/figures", "/figures/1", "/admin/links", "/admin/users", "/events", "/views", "/account", "/imports", "/regions/ML05/x", "/regions/", "/p/abc", "/api/v1/figures", "https://evil.example/", "//evil.example/map", "/\\evil.example", "map", "", null, 3]) {
      expect(publicLinkPath(path), String(path)).toBeNull();
    }
  });
});

describe("publicLinkInputSchema", () => {
  const ok = { label: "Mopti snapshot", path: "/snapshot?region=ML05", days: "30" };

  it("reads the form's strings", () => {
    expect(publicLinkInputSchema.parse(ok)).toEqual({ label: "Mopti snapshot", path: "/snapshot?region=ML05", days: 30 });
  });

  it("takes an expiry of 1 to 365 whole days, and says so beyond", () => {
    expect(publicLinkInputSchema.parse({ ...ok, days: 1 }).days).toBe(1);
    expect(publicLinkInputSchema.parse({ ...ok, days: 365 }).days).toBe(365);
    for (const days of [0, 366, 1.5, -3, "ten", ""]) {
      const parsed = publicLinkInputSchema.safeParse({ ...ok, days });
      expect(parsed.success, String(days)).toBe(false);
      expect(parsed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["days", "daysRange"]]);
    }
  });

  it("needs a label and a linkable path", () => {
    const parsed = publicLinkInputSchema.safeParse({ label: " ", path: "/figures", days: 7 });
    expect(parsed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["label", "labelRequired"],
      ["path", "pathInvalid"],
    ]);
  });
});
