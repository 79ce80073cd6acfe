import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRegionMatcher, normalisePcode } from "./region-match";

const regions = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed-data/regions.json"), "utf8"));
const match = createRegionMatcher(regions);

describe("region matching", () => {
  it("reads OCHA and IOM P-codes, padded or not", () => {
    expect(normalisePcode("  MLI05 ")).toBe("ML05");
    expect(normalisePcode("MLI0501")).toBe("ML0501");
    expect(match.byCode("MLI07             ")).toEqual({ ok: true, pcode: "ML07" });
    expect(match.byCode("ml05")).toEqual({ ok: true, pcode: "ML05" });
    expect(match.byCode("ML99")).toEqual({ ok: false, reason: 'unknown region P-code "ML99"' });
    expect(match.byCode("ML0501", 1)).toMatchObject({ ok: false });
  });

  it("reads names without accents or case, and known variant spellings", () => {
    expect(match.byName("Koulikouro")).toEqual({ ok: true, pcode: "ML02" });
    expect(match.byName("Segou")).toEqual({ ok: true, pcode: "ML04" });
    expect(match.byName("SÉGOU")).toEqual({ ok: true, pcode: "ML04" });
    expect(match.byName("Timbuktu")).toEqual({ ok: true, pcode: "ML06" });
    expect(match.byName("Tombouctou")).toEqual({ ok: true, pcode: "ML06" });
    expect(match.byName("KaYes")).toEqual({ ok: true, pcode: "ML01" });
    expect(match.byName("Menaka")).toEqual({ ok: true, pcode: "ML10" });
    expect(match.byName("Mopti")).toEqual({ ok: true, pcode: "ML05" });
    expect(match.byName("Mopti", 2)).toEqual({ ok: true, pcode: "ML0506" });
    expect(match.byName("Taoudeni")).toMatchObject({ ok: false, reason: expect.stringContaining("Tombouctou") });
    expect(match.byName("Atlantis")).toEqual({ ok: false, reason: 'unknown region name "Atlantis"' });
  });
});
