import { describe, expect, it } from "vitest";
import { UNSCOPED } from "./scope";
import { forAggregates, mayReadRecord, PUBLISHED_ONLY, visibilityFor, visibilityKey, type ReadableRecord } from "./visibility";

const mopti = { pcode: "ML05", level: 1, parent: "ML" };
const gao = { pcode: "ML07", level: 1, parent: "ML" };
const record = (over: Partial<ReadableRecord>): ReadableRecord => ({ status: "published", authorId: 1, place: mopti, dataset: "d", ...over });
const analyst = { id: 1, role: "analyst" as const, scope: UNSCOPED };
const reviewer = { id: 2, role: "reviewer" as const, scope: { regions: ["ML05"], datasets: [], readScoped: false } };
const viewer = { id: 3, role: "viewer" as const, scope: UNSCOPED };

describe("who sees which figures", () => {
  it("shows published figures to everyone, public links included", () => {
    for (const v of [PUBLISHED_ONLY, visibilityFor(viewer), visibilityFor(analyst)]) expect(mayReadRecord(v, record({ authorId: 9 }))).toBe(true);
  });
  it("shows an unpublished figure to its author, never to a viewer or a public link", () => {
    const submitted = record({ status: "submitted" });
    expect(mayReadRecord(visibilityFor(analyst), submitted)).toBe(true);
    expect(mayReadRecord(visibilityFor(viewer), submitted)).toBe(false);
    expect(mayReadRecord(PUBLISHED_ONLY, submitted)).toBe(false);
    expect(mayReadRecord(visibilityFor({ ...analyst, id: 7 }), submitted)).toBe(false);
  });
  it("shows a reviewer others' unpublished figures only when asked, and only within scope", () => {
    const submitted = record({ status: "submitted" });
    expect(mayReadRecord(visibilityFor(reviewer), submitted)).toBe(false);
    expect(mayReadRecord(visibilityFor(reviewer, { includeUnpublished: true }), submitted)).toBe(true);
    expect(mayReadRecord(visibilityFor(reviewer, { includeUnpublished: true }), record({ status: "submitted", place: gao }))).toBe(false);
    // Asking is a reviewer's right only.
    expect(visibilityFor(analyst, { includeUnpublished: true }).unpublished).toBe("own");
  });
  it("hides other regions from a read-scoped reader, published or not", () => {
    const scoped = visibilityFor({ ...viewer, scope: { regions: ["ML05"], datasets: [], readScoped: true } });
    expect(mayReadRecord(scoped, record({ place: gao }))).toBe(false);
    expect(mayReadRecord(scoped, record({ place: mopti }))).toBe(true);
  });
  it("draws aggregates from published figures for authors, pending ones for reviewers who ask", () => {
    expect(forAggregates(visibilityFor(analyst)).unpublished).toBe("none");
    expect(forAggregates(visibilityFor(reviewer, { includeUnpublished: true })).unpublished).toBe("reviewable");
  });
  it("gives readers who see the same figures the same cache key, and others another", () => {
    expect(visibilityKey(visibilityFor(viewer))).toBe(visibilityKey(PUBLISHED_ONLY));
    expect(visibilityKey(forAggregates(visibilityFor(analyst)))).toBe("published");
    expect(visibilityKey(visibilityFor(analyst))).not.toBe(visibilityKey(visibilityFor({ ...analyst, id: 8 })));
    expect(visibilityKey(visibilityFor(reviewer, { includeUnpublished: true }))).not.toBe(visibilityKey(visibilityFor({ ...reviewer, scope: UNSCOPED }, { includeUnpublished: true })));
  });
});
