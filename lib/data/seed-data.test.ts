// The committed seed (prisma/seed-data) carries the published figures that
// ../shared/data/SOURCES.md lists as checks, each with a complete citation
// and the dataset it belongs to (one figure per dataset and slot).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INDICATORS } from "../../prisma/seed-data/indicators";
import { DATASET_PREFERENCES, DATASETS } from "../../prisma/seed-data/datasets";
import { disaggregationKey, type Disaggregation } from "../domain/disaggregation";
import { parseIsoDate } from "../domain/dates";
import { deriveFunding } from "../domain/funding";

const dir = path.resolve(import.meta.dirname, "../../prisma/seed-data");
const regions = JSON.parse(readFileSync(path.join(dir, "regions.json"), "utf8")) as { pcode: string; level: number; parent: string | null; nameFr: string; validFrom?: string }[];
const { sources, figures } = JSON.parse(readFileSync(path.join(dir, "figures.json"), "utf8")) as {
  sources: Record<string, { organisation: string; title: string; url: string; date: string; dataset: string }>;
  figures: { indicator: string; region: string; start: string; end: string; value: string; source: string; disaggregation: Disaggregation | null }[];
};

type Figure = (typeof figures)[number];
const datasetOf = (f: Figure): string | undefined => sources[f.source]?.dataset;
const slot = (f: Figure) => [f.indicator, f.region, f.start, f.end, disaggregationKey(f.disaggregation)].join("|");

/** The one figure of a slot (of one dataset when given); a slot two datasets fill must name the dataset. */
function value(indicator: string, region: string, start: string, end = start, d: Disaggregation | null = null, dataset?: string): number | undefined {
  const key = disaggregationKey(d);
  const hit = figures.filter(
    (f) => f.indicator === indicator && f.region === region && f.start === start && f.end === end && disaggregationKey(f.disaggregation) === key && (dataset === undefined || datasetOf(f) === dataset),
  );
  expect(hit.length, `${indicator} ${region} ${start}..${end} ${key} ${dataset ?? "(any dataset)"}`).toBeLessThanOrEqual(1);
  return hit[0] ? Number(hit[0].value) : undefined;
}

/** A figure that must be there. */
function present(v: number | undefined, what: string): number {
  if (v === undefined) throw new Error(`no figure: ${what}`);
  return v;
}

const ofDataset = (dataset: string) => figures.filter((f) => datasetOf(f) === dataset);
const dtmRounds = [...new Set(ofDataset("iom-dtm-mali").map((f) => f.start))].sort();

describe("seed data", () => {
  it("has Mali, its ten regions and about fifty cercles, each under a known parent", () => {
    const pcodes = new Set(regions.map((r) => r.pcode));
    expect(regions.filter((r) => r.level === 0).map((r) => r.pcode)).toEqual(["ML"]);
    expect(regions.filter((r) => r.level === 1).map((r) => r.pcode)).toEqual(["ML01", "ML02", "ML03", "ML04", "ML05", "ML06", "ML07", "ML08", "ML09", "ML10"]);
    expect(regions.filter((r) => r.level === 2).length).toBeGreaterThanOrEqual(45);
    for (const r of regions) if (r.parent) expect(pcodes.has(r.parent)).toBe(true);
    expect(regions.find((r) => r.pcode === "ML10")?.nameFr).toBe("Ménaka");
  });

  it("has Ménaka's four cercles of the 2021 P-codes under ML10, and keeps the 2015 cercle ML0704 under Gao", () => {
    const menaka = regions.filter((r) => r.parent === "ML10").map((r) => [r.pcode, r.nameFr, r.validFrom]);
    expect(menaka).toEqual([
      ["ML1001", "Ménaka", "2021-12-20"],
      ["ML1002", "Andéramboukane", "2021-12-20"],
      ["ML1003", "Inékar", "2021-12-20"],
      ["ML1004", "Tidermène", "2021-12-20"],
    ]);
    expect(regions.find((r) => r.pcode === "ML0704")).toMatchObject({ parent: "ML07", nameFr: "Ménaka" });
  });

  it("cites a complete source for every figure, on real dates, with exact values", () => {
    const codes = new Set(INDICATORS.map((i) => i.code));
    const pcodes = new Set(regions.map((r) => r.pcode));
    expect(figures.length).toBeGreaterThanOrEqual(500);
    for (const s of Object.values(sources)) {
      expect(s.organisation && s.title && s.url.startsWith("https://") && parseIsoDate(s.date)).toBeTruthy();
    }
    for (const f of figures) {
      expect(sources[f.source], f.source).toBeDefined();
      expect(codes.has(f.indicator), f.indicator).toBe(true);
      expect(pcodes.has(f.region), f.region).toBe(true);
      expect(f.value).toMatch(/^\d+(\.\d{1,4})?$/);
      expect(f.start <= f.end).toBe(true);
    }
  });

  it("puts every source in a dataset of the catalogue, and every dataset of an indicator in its preferences", () => {
    const codes = new Set(DATASETS.map((d) => d.code));
    for (const [key, s] of Object.entries(sources)) expect(codes.has(s.dataset), `${key}: ${s.dataset}`).toBe(true);
    const used = new Map<string, Set<string>>();
    for (const f of figures) used.set(f.indicator, (used.get(f.indicator) ?? new Set()).add(datasetOf(f) as string));
    for (const [indicator, datasets] of used) {
      for (const d of datasets) expect(DATASET_PREFERENCES[indicator] ?? [], `${indicator} prefers ${d}`).toContain(d);
    }
    // Every series of the catalogue has figures in the seed.
    for (const d of DATASETS) expect(ofDataset(d.code).length, d.code).toBeGreaterThan(0);
  });

  it("holds one figure per dataset and slot", () => {
    const seen = new Set<string>();
    const twice = figures.map((f) => `${datasetOf(f)}|${slot(f)}`).filter((k) => seen.has(k) || !seen.add(k));
    expect(twice).toEqual([]);
  });

  it("holds the headline figures of the source documents, each in its report's dataset", () => {
    expect(value("idps", "ML", "2021-06-30", "2021-06-30", null, "crs-2021")).toBe(372_000);
    expect(value("people_in_need", "ML", "2021-01-01", "2021-12-31", null, "crs-2021")).toBe(5_900_000);
    expect(value("ied_incidents", "ML", "2021-01-01", "2021-05-31", null, "un-s-2021-520")).toBe(68);
  });

  it("dates The New Humanitarian's figures to its article (21 March 2022) and its hunger outlook to the 2022 lean season", () => {
    const tnh = Object.values(sources).filter((s) => s.dataset === "tnh-2022");
    expect(tnh).toEqual([expect.objectContaining({ url: "https://www.thenewhumanitarian.org/news/2022/03/21/Mali-crisis-Barkhane-Sieges-sanctions-hunger-Wagner", date: "2022-03-21" })]);
    expect(value("idps", "ML", "2022-03-21", "2022-03-21", null, "tnh-2022")).toBe(350_000);
    expect(value("ch_phase3plus", "ML", "2022-06-01", "2022-08-31", { chStatus: "projected" }, "tnh-2022")).toBe(1_800_000);
    expect(value("ch_population_by_phase", "ML", "2022-06-01", "2022-08-31", { chPhase: 2, chStatus: "projected" }, "tnh-2022")).toBe(4_400_000);
    expect(ofDataset("tnh-2022")).toHaveLength(3);
    // The CH's own projection of the same lean season stays beside it, in its own dataset.
    expect(value("ch_phase3plus", "ML", "2022-06-01", "2022-08-31", { chStatus: "projected" }, "cadre-harmonise")).toBeGreaterThan(1_000_000);
  });

  it("keeps MINUSMA's authorised military and police apart (CRS), and no longer stores their sum", () => {
    expect(value("minusma_authorized_military", "ML", "2021-06-30", "2021-06-30", null, "crs-2021")).toBe(13_289);
    expect(value("minusma_authorized_police", "ML", "2021-06-30", "2021-06-30", null, "crs-2021")).toBe(1_920);
    expect(figures.filter((f) => f.indicator === "minusma_authorized_personnel")).toEqual([]);
    expect(INDICATORS.map((i) => i.code)).toContain("minusma_authorized_personnel"); // existing databases hold figures of it
  });

  it("matches the published check figures of SOURCES.md", () => {
    // 1–2. IOM DTM.
    expect(value("idps", "ML05", "2021-09-30")).toBe(159_027);
    expect(value("idps", "ML", "2021-09-30")).toBe(401_736);
    expect(value("idps", "ML10", "2021-09-30")).toBe(12_995);
    expect(value("idps", "ML05", "2018-12-31")).toBe(56_495);
    expect(value("idps", "ML", "2018-12-31", "2018-12-31", null, "iom-dtm-mali")).toBe(120_298);
    // 3. Cadre Harmonisé up to March 2023.
    expect(Math.round(value("ch_phase3plus", "ML05", "2023-06-01", "2023-08-31", { chStatus: "projected" }) ?? 0)).toBe(436_514);
    expect(Math.round(value("ch_phase3plus", "ML", "2023-06-01", "2023-08-31", { chStatus: "projected" }) ?? 0)).toBe(1_262_079);
    expect(Math.round(value("ch_phase3plus", "ML05", "2021-06-01", "2021-08-31", { chStatus: "projected" }) ?? 0)).toBe(574_637);
    // 4–5. FTS.
    expect(value("funding_required", "ML", "2024-01-01", "2024-12-31")).toBe(701_569_941);
    expect(value("funding_funded", "ML", "2024-01-01", "2024-12-31")).toBe(306_560_566);
    expect(value("funding_required", "ML", "2025-01-01", "2025-12-31")).toBe(771_314_315);
    expect(value("funding_required", "ML", "2024-01-01", "2024-12-31", { sector: "Food Security" })).toBe(222_602_369);
    // 6. HNO 2024.
    expect(value("people_in_need", "ML", "2024-01-01", "2024-12-31")).toBe(7_107_194);
    expect(value("people_in_need", "ML05", "2024-01-01", "2024-12-31")).toBe(1_300_197);
    // 7. COD-PS.
    expect(value("population", "ML05", "2018-01-01", "2018-12-31")).toBe(2_509_703);
    expect(value("population", "ML09", "2018-01-01", "2018-12-31")).toBe(2_231_344);
    // 8 and 13. IDMC.
    expect(value("idps", "ML", "2020-12-31", "2020-12-31", null, "idmc-gidd")).toBe(326_298);
    expect(value("idps", "ML", "2023-12-31", "2023-12-31", null, "idmc-gidd")).toBe(344_061);
    expect(value("idps", "ML", "2024-12-31", "2024-12-31", null, "idmc-gidd")).toBe(360_591);
  });

  it("matches the Cadre Harmonisé check figures of November 2023 and March 2024 (SOURCES.md 9)", () => {
    const p3 = (region: string, start: string, end: string, chStatus: "current" | "projected") => Math.round(value("ch_phase3plus", region, start, end, { chStatus }, "cadre-harmonise") ?? 0);
    expect(p3("ML05", "2023-09-01", "2023-12-31", "current")).toBe(164_346);
    expect(p3("ML05", "2024-01-01", "2024-05-31", "current")).toBe(252_538);
    expect(p3("ML05", "2024-06-01", "2024-08-31", "projected")).toBe(454_282);
    expect(p3("ML", "2023-09-01", "2023-12-31", "current")).toBe(715_408);
    expect(p3("ML", "2024-01-01", "2024-05-31", "current")).toBe(795_580);
    expect(p3("ML", "2024-06-01", "2024-08-31", "projected")).toBe(1_370_251);
    expect(value("ch_population_by_phase", "ML", "2024-06-01", "2024-08-31", { chPhase: 5, chStatus: "projected" })).toBe(2_575);
    // Phase 3+ is phases 3 to 5 in every CH figure of these cycles.
    for (const [start, end, chStatus] of [["2023-09-01", "2023-12-31", "current"], ["2024-01-01", "2024-05-31", "current"], ["2024-06-01", "2024-08-31", "projected"]] as const) {
      const phase = (p: number) => present(value("ch_population_by_phase", "ML", start, end, { chPhase: p, chStatus }), `phase ${p} ${start}`);
      expect(phase(3) + phase(4) + phase(5)).toBe(value("ch_phase3plus", "ML", start, end, { chStatus }));
    }
  });

  it("matches the JIAF 2025 check figures (SOURCES.md 10), labelled as JIAF, not HNRP", () => {
    const pin = (region: string) => value("people_in_need", region, "2025-01-01", "2025-12-31", null, "ocha-jiaf");
    expect(Math.round(pin("ML") ?? 0)).toBe(6_152_338);
    expect(Math.round(pin("ML05") ?? 0)).toBe(1_335_960);
    expect(Math.round(pin("ML10") ?? 0)).toBe(272_057);
    expect(pin("ML1001")).toBe(116_077.7);
    expect(ofDataset("ocha-jiaf").filter((f) => regions.find((r) => r.pcode === f.region)?.level === 2)).toHaveLength(53);
    for (const f of ofDataset("ocha-jiaf")) expect(sources[f.source]).toMatchObject({ organisation: "OCHA", date: "2025-04-01", title: expect.stringContaining("JIAF 2025") });
    expect(Object.values(sources).some((s) => /HNRP 2025/.test(s.title))).toBe(false);
  });

  it("matches the HNO 2026 check figures (SOURCES.md 11), its population a second dataset beside COD-PS", () => {
    const y2026 = ["2026-01-01", "2026-12-31", null, "ocha-hno"] as const;
    expect(value("people_in_need", "ML", ...y2026)).toBe(5_100_000);
    expect(value("people_targeted", "ML", ...y2026)).toBe(3_800_000);
    expect(value("people_in_need_share", "ML", ...y2026)).toBe(20.2);
    expect(value("population", "ML", ...y2026)).toBe(25_200_000);
    expect(new Set(figures.filter((f) => f.indicator === "population").map(datasetOf))).toEqual(new Set(["cod-ps-mali", "ocha-hno"]));
  });

  it("stores the HNO 2024 figures of Ménaka's 2021 cercles as cercle figures, adding up to Ménaka", () => {
    const pin = (region: string) => present(value("people_in_need", region, "2024-01-01", "2024-12-31", null, "ocha-hno"), region);
    expect(pin("ML1001") + pin("ML1002") + pin("ML1003") + pin("ML1004")).toBe(pin("ML10"));
  });

  it("stores IDMC's year-end stock every year as its own dataset, beside the DTM round of the same year", () => {
    // One source per publication used: the GRID 2025 edition covers every year the older one had.
    expect(Object.values(sources).filter((s) => s.dataset === "idmc-gidd")).toEqual([expect.objectContaining({ date: "2025-05-13", title: expect.stringContaining("GRID 2025") })]);
    const idmc = ofDataset("idmc-gidd");
    expect(idmc.map((f) => f.start).sort()).toEqual(Array.from({ length: 13 }, (_, i) => `${2012 + i}-12-31`));
    expect(idmc.every((f) => f.indicator === "idps" && f.region === "ML" && f.start === f.end)).toBe(true);
    expect(value("idps", "ML", "2021-12-31", "2021-12-31", null, "idmc-gidd")).toBe(326_135);
    expect(value("idps", "ML", "2021-09-30", "2021-09-30", null, "iom-dtm-mali")).toBe(401_736);
    // The same slot, two datasets: both stored.
    expect(value("idps", "ML", "2018-12-31", "2018-12-31", null, "idmc-gidd")).toBe(120_298);
    expect(figures.filter((f) => f.indicator === "idps" && f.region === "ML" && f.start === "2018-12-31").map(datasetOf).sort()).toEqual(["idmc-gidd", "iom-dtm-mali"]);
  });

  it("stores the zeros DTM reports: Ménaka's 0 IDPs of round 64 (and its 15,993 returnees), and regions with 0 returnees", () => {
    const dtm = (indicator: string, region: string, date: string) => value(indicator, region, date, date, null, "iom-dtm-mali");
    expect(dtm("idps", "ML10", "2020-04-30")).toBe(0);
    expect(dtm("returnees", "ML10", "2020-04-30")).toBe(15_993);
    const zeros = ofDataset("iom-dtm-mali").filter((f) => f.indicator === "returnees" && f.value === "0");
    expect(zeros.length).toBeGreaterThanOrEqual(30);
  });

  it("adds the DTM regions of each round up to its national figure, for IDPs, IDP households and returnees", () => {
    expect(dtmRounds).toHaveLength(9);
    for (const date of dtmRounds) {
      for (const indicator of ["idps", "idp_households", "returnees"]) {
        const own = ofDataset("iom-dtm-mali").filter((f) => f.indicator === indicator && f.start === date);
        const national = own.find((f) => f.region === "ML");
        const regional = own.filter((f) => f.region !== "ML");
        expect(national, `${indicator} ${date}`).toBeDefined();
        expect(regional.length, `${indicator} ${date}`).toBeGreaterThanOrEqual(8);
        expect(regional.reduce((s, f) => s + Number(f.value), 0), `${indicator} ${date}`).toBe(Number(national?.value));
      }
    }
  });

  it("stores no FTS funding where the file's cell is empty, hence no unmet or coverage there (the requirement stays); a 0 in the file is a figure", () => {
    const empty = [
      ["2015", "Water Sanitation Hygiene"],
      ["2015", "Protection - Mine Action"],
      ["2018", "Early Recovery"],
      ["2018", "Protection - Mine Action"],
      ["2021", "Camp Coordination / Management"],
      ["2021", "Protection - Housing, Land and Property"],
      ["2022", "Emergency Telecommunications"],
    ];
    for (const [year, sector] of empty) {
      const at = (indicator: string) => value(indicator, "ML", `${year}-01-01`, `${year}-12-31`, { sector }, "ocha-fts");
      expect([at("funding_required"), at("funding_funded"), at("funding_unmet"), at("funding_coverage")], `${year} ${sector}`).toEqual([expect.any(Number), undefined, undefined, undefined]);
    }
    // A cell that says 0 is a reported zero: stored, with its coverage of 0.
    const hlp2024 = (indicator: string) => value(indicator, "ML", "2024-01-01", "2024-12-31", { sector: "Protection - Housing, Land and Property" }, "ocha-fts");
    expect([hlp2024("funding_required"), hlp2024("funding_funded"), hlp2024("funding_unmet"), hlp2024("funding_coverage")]).toEqual([6_783_476, 0, 6_783_476, 0]);
  });

  it("stores the funding outside Mali's plans per year 2012–2026 (FTS \"Not specified\"), apart from the plans and their coverage", () => {
    const outside = ofDataset("ocha-fts").filter((f) => f.indicator === "funding_outside_plan");
    expect(outside.map((f) => f.start).sort()).toEqual(Array.from({ length: 15 }, (_, i) => `${2012 + i}-01-01`));
    expect(outside.every((f) => f.region === "ML" && f.end === `${f.start.slice(0, 4)}-12-31` && f.disaggregation === null)).toBe(true);
    expect(value("funding_outside_plan", "ML", "2021-01-01", "2021-12-31", null, "ocha-fts")).toBe(125_162_378);
  });

  it("stores unmet and coverage exactly as the one funding rule derives them, and only beside both amounts", () => {
    const groups = new Map<string, Map<string, string>>();
    for (const f of figures.filter((x) => ["funding_required", "funding_funded", "funding_unmet", "funding_coverage"].includes(x.indicator))) {
      const key = [f.region, f.start, f.end, disaggregationKey(f.disaggregation)].join("|");
      groups.set(key, (groups.get(key) ?? new Map<string, string>()).set(f.indicator, f.value));
    }
    expect(groups.size).toBeGreaterThan(200);
    for (const [key, g] of groups) {
      const derived = deriveFunding(g.get("funding_required") ?? null, g.get("funding_funded") ?? null);
      expect({ key, unmet: g.get("funding_unmet") ?? null, coverage: g.get("funding_coverage") ?? null }).toEqual({ key, ...derived });
    }
  });

  it("holds the CH cercles of the cycles from 2020 on, current and projected, adding up exactly to their regions' figures", () => {
    const ch = ofDataset("cadre-harmonise").filter((f) => f.region.length === 6);
    const parentOf = new Map(regions.map((r) => [r.pcode, r.parent]));
    expect(new Set(ch.map((f) => f.indicator))).toEqual(new Set(["ch_population_by_phase", "ch_phase3plus"]));
    expect(ch.every((f) => f.start >= "2020-01-01")).toBe(true);
    const periods = [...new Set(ch.map((f) => `${f.start}..${f.end} ${f.disaggregation?.chStatus}`))].sort();
    expect(periods).toHaveLength(13);
    expect(periods.at(-1)).toBe("2024-06-01..2024-08-31 projected");
    // The CH's own areas are the 2015 cercles: 50, Ménaka ML0704 under Gao, no 2021 cercle of Ménaka.
    for (const period of periods) expect(new Set(ch.filter((f) => `${f.start}..${f.end} ${f.disaggregation?.chStatus}` === period).map((f) => f.region)).size, period).toBe(50);
    expect(ch.some((f) => f.region.startsWith("ML10"))).toBe(false);
    // SOURCES.md check figures: cercle Ménaka (ML0704) projected Jun–Aug 2023 phase 3+ = 49,300; Jun–Aug 2024 49,785.
    expect(value("ch_phase3plus", "ML0704", "2023-06-01", "2023-08-31", { chStatus: "projected" }, "cadre-harmonise")).toBe(49_300);
    expect(Math.round(value("ch_phase3plus", "ML0704", "2024-06-01", "2024-08-31", { chStatus: "projected" }, "cadre-harmonise") ?? 0)).toBe(49_785);
    // Each region's figure is its cercles' sum (in ten-thousandths: the values are exact to four decimals).
    const sums = new Map<string, number>();
    for (const f of ch) {
      const k = slot({ ...f, region: parentOf.get(f.region) as string });
      sums.set(k, (sums.get(k) ?? 0) + Math.round(Number(f.value) * 10_000));
    }
    expect(sums.size).toBe(13 * 9 * 6);
    for (const [k, total] of sums) {
      const [indicator, region, start, end, key] = k.split("|") as [string, string, string, string, string];
      const regional = ofDataset("cadre-harmonise").find((f) => slot(f) === k && f.region === region);
      expect(Math.round(Number(regional?.value) * 10_000), `${k} (${indicator} ${start} ${end} ${key})`).toBe(total);
    }
  });

  it("gives Ménaka (ML10) the COD-PS 2018 population of its 2015 cercle ML0704, cited, and nothing to its 2021 cercles", () => {
    const year = ["2018-01-01", "2018-12-31"] as const;
    const menaka = figures.filter((f) => f.indicator === "population" && f.region === "ML10");
    expect(menaka).toHaveLength(1);
    // The same 67,119 as the cercle ML0704 (Gao in the 2015 codes), from the COD-PS cercle table.
    expect(value("population", "ML10", ...year, null, "cod-ps-mali")).toBe(67_119);
    expect(value("population", "ML10", ...year)).toBe(value("population", "ML0704", ...year));
    const source = sources[menaka[0]!.source];
    expect(source?.dataset).toBe("cod-ps-mali");
    expect(source?.url).toMatch(/^https:\/\/data\.humdata\.org\/dataset\/cod-ps-mli/);
    expect(source?.date).toBe("2018-12-31");
    for (const cercle of ["ML1001", "ML1002", "ML1003", "ML1004"]) expect(figures.filter((f) => f.indicator === "population" && f.region === cercle)).toEqual([]);
    // Gao's 2018 figure still counts Ménaka (the 2015 region): the national total is not ML10 added again.
    expect(value("population", "ML", ...year, null, "cod-ps-mali")).toBe(17_907_114);
  });
});
