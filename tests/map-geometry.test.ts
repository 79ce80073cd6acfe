// The generated map geometry (components/map/mali-geometry.ts): every region
// of the COD-AB 2021, drawn inside the viewBox, the right way round.
import { describe, expect, it } from "vitest";
import { MAP_HEIGHT, MAP_WIDTH, REGION_PATHS } from "@/components/map/mali-geometry";

const PCODES = ["ML01", "ML02", "ML03", "ML04", "ML05", "ML06", "ML07", "ML08", "ML09", "ML10"];

function bbox(d: string): { minX: number; maxX: number; minY: number; maxY: number } {
  const points = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

const box = (pcode: string) => bbox(REGION_PATHS[pcode] ?? "");

describe("the map geometry", () => {
  it("has the ten regions ML01–ML10, Ménaka included", () => {
    expect(Object.keys(REGION_PATHS).sort()).toEqual(PCODES);
  });

  it("draws each region as closed rings inside the viewBox", () => {
    for (const pcode of PCODES) {
      const d = REGION_PATHS[pcode]!;
      expect(d, pcode).toMatch(/^(M-?[\d.]+,-?[\d.]+(L-?[\d.]+,-?[\d.]+)+Z)+$/);
      const b = box(pcode);
      expect(b.minX, pcode).toBeGreaterThanOrEqual(0);
      expect(b.minY, pcode).toBeGreaterThanOrEqual(0);
      expect(b.maxX, pcode).toBeLessThanOrEqual(MAP_WIDTH);
      expect(b.maxY, pcode).toBeLessThanOrEqual(MAP_HEIGHT);
    }
  });

  it("fills the viewBox: the country touches its four sides", () => {
    const boxes = PCODES.map(box);
    expect(Math.min(...boxes.map((b) => b.minX))).toBeLessThan(1);
    expect(Math.min(...boxes.map((b) => b.minY))).toBeLessThan(1);
    expect(Math.max(...boxes.map((b) => b.maxX))).toBeGreaterThan(MAP_WIDTH - 1);
    expect(Math.max(...boxes.map((b) => b.maxY))).toBeGreaterThan(MAP_HEIGHT - 1);
  });

  it("puts north up and east right: Kidal above Sikasso, Kayes west of Kidal, Ménaka east of Gao", () => {
    expect(box("ML08").maxY).toBeLessThan(box("ML03").minY);
    expect(box("ML01").maxX).toBeLessThan(box("ML08").minX);
    expect(box("ML10").minX).toBeGreaterThan(box("ML07").minX);
  });

  it("draws Ménaka as a region of its own, not a ring cut out of Gao", () => {
    expect(REGION_PATHS.ML07).not.toContain(REGION_PATHS.ML10);
    expect(box("ML10").minY).toBeGreaterThan(box("ML07").minY);
  });
});

describe("the cercle geometry (components/map/mali-cercles.ts)", async () => {
  const { CERCLE_PATHS } = await import("@/components/map/mali-cercles");
  const { readFileSync } = await import("node:fs");
  const regions = JSON.parse(readFileSync(new URL("../prisma/seed-data/regions.json", import.meta.url), "utf8")) as { pcode: string; level: number; parent: string | null }[];
  const cercles = regions.filter((r) => r.level === 2);

  it("has the 50 cercles of 2015 under their regions.json codes: Ménaka as ML0704, the 2021 cercles ML1001–ML1004 without a shape", () => {
    const codes = Object.keys(CERCLE_PATHS).sort();
    expect(codes).toHaveLength(50);
    expect(codes.filter((c) => !cercles.some((r) => r.pcode === c))).toEqual([]);
    expect(codes).toContain("ML0704");
    expect(cercles.filter((r) => !codes.includes(r.pcode)).map((r) => r.pcode)).toEqual(["ML1001", "ML1002", "ML1003", "ML1004"]);
  });

  it("draws each cercle inside the viewBox and inside its region, in the regions' projection", () => {
    for (const [pcode, d] of Object.entries(CERCLE_PATHS)) {
      expect(d, pcode).toMatch(/^(M-?[\d.]+,-?[\d.]+(L-?[\d.]+,-?[\d.]+)+Z)+$/);
      const c = bbox(d);
      expect(c.minX >= 0 && c.minY >= 0 && c.maxX <= MAP_WIDTH && c.maxY <= MAP_HEIGHT, pcode).toBe(true);
      // The 2015 Ménaka cercle is the 2021 region ML10; the others sit in their region (2 px of slack for the simplification).
      const region = pcode === "ML0704" ? box("ML10") : box(cercles.find((r) => r.pcode === pcode)!.parent!);
      expect(c.minX, pcode).toBeGreaterThan(region.minX - 2);
      expect(c.maxX, pcode).toBeLessThan(region.maxX + 2);
      expect(c.minY, pcode).toBeGreaterThan(region.minY - 2);
      expect(c.maxY, pcode).toBeLessThan(region.maxY + 2);
    }
  });

  it("stays small for slow connections (the file is loaded only at the cercle level)", () => {
    expect(Object.values(CERCLE_PATHS).join("").length).toBeLessThan(40_000);
  });
});
