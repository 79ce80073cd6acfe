// The committed seed (prisma/seed-data) carries the published figures that
// ../shared/data/SOURCES.md lists as checks, each with a complete citation.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INDICATORS } from "../../prisma/seed-data/indicators";
import { disaggregationKey, type Disaggregation } from "../domain/disaggregation";
import { parseIsoDate } from "../domain/dates";
import { deriveFunding } from "../domain/funding";

const dir = path.resolve(import.meta.dirname, "../../prisma/seed-data");
const regions = JSON.parse(readFileSync(path.join(dir, "regions.json"), "utf8")) as { pcode: string; level: number; parent: string | null; nameFr: string }[];
const { sources, figures } = JSON.parse(readFileSync(path.join(dir, "figures.json"), "utf8")) as {
  sources: Record<string, { organisation: string; title: string; url: string; date: string }>;
  figures: { indicator: string; region: string; start: string; end: string; value: string; source: string; disaggregation: Disaggregation | null }[];
};

function value(indicator: string, region: string, start: string, end = start, d: Disaggregation | null = null): number | undefined {
  const key = disaggregationKey(d);
  const hit = figures.filter((f) => f.indicator === indicator && f.region === region && f.start === start && f.end === end && disaggregationKey(f.disaggregation) === key);
  expect(hit.length).toBeLessThanOrEqual(1);
  return hit[0] ? Number(hit[0].value) : undefined;
}

describe("seed data", () => {
  it("has Mali, its ten regions and about fifty cercles, each under a known parent", () => {
    const pcodes = new Set(regions.map((r) => r.pcode));
    expect(regions.filter((r) => r.level === 0).map((r) => r.pcode)).toEqual(["ML"]);
    expect(regions.filter((r) => r.level === 1).map((r) => r.pcode)).toEqual(["ML01", "ML02", "ML03", "ML04", "ML05", "ML06", "ML07", "ML08", "ML09", "ML10"]);
    expect(regions.filter((r) => r.level === 2).length).toBeGreaterThanOrEqual(45);
    for (const r of regions) if (r.parent) expect(pcodes.has(r.parent)).toBe(true);
    expect(regions.find((r) => r.pcode === "ML10")?.nameFr).toBe("Ménaka");
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

  it("holds the headline figures of the source documents", () => {
    expect(value("idps", "ML", "2021-06-30")).toBe(372_000);
    expect(value("people_in_need", "ML", "2021-01-01", "2021-12-31")).toBe(5_900_000);
    expect(value("idps", "ML", "2022-03-31")).toBe(350_000);
    expect(value("ch_phase3plus", "ML", "2022-03-31", "2022-03-31", { chStatus: "projected" })).toBe(1_800_000);
  });

  it("matches the published check figures of SOURCES.md", () => {
    expect(value("idps", "ML05", "2021-09-30")).toBe(159_027);
    expect(value("idps", "ML", "2021-09-30")).toBe(401_736);
    expect(value("idps", "ML10", "2021-09-30")).toBe(12_995);
    expect(value("idps", "ML05", "2018-12-31")).toBe(56_495);
    expect(value("idps", "ML", "2018-12-31")).toBe(120_298);
    expect(Math.round(value("ch_phase3plus", "ML05", "2023-06-01", "2023-08-31", { chStatus: "projected" }) ?? 0)).toBe(436_514);
    expect(Math.round(value("ch_phase3plus", "ML", "2023-06-01", "2023-08-31", { chStatus: "projected" }) ?? 0)).toBe(1_262_079);
    expect(Math.round(value("ch_phase3plus", "ML05", "2021-06-01", "2021-08-31", { chStatus: "projected" }) ?? 0)).toBe(574_637);
    expect(value("funding_required", "ML", "2024-01-01", "2024-12-31")).toBe(701_569_941);
    expect(value("funding_funded", "ML", "2024-01-01", "2024-12-31")).toBe(306_560_566);
    expect(value("funding_required", "ML", "2025-01-01", "2025-12-31")).toBe(771_314_315);
    expect(value("funding_required", "ML", "2024-01-01", "2024-12-31", { sector: "Food Security" })).toBe(222_602_369);
    expect(value("people_in_need", "ML", "2024-01-01", "2024-12-31")).toBe(7_107_194);
    expect(value("people_in_need", "ML05", "2024-01-01", "2024-12-31")).toBe(1_300_197);
    expect(value("population", "ML05", "2018-01-01", "2018-12-31")).toBe(2_509_703);
    expect(value("population", "ML09", "2018-01-01", "2018-12-31")).toBe(2_231_344);
    expect(value("idps", "ML", "2020-12-31")).toBe(326_298);
  });

  it("stores unmet and coverage exactly as the one funding rule derives them, and only beside both amounts", () => {
    const groups = new Map<string, Map<string, string>>();
    for (const f of figures.filter((x) => x.indicator.startsWith("funding_"))) {
      const key = [f.region, f.start, f.end, disaggregationKey(f.disaggregation)].join("|");
      groups.set(key, (groups.get(key) ?? new Map<string, string>()).set(f.indicator, f.value));
    }
    expect(groups.size).toBeGreaterThan(200);
    for (const [key, g] of groups) {
      const derived = deriveFunding(g.get("funding_required") ?? null, g.get("funding_funded") ?? null);
      expect({ key, unmet: g.get("funding_unmet") ?? null, coverage: g.get("funding_coverage") ?? null }).toEqual({ key, ...derived });
    }
  });
});
