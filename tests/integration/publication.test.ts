// The set-based core of every approval path (lib/data/publication.ts):
// publish and send back figures and pending revisions, audited per figure,
// derived funding following published inputs only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { getFigure, reconcileDerivedFunding, writeFigure } from "../../lib/data/figure-writes";
import { publish, sendBack } from "../../lib/data/publication";
import { Prisma } from "../../lib/generated/prisma/client";

let analyst: SessionUser;
let reviewer: SessionUser;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("publication");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  analyst = await createUser({ email: "analyst@test.org", role: "analyst", password: "a-long-enough-password" });
  reviewer = await createUser({ email: "reviewer@test.org", role: "reviewer", password: "a-long-enough-password" });
});

afterAll(async () => {
  await disconnectDb();
});

const source = { organisation: "OCHA FTS", title: "Mali plan 2032", url: "https://fts.unocha.org/plans", date: "2032-06-30" };
const funding = (indicator: string, value: number) => ({ indicator, region: "ML", periodStart: "2032-01-01", periodEnd: "2032-12-31", disaggregation: null, value, dataset: "ocha-fts", source, note: null });

/** Writes a published figure, then marks it as the analyst's submitted work (the write path's own rule is tested in review.test.ts). */
async function submitted(values: ReturnType<typeof funding>): Promise<number> {
  const outcome = await writeFigure({ op: "create", values, outliers: "confirmed" }, analyst);
  if (outcome.status !== "saved") throw new Error(outcome.status);
  await db().figure.update({ where: { id: outcome.figure.id }, data: { status: "submitted", submittedAt: new Date(), updatedById: analyst.id } });
  return outcome.figure.id;
}

const derived = (code: string) => db().figure.findFirst({ where: { indicator: { code }, region: { pcode: "ML" }, periodStart: new Date("2032-01-01") }, select: { value: true } });

describe("publish", () => {
  it("publishes submitted figures with one audit event each, and derives funding from them only once published", async () => {
    const required = await submitted(funding("funding_required", 1000));
    const funded = await submitted(funding("funding_funded", 250));
    // Both inputs are only submitted: nothing derives from them.
    await reconcileDerivedFunding();
    expect(await derived("funding_unmet")).toBeNull();
    const before = await getFigure(required);
    const done = await db().$transaction((tx) => publish(tx, { figureIds: [required, funded, required], revisionIds: [] }, reviewer.id));
    expect(done.figureIds.sort()).toEqual([required, funded].sort());
    const after = await db().figure.findUniqueOrThrow({ where: { id: required } });
    expect(after).toMatchObject({ status: "published", reviewedById: reviewer.id, reviewComment: null, version: before!.version + 1, updatedById: analyst.id });
    const events = await db().auditEvent.findMany({ where: { action: "figure.approve", entityId: { in: [String(required), String(funded)] } } });
    expect(events).toHaveLength(2);
    const event = events.find((e) => e.entityId === String(required))!;
    expect(event.userId).toBe(reviewer.id);
    expect((event.before as { status: string }).status).toBe("submitted");
    expect((event.after as { status: string; version: number }).status).toBe("published");
    expect((await derived("funding_unmet"))?.value.toFixed()).toBe("750");
    // Publishing again does nothing: only what is still submitted.
    expect((await db().$transaction((tx) => publish(tx, { figureIds: [required], revisionIds: [] }, reviewer.id))).figureIds).toEqual([]);
  });

  it("applies a revision onto its figure (author as last writer), deletes it, and recomputes funding", async () => {
    const funded = await db().figure.findFirstOrThrow({ where: { indicator: { code: "funding_funded" }, periodStart: new Date("2032-01-01") } });
    const revision = await db().figureRevision.create({
      data: {
        figureId: funded.id, status: "submitted", indicatorId: funded.indicatorId, regionId: funded.regionId, periodStart: funded.periodStart, periodEnd: funded.periodEnd,
        disaggregationKey: "", value: new Prisma.Decimal(600), datasetId: funded.datasetId, sourceId: funded.sourceId, note: "revised", authorId: analyst.id, submittedAt: new Date(),
      },
    });
    const done = await db().$transaction((tx) => publish(tx, { figureIds: [], revisionIds: [revision.id] }, reviewer.id));
    expect(done.revisedFigureIds).toEqual([funded.id]);
    const after = await getFigure(funded.id);
    expect(after).toMatchObject({ value: 600, note: "revised", status: "published", version: funded.version + 1, pendingRevision: null });
    expect(await db().figureRevision.count({ where: { id: revision.id } })).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "figure.approve", entityId: String(funded.id) }, orderBy: { id: "desc" } });
    expect((event.before as { value: number; pendingRevision: { value: number } }).value).toBe(250);
    expect((event.before as { pendingRevision: { value: number } }).pendingRevision.value).toBe(600);
    expect((event.after as { value: number }).value).toBe(600);
    expect((await derived("funding_unmet"))?.value.toFixed()).toBe("400");
  });
});

describe("sendBack", () => {
  it("returns submitted figures and revisions with the comment, audited as figure.return", async () => {
    const id = await submitted({ ...funding("funding_required", 5), region: "ML05" });
    const published = await db().figure.findFirstOrThrow({ where: { indicator: { code: "funding_required" }, region: { pcode: "ML" }, periodStart: new Date("2032-01-01") } });
    const revision = await db().figureRevision.create({
      data: {
        figureId: published.id, status: "submitted", indicatorId: published.indicatorId, regionId: published.regionId, periodStart: published.periodStart, periodEnd: published.periodEnd,
        disaggregationKey: "", value: new Prisma.Decimal(2000), datasetId: published.datasetId, sourceId: published.sourceId, authorId: analyst.id, submittedAt: new Date(),
      },
    });
    const done = await db().$transaction((tx) => sendBack(tx, { figureIds: [id], revisionIds: [revision.id] }, reviewer.id, "Which survey?"));
    expect(done).toEqual({ figureIds: [id], revisedFigureIds: [published.id] });
    expect(await getFigure(id)).toMatchObject({ status: "returned", reviewComment: "Which survey?" });
    const figure = await getFigure(published.id);
    expect(figure).toMatchObject({ status: "published", value: 1000 });
    expect(figure!.pendingRevision).toMatchObject({ status: "returned", reviewComment: "Which survey?", value: 2000 });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "figure.return", entityId: String(published.id) } });
    expect((event.after as { pendingRevision: { status: string } }).pendingRevision.status).toBe("returned");
    // The published inputs did not move: unmet stays 1000 - 600.
    expect((await derived("funding_unmet"))?.value.toFixed()).toBe("400");
  });
});
