import { describe, expect, it } from "vitest";
import { coversPlace, mayRead, outsideScope, toScope, UNSCOPED, type Scope } from "./scope";

const mali = { pcode: "ML", level: 0, parent: null };
const mopti = { pcode: "ML05", level: 1, parent: "ML" };
const bandiagara = { pcode: "ML0502", level: 2, parent: "ML05" };
const gao = { pcode: "ML07", level: 1, parent: "ML" };
const moptiPartner: Scope = { regions: ["ML05"], datasets: ["partner-mopti"], readScoped: false };

describe("a user's scope, on the record", () => {
  it("covers everything when unscoped, the national total included", () => {
    for (const place of [mali, mopti, bandiagara, gao]) expect(outsideScope(UNSCOPED, { place, dataset: "any" })).toBeNull();
  });
  it("grants a region's cercles with the region, and nothing of another region", () => {
    expect(coversPlace(moptiPartner, mopti)).toBe(true);
    expect(coversPlace(moptiPartner, bandiagara)).toBe(true);
    expect(coversPlace(moptiPartner, gao)).toBe(false);
  });
  it("never lets a region-scoped user write the national figure", () => {
    expect(outsideScope(moptiPartner, { place: mali, dataset: "partner-mopti" })).toEqual({ kind: "region", code: "ML" });
    expect(outsideScope({ regions: [], datasets: ["x"], readScoped: false }, { place: mali, dataset: "x" })).toBeNull();
  });
  it("names what is outside: the region first, then the dataset", () => {
    expect(outsideScope(moptiPartner, { place: gao, dataset: "iom-dtm-mali" })).toEqual({ kind: "region", code: "ML07" });
    expect(outsideScope(moptiPartner, { place: mopti, dataset: "iom-dtm-mali" })).toEqual({ kind: "dataset", code: "iom-dtm-mali" });
    expect(outsideScope(moptiPartner, { place: bandiagara, dataset: "partner-mopti" })).toBeNull();
  });
  it("limits reading only when read-scoped", () => {
    expect(mayRead(moptiPartner, { place: gao, dataset: "iom-dtm-mali" })).toBe(true);
    const readScoped = { ...moptiPartner, readScoped: true };
    expect(mayRead(readScoped, { place: gao, dataset: "partner-mopti" })).toBe(false);
    expect(mayRead(readScoped, { place: mali, dataset: "partner-mopti" })).toBe(false);
    expect(mayRead(readScoped, { place: bandiagara, dataset: "partner-mopti" })).toBe(true);
  });
  it("normalises stored lists", () => {
    expect(toScope({ scopeRegions: [" ml06", "ML05", "ML05"], scopeDatasets: null, readScoped: true })).toEqual({ regions: ["ML05", "ML06"], datasets: [], readScoped: true });
  });
});
