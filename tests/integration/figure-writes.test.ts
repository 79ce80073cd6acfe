// Writing figures against real PostgreSQL: the write API's validation,
// duplicates, optimistic locking under concurrency, delete/restore, history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser } from "../../lib/data/users";
import { createFigureEndpoint, deleteFigureEndpoint, updateFigureEndpoint } from "../../lib/api/figure-writes-endpoint";
import { figureHistory, getFigure, restoreFigure } from "../../lib/data/figure-writes";
import type { FigureDto } from "../../lib/data/figures";

let analyst: number;
let admin: number;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("writes");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  analyst = (await createUser({ email: "analyst@test.org", role: "analyst", password: "a-long-enough-password" })).id;
  admin = (await createUser({ email: "admin@test.org", role: "admin", password: "a-long-enough-password" })).id;
});

afterAll(async () => {
  await disconnectDb();
});

const source = { organisation: "IOM DTM", title: "Mali baseline assessment, test round", url: "https://dtm.iom.int/mali", date: "2030-02-01" };
const figure = (changes: Record<string, unknown> = {}) => ({
  indicator: "idps",
  region: "ML05",
  periodStart: "2030-01-31",
  periodEnd: "2030-01-31",
  disaggregation: null,
  value: 160_000,
  source,
  note: "Test figure",
  ...changes,
});

type ErrorBody = { error: { code: string; fields?: Record<string, string>; existingId?: number; current?: FigureDto } };

describe("write API", () => {
  it("creates a figure (201) that the read side returns, with its source", async () => {
    const result = await createFigureEndpoint(figure(), analyst);
    expect(result.status).toBe(201);
    const created = (result.body as { data: FigureDto }).data;
    expect(created).toMatchObject({ indicator: "idps", region: "ML05", value: 160_000, version: 1, source });
    expect(await getFigure(created.id)).toEqual(created);
  });

  it.each([
    ["negative people", figure({ value: -5 }), "value", "cannot be negative"],
    ["a percentage over 100", figure({ indicator: "people_in_need_share", value: 101 }), "value", "cannot be over 100"],
    ["text in a number", figure({ value: "12abc" }), "value", "Enter a number"],
    ["an unknown region", figure({ region: "ML99" }), "region", "Unknown region"],
    ["an unknown indicator", figure({ indicator: "idp_cats" }), "indicator", "Unknown indicator"],
    ["a missing source", figure({ source: undefined }), "source", "needs a source"],
    ["a source without organisation", figure({ source: { ...source, organisation: "" } }), "source.organisation", "needs a source"],
    ["a period end before its start", figure({ periodStart: "2030-03-01", periodEnd: "2030-02-01" }), "periodEnd", "cannot end before"],
    ["a CH figure without status", figure({ indicator: "ch_phase3plus" }), "disaggregation.chStatus", "current or projected"],
  ])("refuses %s with a 400 naming the field, and writes nothing", async (_name, body, field, message) => {
    const before = await db().figure.count();
    const result = await createFigureEndpoint(body, analyst);
    expect(result.status).toBe(400);
    expect((result.body as ErrorBody).error.fields?.[field]).toContain(message);
    expect(await db().figure.count()).toBe(before);
  });

  it("refuses the same indicator, region, period and disaggregation twice (409 with the existing id)", async () => {
    const first = await createFigureEndpoint(figure({ periodStart: "2030-04-30", periodEnd: "2030-04-30" }), analyst);
    const again = await createFigureEndpoint(figure({ periodStart: "2030-04-30", periodEnd: "2030-04-30", value: 1 }), analyst);
    expect(again.status).toBe(409);
    expect((again.body as ErrorBody).error).toMatchObject({ code: "duplicate_figure", existingId: (first.body as { data: FigureDto }).data.id });
  });

  it("warns about an outlier (more than 3× the previous figure) but keeps it", async () => {
    const result = await createFigureEndpoint(figure({ periodStart: "2030-06-30", periodEnd: "2030-06-30", value: 1_000_000 }), analyst);
    expect(result.status).toBe(201);
    expect((result.body as { meta: { warnings: { code: string }[] } }).meta.warnings.map((w) => w.code)).toEqual(["outlier"]);
  });

  it("edits with the current version (200, version + 1) and refuses a stale one (409 with the newer figure)", async () => {
    const created = ((await createFigureEndpoint(figure({ periodStart: "2030-07-31", periodEnd: "2030-07-31" }), analyst)).body as { data: FigureDto }).data;
    const edited = await updateFigureEndpoint(created.id, { value: 161_000, version: 1 }, analyst);
    expect(edited.status).toBe(200);
    expect((edited.body as { data: FigureDto }).data).toMatchObject({ value: 161_000, version: 2, periodStart: "2030-07-31" });

    const stale = await updateFigureEndpoint(created.id, { value: 1, version: 1 }, analyst);
    expect(stale.status).toBe(409);
    expect((stale.body as ErrorBody).error).toMatchObject({ code: "version_conflict", current: { value: 161_000, version: 2 } });
    expect((await getFigure(created.id))?.value).toBe(161_000);

    const noVersion = await updateFigureEndpoint(created.id, { value: 2 }, analyst);
    expect(noVersion.status).toBe(400);
    expect((noVersion.body as ErrorBody).error.fields).toHaveProperty("version");
  });

  it("lets exactly one of 20 simultaneous edits with the same version win", async () => {
    const created = ((await createFigureEndpoint(figure({ periodStart: "2030-08-31", periodEnd: "2030-08-31" }), analyst)).body as { data: FigureDto }).data;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => updateFigureEndpoint(created.id, { value: 170_000 + i, version: 1 }, analyst)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = (results.find((r) => r.status === 200)?.body as { data: FigureDto }).data;
    expect(await getFigure(created.id)).toMatchObject({ value: winner.value, version: 2 });
  });

  it("deletes (204), records it, and lets an admin restore the figure under its id", async () => {
    const created = ((await createFigureEndpoint(figure({ periodStart: "2030-09-30", periodEnd: "2030-09-30" }), analyst)).body as { data: FigureDto }).data;
    expect((await deleteFigureEndpoint(created.id, "9", analyst)).status).toBe(409);
    expect((await deleteFigureEndpoint(created.id, null, analyst)).status).toBe(204);
    expect(await getFigure(created.id)).toBeNull();
    expect((await deleteFigureEndpoint(created.id, null, analyst)).status).toBe(404);

    const restored = await restoreFigure(created.id, admin);
    expect(restored).toMatchObject({ id: created.id, value: 160_000, version: 2 });
    const history = await figureHistory(created.id);
    expect(history.map((h) => h.action)).toEqual(["figure.create", "figure.delete", "figure.restore"]);
    expect(history[1]?.before?.value).toBe(160_000);
    expect(history[1]?.user?.email).toBe("analyst@test.org");
  });

  it("keeps who changed what in the history: old → new value", async () => {
    const created = ((await createFigureEndpoint(figure({ periodStart: "2030-10-31", periodEnd: "2030-10-31" }), analyst)).body as { data: FigureDto }).data;
    await updateFigureEndpoint(created.id, { value: 150_000, version: 1, source: { ...source, title: "Revised round" } }, admin);
    const [, update] = await figureHistory(created.id);
    expect(update).toMatchObject({ action: "figure.update", user: { email: "admin@test.org" }, before: { value: 160_000 }, after: { value: 150_000, source: { title: "Revised round" } } });
  });
});
