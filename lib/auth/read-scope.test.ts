import { describe, expect, it } from "vitest";
import { readablePlace, readsNational } from "./read-scope";
import { PUBLISHED_ONLY, type Visibility } from "./visibility";

const scoped = (readScoped: boolean): Visibility => ({ userId: 3, unpublished: "none", scope: { regions: ["ML05"], datasets: [], readScoped } });

describe("readablePlace", () => {
  it("lets a read-scoped reader read their region and its cercles only, never the country", () => {
    const v = scoped(true);
    expect(readablePlace(v, { pcode: "ML05", level: 1, parent: "ML" })).toBe(true);
    expect(readablePlace(v, { pcode: "ML0501", level: 2, parent: "ML05" })).toBe(true);
    expect(readablePlace(v, { pcode: "ML06", level: 1, parent: "ML" })).toBe(false);
    expect(readsNational(v)).toBe(false);
  });

  it("leaves a write-only scope and a public link unlimited", () => {
    expect(readablePlace(scoped(false), { pcode: "ML06", level: 1, parent: "ML" })).toBe(true);
    expect(readsNational(scoped(false))).toBe(true);
    expect(readsNational(PUBLISHED_ONLY)).toBe(true);
  });
});
