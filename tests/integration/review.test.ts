// Review before publication for single figures and their pending revisions:
// the write path's statuses, submit, approve and return (one and many), the
// queue, the API's answers, and derived funding following published inputs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { createDataset } from "../../lib/data/datasets";
import { figureHistory, getFigure, writeFigure } from "../../lib/data/figure-writes";
import { reviewCount, reviewFigures, reviewQueue, submitFigure } from "../../lib/data/review";
import { createFigureEndpoint, deleteFigureEndpoint, updateFigureEndpoint } from "../../lib/api/figure-writes-endpoint";
import { reviewEndpoint, reviewQueueEndpoint, submitEndpoint } from "../../lib/api/review-endpoint";
import type { FigureDto } from "../../lib/data/figures";

let analyst: SessionUser;
let other: SessionUser;
let reviewer: SessionUser;
let admin: SessionUser;
let gaoReviewer: SessionUser;

const DATASET = "mopti-partner";
const NO_REVIEW = "plain-partner";

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("review");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  analyst = await createUser({ email: "analyst@test.org", name: "Ana Lyst", role: "analyst", password: "a-long-enough-password" });
  other = await createUser({ email: "other@test.org", role: "analyst", password: "a-long-enough-password" });
  reviewer = await createUser({ email: "reviewer@test.org", role: "reviewer", password: "a-long-enough-password" });
  admin = await createUser({ email: "admin@test.org", role: "admin", password: "a-long-enough-password" });
  const gao = await createUser({ email: "gao@test.org", role: "reviewer", password: "a-long-enough-password" });
  gaoReviewer = { ...gao, scope: { regions: ["ML07"], datasets: [], readScoped: false } };
  // New datasets need review by default; the second is switched off as an admin would.
  await createDataset({ code: DATASET, name: "Mopti partner reports", publisher: "Mopti partner", url: "", kind: "report", cadenceDays: null }, admin);
  await createDataset({ code: NO_REVIEW, name: "Plain partner", publisher: "Plain partner", url: "", kind: "report", cadenceDays: null }, admin);
  await db().dataset.update({ where: { code: NO_REVIEW }, data: { needsReview: false } });
});

afterAll(async () => {
  await disconnectDb();
});

const source = { organisation: "Mopti partner", title: "Field report", url: "", date: "2033-02-01" };
let day = 0;
/** A new figure each call (its own date), in the dataset that needs review. */
const values = (changes: Record<string, unknown> = {}) => {
  day += 1;
  const date = `2033-01-${String(day).padStart(2, "0")}`;
  return { indicator: "idps", region: "ML05", periodStart: date, periodEnd: date, disaggregation: null, value: 1000 + day, dataset: DATASET, source, note: null, ...changes };
};

async function create(writer: SessionUser, changes: Record<string, unknown> = {}, draft = false): Promise<FigureDto> {
  const outcome = await writeFigure({ op: "create", values: values(changes), outliers: "confirmed", draft }, writer);
  if (outcome.status !== "saved") throw new Error(JSON.stringify(outcome));
  return outcome.figure;
}

describe("writing in a dataset that needs review", () => {
  it("an analyst's figure starts submitted; a reviewer approves it and it is published", async () => {
    const figure = await create(analyst);
    expect(figure).toMatchObject({ status: "submitted" });
    expect((await db().figure.findUniqueOrThrow({ where: { id: figure.id } })).submittedAt).not.toBeNull();
    const result = await reviewFigures([figure.id], reviewer, "approve");
    expect(result).toEqual({ done: [figure.id], refused: [] });
    expect(await getFigure(figure.id)).toMatchObject({ status: "published", version: figure.version + 1 });
    expect((await figureHistory(figure.id)).map((e) => e.action)).toEqual(["figure.create", "figure.approve"]);
  });

  it("a draft stays a draft until its author submits it; only the author submits", async () => {
    const figure = await create(analyst, {}, true);
    expect(figure.status).toBe("draft");
    expect((await reviewFigures([figure.id], reviewer, "approve")).refused).toEqual([{ id: figure.id, reason: "not_submitted" }]);
    expect(await submitFigure(figure.id, other)).toEqual({ status: "not_found" });
    expect(await submitFigure(figure.id, reviewer)).toEqual({ status: "forbidden" });
    expect(await submitFigure(figure.id, analyst)).toMatchObject({ status: "submitted", figure: { status: "submitted" } });
    expect(await submitFigure(figure.id, analyst)).toEqual({ status: "not_draft" });
  });

  it("submitting is a write: its author's draft outside their scope now (the scope changed since) is refused, naming the region", async () => {
    const figure = await create(analyst, { region: "ML07" }, true);
    const moptiOnly = { ...analyst, scope: { regions: ["ML05"], datasets: [], readScoped: false } };
    expect(await submitFigure(figure.id, moptiOnly)).toEqual({ status: "outside_scope", outside: { kind: "region", code: "ML07" } });
    expect(await getFigure(figure.id)).toMatchObject({ status: "draft", version: figure.version });
    expect(await submitFigure(figure.id, { ...moptiOnly, scope: { ...moptiOnly.scope, regions: [], datasets: ["iom-dtm-mali"] } })).toEqual({ status: "outside_scope", outside: { kind: "dataset", code: DATASET } });
    expect(await submitFigure(figure.id, analyst)).toMatchObject({ status: "submitted" });
  });

  it("four eyes: nobody approves their own work, not even an admin; a reviewer's own figure starts submitted too", async () => {
    const mine = await create(admin);
    expect(mine.status).toBe("submitted");
    expect((await reviewFigures([mine.id], admin, "approve")).refused).toEqual([{ id: mine.id, reason: "own_work" }]);
    expect((await getFigure(mine.id))!.status).toBe("submitted");
    expect((await reviewFigures([mine.id], reviewer, "approve")).done).toEqual([mine.id]);
  });

  it("a reviewer outside the figure's scope is refused, naming the region", async () => {
    const figure = await create(analyst);
    expect((await reviewFigures([figure.id], gaoReviewer, "approve")).refused).toEqual([{ id: figure.id, reason: "outside_scope", outside: { kind: "region", code: "ML05" } }]);
    expect(await reviewFigures([figure.id], analyst, "approve")).toMatchObject({ refused: [{ reason: "forbidden" }] });
  });

  it("returned with a comment, fixed by the analyst and resubmitted (the comment cleared), then approved", async () => {
    const figure = await create(analyst);
    await reviewFigures([figure.id], reviewer, "return", "Which survey is this?");
    const returned = await getFigure(figure.id);
    expect(returned).toMatchObject({ status: "returned", reviewComment: "Which survey is this?" });
    const fixed = await writeFigure({ op: "update", id: figure.id, version: returned!.version, values: { note: "DTM round 12" }, partial: true, outliers: "warn" }, analyst);
    expect(fixed).toMatchObject({ status: "saved", figure: { status: "submitted", reviewComment: null, note: "DTM round 12" } });
    expect((await reviewFigures([figure.id], reviewer, "approve")).done).toEqual([figure.id]);
    expect((await figureHistory(figure.id)).map((e) => e.action)).toEqual(["figure.create", "figure.return", "figure.update", "figure.approve"]);
  });

  it("another analyst neither sees nor edits nor deletes someone's unpublished figure", async () => {
    const figure = await create(analyst);
    expect(await writeFigure({ op: "update", id: figure.id, version: figure.version, values: { value: 5 }, partial: true, outliers: "warn" }, other)).toEqual({ status: "not_found" });
    expect(await writeFigure({ op: "delete", id: figure.id }, other)).toEqual({ status: "not_found" });
    expect(await writeFigure({ op: "delete", id: figure.id }, analyst)).toMatchObject({ status: "deleted" });
  });

  it("editing a published figure makes a pending revision: the published value stays until approval; the history shows both", async () => {
    const created = await create(analyst, { value: 2000 });
    await reviewFigures([created.id], reviewer, "approve");
    const published = (await getFigure(created.id))!;
    const revised = await writeFigure({ op: "update", id: published.id, version: published.version, values: { value: 2500 }, partial: true, outliers: "warn" }, other);
    expect(revised).toMatchObject({ status: "saved", figure: { status: "published", value: 2000, version: published.version, pendingRevision: { status: "submitted", value: 2500, authorId: other.id, version: published.version + 1 } } });
    // A second edit replaces the revision, checked against its version.
    expect(await writeFigure({ op: "update", id: published.id, version: published.version, values: { value: 2600 }, partial: true, outliers: "warn" }, other)).toMatchObject({ status: "conflict" });
    const again = await writeFigure({ op: "update", id: published.id, version: published.version + 1, values: { value: 2600 }, partial: true, outliers: "warn" }, other);
    expect(again).toMatchObject({ status: "saved", figure: { value: 2000, pendingRevision: { value: 2600, version: published.version + 2 } } });
    expect(await db().figureRevision.count({ where: { figureId: published.id } })).toBe(1);
    // Four eyes on the revision's author, not the figure's.
    expect((await reviewFigures([published.id], other, "approve")).refused[0]).toMatchObject({ reason: "forbidden" });
    expect((await reviewFigures([published.id], { ...reviewer, id: other.id }, "approve")).refused[0]).toMatchObject({ reason: "own_work" });
    expect((await reviewFigures([published.id], reviewer, "approve")).done).toEqual([published.id]);
    // Numbered past the revision's version: a form still open on the revision sees the approval as a change.
    expect(await getFigure(published.id)).toMatchObject({ value: 2600, status: "published", pendingRevision: null, version: published.version + 3 });
    const history = await figureHistory(published.id);
    expect(history.map((e) => e.action)).toEqual(["figure.create", "figure.approve", "figure.revise", "figure.revise", "figure.approve"]);
    const revise = history[2]!;
    expect(revise.before).toMatchObject({ value: 2000, pendingRevision: null });
    expect(revise.after).toMatchObject({ value: 2000, pendingRevision: { value: 2500 } });
    expect(history[4]!.after).toMatchObject({ value: 2600 });
  });

  it("a published figure of a reviewed dataset is deleted by a reviewer only", async () => {
    const figure = await create(analyst);
    await reviewFigures([figure.id], reviewer, "approve");
    expect(await writeFigure({ op: "delete", id: figure.id }, analyst)).toEqual({ status: "review_required" });
    expect(await writeFigure({ op: "delete", id: figure.id }, reviewer)).toMatchObject({ status: "deleted" });
  });

  it("in a dataset without review everything is published at once, as before", async () => {
    const figure = await create(analyst, { dataset: NO_REVIEW }, true);
    expect(figure).toMatchObject({ status: "published", pendingRevision: null });
    const edited = await writeFigure({ op: "update", id: figure.id, version: figure.version, values: { value: 7 }, partial: true, outliers: "warn" }, analyst);
    expect(edited).toMatchObject({ status: "saved", figure: { status: "published", value: 7, pendingRevision: null } });
    expect(await writeFigure({ op: "delete", id: figure.id }, analyst)).toMatchObject({ status: "deleted" });
  });
});

describe("bulk review and the queue", () => {
  it("approves what the reviewer may, and lists every other item with its reason", async () => {
    const a = await create(analyst);
    const b = await create(other, { region: "ML0501" });
    const own = await create(reviewer);
    const gao = await create(analyst, { region: "ML07" });
    const draft = await create(analyst, {}, true);
    const scoped = { ...reviewer, scope: { regions: ["ML05"], datasets: [], readScoped: false } };
    const result = await reviewFigures([a.id, b.id, own.id, gao.id, draft.id, 999_999], scoped, "approve");
    expect(result.done.sort()).toEqual([a.id, b.id].sort());
    expect(result.refused).toEqual([
      { id: own.id, reason: "own_work" },
      { id: gao.id, reason: "outside_scope", outside: { kind: "region", code: "ML07" } },
      { id: draft.id, reason: "not_submitted" },
      { id: 999_999, reason: "not_found" },
    ]);
    expect((await getFigure(gao.id))!.status).toBe("submitted");
  });

  it("the queue lists figures and revisions oldest first, within scope, never one's own; filters region, dataset and author; counts", async () => {
    await db().figure.updateMany({ where: { status: "submitted" }, data: { status: "published" } });
    const first = await create(analyst);
    const second = await create(other, { region: "ML07" });
    const revisedBase = await create(other, { dataset: NO_REVIEW, value: 10 });
    // Its dataset now needs review: an edit waits as a revision.
    await db().dataset.update({ where: { code: NO_REVIEW }, data: { needsReview: true } });
    await writeFigure({ op: "update", id: revisedBase.id, version: revisedBase.version, values: { value: 12 }, partial: true, outliers: "warn" }, analyst);
    await db().dataset.update({ where: { code: NO_REVIEW }, data: { needsReview: false } });
    await create(reviewer);

    const queue = await reviewQueue(reviewer);
    expect(queue.map((i) => [i.kind, i.id])).toEqual([["figure", first.id], ["figure", second.id], ["revision", revisedBase.id]]);
    const revision = queue[2]!;
    expect(revision).toMatchObject({ proposed: { value: 12 }, published: { value: 10 }, author: { id: analyst.id, name: "Ana Lyst" } });
    expect(await reviewCount(reviewer)).toBe(3);
    expect(await reviewCount(analyst)).toBe(0);
    expect((await reviewQueue(gaoReviewer)).map((i) => i.id)).toEqual([second.id]);
    expect((await reviewQueue(reviewer, { region: "ML07" })).map((i) => i.id)).toEqual([second.id]);
    expect((await reviewQueue(reviewer, { dataset: NO_REVIEW })).map((i) => i.id)).toEqual([revisedBase.id]);
    expect((await reviewQueue(reviewer, { author: other.id })).map((i) => i.id)).toEqual([second.id]);
    // An import batch waiting for review is one item, linking to its page.
    const batch = await db().import.create({ data: { fileName: "mopti.csv", fileSha256: "x", mappingName: "hxl", userId: other.id, review: "submitted" } });
    expect((await reviewQueue(reviewer)).at(-1)).toMatchObject({ kind: "import", id: batch.id, fileName: "mopti.csv" });
    expect(await reviewCount(reviewer)).toBe(4);
    await db().import.delete({ where: { id: batch.id } });
  });
});

describe("a revision that moves a figure", () => {
  it("is reviewed only by someone whose scope covers both where the figure is and where it goes", async () => {
    const gao = await create(analyst, { region: "ML07" });
    await reviewFigures([gao.id], reviewer, "approve");
    const published = (await getFigure(gao.id))!;
    await writeFigure({ op: "update", id: gao.id, version: published.version, values: { region: "ML05" }, partial: true, outliers: "warn" }, other);
    const mopti = { ...reviewer, scope: { regions: ["ML05"], datasets: [], readScoped: false } };
    expect((await reviewQueue(mopti)).map((i) => i.id)).not.toContain(gao.id);
    expect((await reviewQueue(reviewer)).map((i) => i.id)).toContain(gao.id);
    expect((await reviewFigures([gao.id], mopti, "approve")).refused).toEqual([{ id: gao.id, reason: "outside_scope", outside: { kind: "region", code: "ML07" } }]);
    expect((await reviewFigures([gao.id], reviewer, "approve")).done).toEqual([gao.id]);
    expect((await getFigure(gao.id))!.region).toBe("ML05");
  });
});

describe("the review API", () => {
  it("answers each case with its status and body", async () => {
    const created = (await createFigureEndpoint({ ...values(), status: "draft" }, analyst)).body as { data: FigureDto };
    expect(created.data.status).toBe("draft");
    const id = created.data.id;
    expect(await reviewEndpoint(id, null, reviewer, "approve")).toMatchObject({ status: 409, body: { error: { code: "not_submitted" } } });
    expect(await submitEndpoint(id, analyst)).toMatchObject({ status: 200, body: { data: { id, status: "submitted" } } });
    expect(await submitEndpoint(id, analyst)).toMatchObject({ status: 409, body: { error: { code: "not_draft" } } });
    expect(await reviewEndpoint(id, {}, reviewer, "return")).toMatchObject({ status: 400, body: { error: { code: "invalid_body", fields: { comment: "commentRequired" } } } });
    expect(await reviewEndpoint(id, { comment: "   " }, reviewer, "return")).toMatchObject({ status: 400 });
    expect(await reviewEndpoint(id, null, { ...reviewer, id: analyst.id }, "approve")).toMatchObject({ status: 403, body: { error: { code: "own_work" } } });
    expect(await reviewEndpoint(id, null, gaoReviewer, "approve")).toEqual({ status: 403, body: { error: { code: "outside_scope", message: expect.any(String), region: "ML05" } } });
    expect(await reviewEndpoint(id, null, other, "approve")).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await reviewEndpoint(999_999, null, reviewer, "approve")).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect(await reviewEndpoint(id, { comment: "Source?" }, reviewer, "return")).toMatchObject({ status: 200, body: { data: { status: "returned", reviewComment: "Source?" } } });
    const fixed = await updateFigureEndpoint(id, { version: created.data.version + 2, note: "fixed" }, analyst);
    expect(fixed).toMatchObject({ status: 200, body: { data: { status: "submitted" } } });
    expect(await reviewEndpoint(id, null, reviewer, "approve")).toMatchObject({ status: 200, body: { data: { id, status: "published" } } });
    expect(await deleteFigureEndpoint(id, null, analyst)).toMatchObject({ status: 403, body: { error: { code: "review_required" } } });

    const queue = await reviewQueueEndpoint(new URLSearchParams("region=ML05"), reviewer);
    expect(queue.status).toBe(200);
    expect(await reviewQueueEndpoint(new URLSearchParams("author=abc"), reviewer)).toMatchObject({ status: 400, body: { error: { code: "invalid_parameter" } } });
  });
});

describe("derived funding follows published inputs only", () => {
  it("a submitted requirement and funding derive nothing; approved they do; a revision changes them only once approved", async () => {
    await db().dataset.update({ where: { code: "ocha-fts" }, data: { needsReview: true } });
    const fts = { organisation: "OCHA FTS", title: "Mali plan 2034", url: "https://fts.unocha.org/plans", date: "2034-06-30" };
    const funding = (indicator: string, value: number) => ({ indicator, region: "ML", periodStart: "2034-01-01", periodEnd: "2034-12-31", disaggregation: null, value, dataset: "ocha-fts", source: fts, note: null });
    const unmet = async () => (await db().figure.findFirst({ where: { indicator: { code: "funding_unmet" }, periodStart: new Date("2034-01-01") } }))?.value.toFixed() ?? null;
    const required = await writeFigure({ op: "create", values: funding("funding_required", 1000), outliers: "confirmed" }, analyst);
    const funded = await writeFigure({ op: "create", values: funding("funding_funded", 300), outliers: "confirmed" }, analyst);
    if (required.status !== "saved" || funded.status !== "saved") throw new Error("not saved");
    expect(await unmet()).toBeNull();
    await reviewFigures([required.figure.id, funded.figure.id], reviewer, "approve");
    expect(await unmet()).toBe("700");
    const current = (await getFigure(funded.figure.id))!;
    await writeFigure({ op: "update", id: current.id, version: current.version, values: { value: 400 }, partial: true, outliers: "warn" }, analyst);
    expect(await unmet()).toBe("700");
    await reviewFigures([current.id], reviewer, "approve");
    expect(await unmet()).toBe("600");
    await db().dataset.update({ where: { code: "ocha-fts" }, data: { needsReview: false } });
  });
});
