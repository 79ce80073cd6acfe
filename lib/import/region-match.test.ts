import { describe, expect, it } from "vitest";
import { createRegionMatcher, normalisePcode } from "./region-match";
import { TEST_REGIONS } from "./test-catalogue";

const match = createRegionMatcher(TEST_REGIONS);

describe("region codes", () => {
  it("reads OCHA and IOM P-codes, padded or not, in any case", () => {
    expect(["  MLI05 ", "MLI0501", "ml05", "MLI", "Mali", "ML 05"].map(normalisePcode)).toEqual(["ML05", "ML0501", "ML05", "ML", "ML", "ML05"]);
    expect(match.byCode("MLI07             ")).toEqual({ ok: true, pcode: "ML07" });
    expect(match.byCode("MLI10")).toEqual({ ok: true, pcode: "ML10" });
    expect(match.byCode("ML0704", 2)).toEqual({ ok: true, pcode: "ML0704" });
  });

  it("says why a code does not match", () => {
    expect(match.byCode("ML99")).toEqual({ ok: false, reason: 'unknown region P-code "ML99"' });
    expect(match.byCode("ML0501", 1)).toEqual({ ok: false, reason: '"ML0501" is a cercle, not a region' });
    expect(match.byCode("MLI001001")).toEqual({ ok: false, reason: expect.stringMatching(/^unknown region P-code "MLI001001": an old IOM DTM code/) });
    expect(match.byCode("ML010312")).toEqual({ ok: false, reason: expect.stringContaining("commune (admin 3)") });
  });
});

describe("region names", () => {
  it("reads names without accents, case, spaces or hyphens, and known variant spellings", () => {
    const names = ["Koulikouro", "Segou", "SÉGOU", "Timbuktu", "Tombouctou", "KaYes", "Menaka", "MALI", "Gourma Rharous", "tin essako"];
    expect(names.map((n) => match.byName(n)).map((m) => (m.ok ? m.pcode : m.reason))).toEqual(["ML02", "ML04", "ML04", "ML06", "ML06", "ML01", "ML10", "ML", "ML0603", "ML0804"]);
  });

  it("prefers the region to its cercle of the same name unless a level or parent says otherwise", () => {
    expect(match.byName("Mopti")).toEqual({ ok: true, pcode: "ML05" });
    expect(match.byName("Mopti", 2)).toEqual({ ok: true, pcode: "ML0506" });
    expect(match.byName("Ménaka", 2, "MLI07")).toEqual({ ok: true, pcode: "ML0704" });
    // Two cercles are called Ménaka: the 2015 one under Gao and the 2021 one under Ménaka.
    expect(match.byName("Menaka", 2, "ML10")).toEqual({ ok: true, pcode: "ML1001" });
    expect(match.byName("Ménaka", 2)).toEqual({ ok: false, reason: '"Ménaka" names 2 areas (ML0704, ML1001): use the P-code' });
    expect(match.byName("Anderamboukane", 2)).toEqual({ ok: true, pcode: "ML1002" });
    expect(match.byName("Mopti", 2, "ML01")).toEqual({ ok: false, reason: 'unknown cercle name "Mopti" in ML01' });
  });

  it("fails unknown names with a reason, and says where Taoudénit's figures go", () => {
    expect(match.byName("Atlantis")).toEqual({ ok: false, reason: 'unknown region name "Atlantis"' });
    expect(match.byName("Taoudénit")).toEqual({ ok: false, reason: expect.stringContaining("Tombouctou (ML06)") });
  });

  it("refuses a name shared by two areas of the same level", () => {
    const twins = createRegionMatcher([
      { pcode: "X1", level: 2, nameEn: "Kita", nameFr: "Kita", parent: "A" },
      { pcode: "X2", level: 2, nameEn: "Kita", nameFr: "Kita", parent: "B" },
    ]);
    expect(twins.byName("kita")).toEqual({ ok: false, reason: '"kita" names 2 areas (X1, X2): use the P-code' });
    expect(twins.byName("kita", 2, "B")).toEqual({ ok: true, pcode: "X2" });
  });
});
