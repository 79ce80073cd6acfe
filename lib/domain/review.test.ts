import { describe, expect, it } from "vitest";
import { UNSCOPED } from "../auth/scope";
import { reviewRefusal, type ReviewItem } from "./review";

const mopti = { pcode: "ML05", level: 1, parent: "ML" };
const djenne = { pcode: "ML0501", level: 2, parent: "ML05" };
const gao = { pcode: "ML07", level: 1, parent: "ML" };
const mali = { pcode: "ML", level: 0, parent: null };
const item = (over: Partial<ReviewItem> = {}): ReviewItem => ({ authorId: 7, status: "submitted", place: mopti, dataset: "partner-x", ...over });
const reviewer = { id: 1, role: "reviewer" as const, scope: UNSCOPED };

describe("reviewRefusal", () => {
  it("lets a reviewer or an admin approve another person's submitted figure", () => {
    expect(reviewRefusal(reviewer, item())).toBeNull();
    expect(reviewRefusal({ ...reviewer, role: "admin" }, item())).toBeNull();
  });

  it("refuses analysts and viewers: forbidden", () => {
    expect(reviewRefusal({ ...reviewer, role: "analyst" }, item())).toBe("forbidden");
    expect(reviewRefusal({ ...reviewer, role: "viewer" }, item())).toBe("forbidden");
  });

  it("never lets the author review their own work, admins included (four eyes)", () => {
    expect(reviewRefusal({ ...reviewer, id: 7 }, item())).toBe("own_work");
    expect(reviewRefusal({ ...reviewer, id: 7, role: "admin" }, item())).toBe("own_work");
  });

  it("reviews only within the reviewer's scope: a region grants its cercles, not the country nor another region", () => {
    const scoped = { ...reviewer, scope: { regions: ["ML05"], datasets: [], readScoped: false } };
    expect(reviewRefusal(scoped, item({ place: djenne }))).toBeNull();
    expect(reviewRefusal(scoped, item({ place: gao }))).toBe("outside_scope");
    expect(reviewRefusal(scoped, item({ place: mali }))).toBe("outside_scope");
    const byDataset = { ...reviewer, scope: { regions: [], datasets: ["other"], readScoped: false } };
    expect(reviewRefusal(byDataset, item())).toBe("outside_scope");
  });

  it("acts only on what waits for review", () => {
    for (const status of ["draft", "returned", "published"] as const) expect(reviewRefusal(reviewer, item({ status }))).toBe("not_submitted");
  });

  it("an item without a known author (its account deleted) may be reviewed by anyone allowed", () => {
    expect(reviewRefusal(reviewer, item({ authorId: null }))).toBeNull();
  });
});
