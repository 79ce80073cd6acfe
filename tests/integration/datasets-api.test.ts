// Datasets through the real route handlers (API tokens) and the datasets
// page's Server Actions (session cookies), next/headers replaced by
// ./fake-request.ts: who may create a dataset or change an indicator's
// order, the shapes and refusals, and the `dataset` of a figure written by the API.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "./test-database";
import { asSession, asToken } from "./fake-request";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { createToken } from "../../lib/data/user-admin";
import { IDLE } from "../../lib/auth/form-state";
import { GET as datasetsGet, POST as datasetsPost } from "../../app/api/v1/datasets/route";
import { POST as figuresPost } from "../../app/api/v1/figures/route";
import { createDatasetAction, moveDatasetAction, setNeedsReviewAction } from "../../app/admin/datasets/actions";

vi.mock("next/headers", async () => (await import("./fake-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("./fake-request")).nextCache);

const users = {} as Record<"admin" | "analyst" | "viewer", SessionUser>;
const tokens = {} as Record<"admin" | "analyst" | "viewer", string>;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  process.env.DATABASE_URL = await createTestDatabase("datasets_api");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  for (const role of ["admin", "analyst", "viewer"] as const) {
    users[role] = await createUser({ email: `${role}@datasets.test`, role, password: `${role}-long-password-1` });
    tokens[role] = await createToken(users[role].id, "tests", 1, users[role]);
  }
});

afterAll(async () => {
  await disconnectDb();
});

const post = (handler: typeof datasetsPost, path: string, body: unknown) =>
  handler(new Request(`http://localhost${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), {});

const partner = { code: "protection-cluster-mali", name: "Protection Cluster Mali — displacement updates", publisher: "Protection Cluster Mali", url: "https://example.org/pcm", kind: "series", cadenceDays: 30 };

describe("POST /api/v1/datasets", () => {
  it("creates a dataset for analysts (201 with its shape), audited; GET lists it", async () => {
    asToken(tokens.analyst);
    const res = await post(datasetsPost, "/api/v1/datasets", partner);
    expect(res.status).toBe(201);
    // A new dataset needs review until an admin says otherwise.
    expect(await res.json()).toEqual({ data: { ...partner, licence: "", needsReview: true } });
    expect(await db().auditEvent.count({ where: { action: "dataset.create", entityId: partner.code, userId: users.analyst.id } })).toBe(1);
    const list = await (await datasetsGet(new Request("http://localhost/api/v1/datasets"), {})).json();
    expect(list.data.find((d: { code: string }) => d.code === partner.code)).toEqual({
      ...partner,
      licence: "",
      needsReview: true,
      latestReferenceDate: null,
      latestPublishedOn: null,
      freshness: "none",
      indicators: [],
    });
  });

  it("409 for a code that exists; 400 naming the field for a bad code or a series without cadence; a report needs none", async () => {
    asToken(tokens.admin);
    const taken = await post(datasetsPost, "/api/v1/datasets", { ...partner, name: "Another" });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.code).toBe("duplicate_dataset");
    const badCode = await post(datasetsPost, "/api/v1/datasets", { ...partner, code: "Not A Slug" });
    expect(badCode.status).toBe(400);
    expect(await badCode.json()).toMatchObject({ error: { code: "invalid_body", fields: { code: expect.any(String) } } });
    const noCadence = await post(datasetsPost, "/api/v1/datasets", { ...partner, code: "no-cadence", cadenceDays: undefined });
    expect(noCadence.status).toBe(400);
    expect(await noCadence.json()).toMatchObject({ error: { code: "invalid_body", fields: { cadenceDays: expect.stringContaining("cadence") } } });
    const report = await post(datasetsPost, "/api/v1/datasets", { ...partner, code: "pcm-2031-report", kind: "report", cadenceDays: undefined });
    expect(report.status).toBe(201);
    expect((await report.json()).data).toMatchObject({ kind: "report", cadenceDays: null });
  });

  it("403 for viewers, nothing created", async () => {
    asToken(tokens.viewer);
    const res = await post(datasetsPost, "/api/v1/datasets", { ...partner, code: "viewer-made" });
    expect(res.status).toBe(403);
    expect(await db().dataset.count({ where: { code: "viewer-made" } })).toBe(0);
  });
});

describe("POST /api/v1/figures with a dataset", () => {
  const figure = { indicator: "idps", region: "ML05", periodStart: "2031-01-31", value: 1234, source: { organisation: "Protection Cluster Mali", title: "January update", url: "", date: "2031-02-05" } };

  it("400 invalid_body on the dataset field for an unknown code; a known one is the figure's dataset", async () => {
    asToken(tokens.analyst);
    const unknown = await post(figuresPost, "/api/v1/figures", { ...figure, dataset: "no-such-dataset" });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: "invalid_body", fields: { dataset: expect.any(String) } } });
    const known = await post(figuresPost, "/api/v1/figures", { ...figure, dataset: partner.code });
    expect(known.status).toBe(201);
    expect((await known.json()).data).toMatchObject({ indicator: "idps", value: 1234, dataset: { code: partner.code, name: partner.name } });
    // The same slot in another dataset is another figure, side by side.
    const dtm = await post(figuresPost, "/api/v1/figures", { ...figure, value: 1300, dataset: "iom-dtm-mali" });
    expect(dtm.status).toBe(201);
    expect((await dtm.json()).data.dataset.code).toBe("iom-dtm-mali");
  });
});

describe("the datasets page's Server Actions", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };
  const order = async (indicator: string) =>
    (await db().indicatorDataset.findMany({ where: { indicator: { code: indicator } }, orderBy: { rank: "asc" }, include: { dataset: { select: { code: true } } } })).map((p) => p.dataset.code);

  it("create: analysts may, viewers may not; errors are keys at their fields", async () => {
    const fields = { code: "wfp-mvam-mali", name: "WFP mVAM Mali", publisher: "WFP", url: "", licence: "", kind: "series", cadenceDays: "" };
    await asSession(users.viewer);
    expect(await createDatasetAction(IDLE, form(fields))).toEqual({ status: "error", errors: { form: "forbidden" } });
    await asSession(users.analyst);
    expect(await createDatasetAction(IDLE, form({ ...fields, code: "WFP!", cadenceDays: "30" }))).toMatchObject({ status: "error", errors: { code: "datasetCode" }, values: { code: "WFP!" } });
    expect(await createDatasetAction(IDLE, form(fields))).toMatchObject({ status: "error", errors: { cadenceDays: "datasetCadence" } });
    expect(await createDatasetAction(IDLE, form({ ...fields, cadenceDays: "30" }))).toEqual({ status: "ok", message: "datasetCreated" });
    expect(await createDatasetAction(IDLE, form({ ...fields, cadenceDays: "30" }))).toMatchObject({ status: "error", errors: { code: "datasetCodeTaken" } });
    expect(await db().dataset.findUniqueOrThrow({ where: { code: "wfp-mvam-mali" } })).toMatchObject({ kind: "series", cadenceDays: 30, url: "" });
  });

  it("move: admins only, from the order as it is now, audited as dataset.preference", async () => {
    const before = await order("idps");
    expect(before.slice(0, 2)).toEqual(["iom-dtm-mali", "idmc-gidd"]);
    await asSession(users.analyst);
    expect(await moveDatasetAction(IDLE, form({ indicator: "idps", dataset: "idmc-gidd", direction: "up" }))).toEqual({ status: "error", errors: { form: "forbidden" } });
    expect(await order("idps")).toEqual(before);

    await asSession(users.admin);
    expect(await moveDatasetAction(IDLE, form({ indicator: "idps", dataset: "idmc-gidd", direction: "up" }))).toEqual({ status: "ok", message: "preferenceSaved" });
    const after = await order("idps");
    expect(after.slice(0, 2)).toEqual(["idmc-gidd", "iom-dtm-mali"]);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "dataset.preference", entityId: "idps" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ userId: users.admin.id, after });
    // The first cannot move up; an unknown dataset or direction is refused without a write.
    expect(await moveDatasetAction(IDLE, form({ indicator: "idps", dataset: "idmc-gidd", direction: "up" }))).toEqual({ status: "error", errors: { form: "preferenceMove" } });
    expect(await moveDatasetAction(IDLE, form({ indicator: "idps", dataset: "idmc-gidd", direction: "sideways" }))).toEqual({ status: "error", errors: { form: "preferenceMove" } });
    expect(await order("idps")).toEqual(after);
    // Back as it was.
    expect(await moveDatasetAction(IDLE, form({ indicator: "idps", dataset: "idmc-gidd", direction: "down" }))).toMatchObject({ status: "ok" });
    expect((await order("idps")).slice(0, 2)).toEqual(["iom-dtm-mali", "idmc-gidd"]);
  });
});

describe("whether a dataset needs review", () => {
  const toggle = (dataset: string, needsReview: boolean) => {
    const data = new FormData();
    data.set("dataset", dataset);
    data.set("needsReview", String(needsReview));
    return setNeedsReviewAction(IDLE, data);
  };
  const needsReview = async (code: string) => (await (await datasetsGet(new Request("http://localhost/api/v1/datasets"), {})).json()).data.find((d: { code: string }) => d.code === code).needsReview;

  it("admins turn it on and off, audited as dataset.set_review with before and after; the API shows it", async () => {
    asToken(tokens.viewer);
    expect(await needsReview("iom-dtm-mali")).toBe(false);
    await asSession(users.admin);
    expect(await toggle("iom-dtm-mali", true)).toEqual({ status: "ok", message: "reviewOn" });
    asToken(tokens.viewer);
    expect(await needsReview("iom-dtm-mali")).toBe(true);
    await asSession(users.admin);
    expect(await toggle("iom-dtm-mali", false)).toEqual({ status: "ok", message: "reviewOff" });
    const trail = await db().auditEvent.findMany({ where: { action: "dataset.set_review", entityId: "iom-dtm-mali" }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.userId, e.before, e.after])).toEqual([
      [users.admin.id, { needsReview: false }, { needsReview: true }],
      [users.admin.id, { needsReview: true }, { needsReview: false }],
    ]);
    expect(await toggle("no-such-dataset", true)).toEqual({ status: "error", errors: { form: "failed" } });
  });

  it("analysts and viewers may not", async () => {
    for (const role of ["analyst", "viewer"] as const) {
      await asSession(users[role]);
      expect(await toggle("ocha-fts", true)).toEqual({ status: "error", errors: { form: "forbidden" } });
    }
    expect((await db().dataset.findUniqueOrThrow({ where: { code: "ocha-fts" } })).needsReview).toBe(false);
  });
});
