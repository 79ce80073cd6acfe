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
