import { describe, expect, it } from "vitest";
import { mayReadState } from "./figure-history";
import type { Visibility } from "./visibility";

const mopti = { pcode: "ML05", level: 1, parent: "ML" };
const viewer: Visibility = { userId: 9, unpublished: "none", scope: { regions: [], datasets: [], readScoped: false } };
const analyst: Visibility = { userId: 3, unpublished: "own", scope: { regions: [], datasets: [], readScoped: false } };
const reviewer: Visibility = { userId: 4, unpublished: "reviewable", scope: { regions: ["ML05"], datasets: [], readScoped: false } };

describe("mayReadState", () => {
  it("shows published states (and states recorded before statuses) to everyone", () => {
    expect(mayReadState(viewer, { region: "ML05" }, mopti, false)).toBe(true);
    expect(mayReadState(viewer, { status: "published", region: "ML05" }, mopti, false)).toBe(true);
  });

  it("shows a submitted state to its author and to a reviewer of its region, never to a viewer", () => {
    const submitted = { status: "submitted" as const, region: "ML05", dataset: { code: "partner" } };
    expect(mayReadState(viewer, submitted, mopti, false)).toBe(false);
    expect(mayReadState(analyst, submitted, mopti, false)).toBe(false);
    expect(mayReadState(analyst, submitted, mopti, true)).toBe(true);
    expect(mayReadState(reviewer, submitted, mopti, false)).toBe(true);
    expect(mayReadState(reviewer, submitted, { pcode: "ML06", level: 1, parent: "ML" }, false)).toBe(false);
  });
});
