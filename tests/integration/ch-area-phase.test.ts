// The Cadre Harmonisé area phase map on the real CH figures of the seed
// (prisma/seed-data/figures.json, from the HDX/PRISM CH files): the 20 % rule
// worked by hand for two areas, and the cercle level.
import { PUBLISHED_ONLY } from "../../lib/auth/visibility";
import { describe, expect, it } from "vitest";
import { withSeededDatabase } from "./test-database";
import { chPhaseMapView } from "../../lib/data/map";

withSeededDatabase("chphase");

describe("CH area phase map (real CH figures)", () => {
  it("Mopti, projected Jun–Aug 2024 (March 2024 analysis): phase 2 Stressed", async () => {
    // Mopti (ML05), the sum of its cercles, people by phase:
    //   phase 1 1,762,737 · phase 2 992,532 · phase 3 419,759 · phase 4 34,523 · phase 5 0
    //   population (the five phases' sum) = 3,209,551; 20 % of it = 641,910.2
    // In that phase or worse (cumulative):
    //   5: 0 (0 %) · 4+: 34,523 (1.08 %) · 3+: 454,282 (14.15 %) · 2+: 1,446,814 (45.08 %) · 1+: 100 %
    // The highest phase with at least 20 %: phase 2 (phase 3+ is only 14.15 %).
    const view = await chPhaseMapView(PUBLISHED_ONLY, "projected", "region", "2024-08-31");
    expect(view.dataset?.code).toBe("cadre-harmonise");
    const mopti = view.areas.get("ML05");
    expect(mopti?.byPhase).toEqual([1_762_737, 992_532, 419_759, 34_523, 0]);
    expect(mopti?.population).toBe(3_209_551);
    expect(mopti?.cumulativeShares.map((s) => Math.round(s * 10_000) / 100)).toEqual([100, 45.08, 14.15, 1.08, 0]);
    expect(mopti?.phase).toBe(2);
    // The nine regions of the CH's 2015 coding are analysed; Ménaka (ML10) is analysed as a cercle of Gao.
    expect([...view.areas.keys()].sort()).toEqual(["ML01", "ML02", "ML03", "ML04", "ML05", "ML06", "ML07", "ML08", "ML09"]);
    expect(view.areas.get("ML07")?.phase).toBe(3);
  });

  it("Ménaka (cercle ML0704), projected Jun–Aug 2024: phase 4 Emergency", async () => {
    // Ménaka (the CH's area ML0704), people by phase:
    //   phase 1 6,009 · phase 2 30,043 · phase 3 25,751 · phase 4 21,459 · phase 5 2,575
    //   population = 85,837; 20 % of it = 17,167.4
    // Cumulative: 5: 2,575 (3.0 %) · 4+: 24,034 (28.0 %) · 3+: 49,785 (58.0 %) · 2+: 79,828 (93.0 %)
    // The highest phase with at least 20 %: phase 4 (phase 5 is 3 %).
    const view = await chPhaseMapView(PUBLISHED_ONLY, "projected", "cercle", "2024-08-31");
    const menaka = view.areas.get("ML0704");
    expect(menaka?.byPhase).toEqual([6_009, 30_043, 25_751, 21_459, 2_575]);
    expect(menaka?.population).toBe(85_837);
    expect(menaka?.cumulativeShares.map((s) => Math.round(s * 1000) / 10)).toEqual([100, 93, 58, 28, 3]);
    expect(menaka?.phase).toBe(4);
    // The cercle level: the 50 cercles of the CH files, every one analysed.
    expect(view.areas.size).toBe(50);
  });

  it("Mopti, current Sep–Dec 2023: phase 2 by a narrow margin over the 20 % threshold", async () => {
    // phase 1 2,494,482 · phase 2 550,718 · phase 3 160,459 · phase 4 3,887 · phase 5 0; population 3,209,546
    // 2+: 715,064 = 22.28 % ≥ 20 % (641,909.2); 3+: 164,346 = 5.12 % → phase 2.
    const view = await chPhaseMapView(PUBLISHED_ONLY, "current", "region", "2023-12-31");
    expect(view.areas.get("ML05")).toMatchObject({ phase: 2, population: 3_209_546 });
    expect(Math.round(view.areas.get("ML05")!.cumulativeShares[1]! * 10_000)).toBe(2228);
  });

  it("offers the CH periods of the status, the cercle level only those from 2020, and defaults to the latest", async () => {
    const regions = await chPhaseMapView(PUBLISHED_ONLY, "projected", "region");
    const cercles = await chPhaseMapView(PUBLISHED_ONLY, "projected", "cercle");
    expect(regions.date).toBe("2024-08-31");
    expect(cercles.date).toBe("2024-08-31");
    expect(regions.periods.every((p) => p.start.slice(5) === "06-01")).toBe(true);
    expect(cercles.periods.map((p) => p.end)).toEqual(["2024-08-31", "2023-08-31", "2022-08-31", "2021-08-31", "2020-08-31"]);
    expect(regions.periods.length).toBeGreaterThan(cercles.periods.length);
    // A date that is no CH period falls back to the default.
    expect((await chPhaseMapView(PUBLISHED_ONLY, "projected", "cercle", "2024-07-15")).date).toBe("2024-08-31");
  });
});
