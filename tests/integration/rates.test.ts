// Per-population rates on the seeded database: Ménaka's population and its
// source, and the region table's rates (value ÷ the population of the same
// area, lib/domain/rates.ts), checked by hand for a few places.
import { PUBLISHED_ONLY } from "../../lib/auth/visibility";
import { describe, expect, it } from "vitest";
import { withSeededDatabase } from "./test-database";
import { db } from "../../lib/db/client";
import { ratesFor, regionComparison } from "../../lib/data/rates";

const TODAY = "2026-12-02";

withSeededDatabase("rates");

describe("rates", () => {
  it("gives Ménaka (ML10) a population with its source: COD-PS 2018, its 2015 cercle ML0704", async () => {
    const figures = await db().figure.findMany({
      where: { indicator: { code: "population" }, region: { pcode: "ML10" } },
      include: { source: true, dataset: true },
    });
    expect(figures).toHaveLength(1);
    const [f] = figures;
    expect(Number(f!.value)).toBe(67_119);
    expect(f!.dataset.code).toBe("cod-ps-mali");
    expect(f!.source.url).toBe("https://data.humdata.org/dataset/cod-ps-mli");
    expect(f!.source.title).toMatch(/COD-PS/);
    expect(f!.source.publishedOn.toISOString().slice(0, 10)).toBe("2018-12-31");
    expect(f!.note).toMatch(/ML0704/);
  });

  it("gives each region's rate as its figure ÷ its own population, worked by hand", async () => {
    const { regions, national } = await regionComparison(PUBLISHED_ONLY, TODAY);
    expect(regions.map((r) => r.pcode)).toEqual(["ML01", "ML02", "ML03", "ML04", "ML05", "ML06", "ML07", "ML08", "ML09", "ML10"]);
    const row = (pcode: string) => regions.find((r) => r.pcode === pcode)!;

    // Mopti: DTM round 72 (30 Sep 2021) 159,027 IDPs ÷ COD-PS 2018 2,509,703 = 6.3365 %.
    const mopti = row("ML05");
    expect(mopti.figures.idps).toMatchObject({ value: 159_027, date: "2021-09-30", dataset: { code: "iom-dtm-mali" } });
    expect(mopti.figures.idps?.rate.rate).toBeCloseTo(6.3365, 4);
    expect(mopti.figures.idps?.rate.population).toMatchObject({ value: 2_509_703, start: "2018-01-01", dataset: "cod-ps-mali" });
    // CH current Jan–May 2024 (published 31 Mar 2024): 252,538 in phase 3+ ÷ 2,509,703 = 10.0625 %.
    expect(mopti.figures.ch_phase3plus).toMatchObject({ value: 252_538, end: "2024-05-31", date: "2024-03-31" });
    expect(mopti.figures.ch_phase3plus?.rate.rate).toBeCloseTo(10.0625, 4);
    // HNO 2024: 1,300,197 in need ÷ 2,509,703 = 51.807 %.
    expect(mopti.figures.people_in_need?.value).toBe(1_300_197);
    expect(mopti.figures.people_in_need?.rate.rate).toBeCloseTo(51.807, 3);
    expect(mopti.population).toMatchObject({ value: 2_509_703, dataset: { code: "cod-ps-mali" } });

    // Ménaka: DTM round 72 12,995 IDPs ÷ 67,119 (COD-PS 2018, cercle ML0704) = 19.361 %.
    const menaka = row("ML10");
    expect(menaka.figures.idps?.value).toBe(12_995);
    expect(menaka.figures.idps?.rate.rate).toBeCloseTo(19.361, 3);
    // The CH counts Ménaka under Gao: no figure, hence no rate (never 0).
    expect(menaka.figures.ch_phase3plus).toBeNull();

    for (const r of regions) {
      for (const f of Object.values(r.figures)) {
        if (!f) continue;
        if (f.rate.rate === null) throw new Error(`${r.pcode}: no rate (${f.rate.reason})`);
        expect(f.rate.rate).toBeCloseTo((f.value / f.rate.population.value) * 100, 8);
        expect(Number.isFinite(f.rate.rate)).toBe(true);
      }
    }

    // Mali: 401,736 IDPs ÷ 17,907,114 = 2.2434 %; the HNO 2026's 5.1 M in need ÷ its own 2026 population 25.2 M = 20.238 %.
    expect(national?.pcode).toBe("ML");
    expect(national?.figures.idps?.rate.rate).toBeCloseTo(2.2434, 4);
    expect(national?.figures.people_in_need).toMatchObject({ value: 5_100_000, date: "2026-04-18" });
    expect(national?.figures.people_in_need?.rate.population).toMatchObject({ value: 25_200_000, dataset: "ocha-hno" });
    expect(national?.figures.people_in_need?.rate.rate).toBeCloseTo(20.238, 3);
  });

  it("gives no rate where the area has no population: a cercle of 2021 (ML1001)", async () => {
    const [r] = await ratesFor(PUBLISHED_ONLY, [{ region: "ML1001", value: 116_077.7, end: "2025-12-31", publishedOn: "2025-04-01" }], TODAY);
    expect(r).toEqual({ rate: null, reason: "noPopulation", population: null });
  });
});
