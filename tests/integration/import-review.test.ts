// An import into a dataset that needs review is held and reviewed as one
// batch: new figures wait `submitted`, a change to a published figure waits as
// its pending revision (readers keep the published value), and the batch is
// approved or returned whole, by another person with figures:review whose
// scope covers every held row. A dataset without review behaves as before.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "./test-database";
import { asSession, asToken } from "./fake-request";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { createToken } from "../../lib/data/user-admin";
import { IDLE } from "../../lib/auth/form-state";
import { GET as importGet } from "../../app/api/v1/imports/[id]/route";
import { POST as approvePost } from "../../app/api/v1/imports/[id]/approve/route";
import { POST as returnPost } from "../../app/api/v1/imports/[id]/return/route";
import { POST as rollbackPost } from "../../app/api/v1/imports/[id]/rollback/route";
import { approveImportAction, returnImportAction } from "../../app/imports/actions";
import { runImport, type ImportReport } from "../../lib/data/import-run";
import { importFigures, importPreview, rollbackImport, WAITING_FOR_OTHERS } from "../../lib/data/imports";
import { reportText } from "../../lib/import/report-text";
import { reviewImport } from "../../lib/data/import-review";
import type { Role } from "../../lib/auth/permissions";

vi.mock("next/headers", async () => (await import("./fake-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("./fake-request")).nextCache);

const DATASET = "mopti-partner-reports";
const SOURCE = { organisation: "Mopti partner", title: "Field reports", url: "https://example.org/mopti", date: "2031-05-01" };

type Person = SessionUser;

let analyst: Person;
let otherAnalyst: Person;
let reviewer: Person;
let reviewerElsewhere: Person;
let publishedId: number;

async function person(email: string, role: Role, regions: string[] = []): Promise<Person> {
  const user = await createUser({ email, role, password: "a-long-enough-password" });
  await db().user.update({ where: { id: user.id }, data: { scopeRegions: regions } });
  return { ...user, scope: { regions, datasets: [], readScoped: false } };
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  const url = await createTestDatabase("importrev");
  process.env.DATABASE_URL = url;
  await migrate(url);
  await seed({ demoUsers: false });
  analyst = await person("partner@test.org", "analyst", ["ML05"]);
  otherAnalyst = await person("other-partner@test.org", "analyst");
  reviewer = await person("mopti-reviewer@test.org", "reviewer", ["ML05"]);
  reviewerElsewhere = await person("gao-reviewer@test.org", "reviewer", ["ML07"]);
  const dataset = await db().dataset.create({ data: { code: DATASET, name: "Mopti partner reports", publisher: "Mopti partner", url: SOURCE.url, kind: "report", needsReview: true } });
  const source = await db().source.create({ data: { datasetId: dataset.id, organisation: SOURCE.organisation, title: "Earlier reports", url: SOURCE.url, publishedOn: new Date("2031-01-31") } });
  const [idps, mopti] = await Promise.all([db().indicator.findUniqueOrThrow({ where: { code: "idps" } }), db().region.findUniqueOrThrow({ where: { pcode: "ML05" } })]);
  const published = await db().figure.create({
    data: { indicatorId: idps.id, regionId: mopti.id, periodStart: new Date("2031-01-31"), periodEnd: new Date("2031-01-31"), value: 1000, datasetId: dataset.id, sourceId: source.id, status: "published" },
  });
  publishedId = published.id;
  // Another published figure, for the rollback.
  await db().figure.create({
    data: { indicatorId: idps.id, regionId: mopti.id, periodStart: new Date("2030-12-31"), periodEnd: new Date("2030-12-31"), value: 50, datasetId: dataset.id, sourceId: source.id, status: "published" },
  });
});

const PUBLISHED_BEFORE = { "2030-12-31": 50, "2031-01-31": 1000 };

afterAll(async () => {
  await disconnectDb();
});

const file = (rows: string[]) => Buffer.from(["#adm1+code,#date,#affected+idps+ind", ...rows].join("\n"));
/** Three new Mopti figures and a change to the published one (1,000 → 1,500). */
const BATCH = file(["ML05,2031-01-31,1500", "ML05,2031-02-28,100", "ML05,2031-03-31,200", "ML05,2031-04-30,300"]);

function rowsReport(r: ImportReport): Extract<ImportReport, { changes: unknown }> {
  if (r.status === "invalid_file") throw new Error(r.reason);
  return r;
}

async function importFile(data: Buffer, writer: SessionUser, dataset = DATASET) {
  return rowsReport(await runImport({ data, fileName: "mopti.csv", commit: true, dataset, source: SOURCE, writer }));
}

/** The dataset's figures by period, as a reader (published only) sees them. */
async function publishedValues(): Promise<Record<string, number>> {
  const rows = await db().figure.findMany({ where: { dataset: { code: DATASET }, status: "published" }, orderBy: { periodStart: "asc" } });
  return Object.fromEntries(rows.map((f) => [f.periodStart.toISOString().slice(0, 10), Number(f.value)]));
}

async function statuses(importId: number) {
  const figures = await db().figure.findMany({ where: { importId }, orderBy: { periodStart: "asc" }, select: { status: true, reviewComment: true, value: true } });
  const revisions = await db().figureRevision.findMany({ where: { importId }, select: { figureId: true, status: true, value: true, authorId: true, reviewComment: true } });
  return { figures: figures.map((f) => ({ ...f, value: Number(f.value) })), revisions: revisions.map((r) => ({ ...r, value: Number(r.value) })) };
}

describe("an import into a dataset that needs review is held", () => {
  let heldId: number;

  it("creates three submitted figures and a pending revision; readers keep the published value; the import is submitted", async () => {
    const report = await importFile(BATCH, analyst);
    expect(report).toMatchObject({ status: "committed", counts: { create: 3, update: 1, unchanged: 0 }, held: 4 });
    expect(report.datasets).toEqual([{ code: DATASET, name: "Mopti partner reports", create: 3, update: 1, unchanged: 0, held: 4 }]);
    heldId = report.importId as number;
    expect(reportText(report)).toContain("4 figures wait for review (its dataset needs it)");
    const { figures, revisions } = await statuses(heldId);
    expect(figures).toEqual([
      { status: "submitted", reviewComment: null, value: 100 },
      { status: "submitted", reviewComment: null, value: 200 },
      { status: "submitted", reviewComment: null, value: 300 },
    ]);
    expect(revisions).toEqual([{ figureId: publishedId, status: "submitted", value: 1500, authorId: analyst.id, reviewComment: null }]);
    expect(await publishedValues()).toEqual(PUBLISHED_BEFORE);
    const published = await db().figure.findUniqueOrThrow({ where: { id: publishedId } });
    expect({ version: published.version, importId: published.importId }).toEqual({ version: 1, importId: null });
    const record = await db().import.findUniqueOrThrow({ where: { id: heldId } });
    expect(record).toMatchObject({ review: "submitted", created: 3, updated: 1, userId: analyst.id });
    const submitted = await db().figure.findFirstOrThrow({ where: { importId: heldId } });
    expect(submitted).toMatchObject({ updatedById: analyst.id, createdById: analyst.id });
    expect(submitted.submittedAt).toBeInstanceOf(Date);
  });

  it("the history shows the held rows: figure.import with status submitted, figure.revise for the change", async () => {
    const events = await db().auditEvent.findMany({ where: { entity: "figure", userId: analyst.id, action: { in: ["figure.import", "figure.revise"] } }, orderBy: { id: "asc" } });
    const byAction = (action: string) => events.filter((e) => e.action === action);
    expect(byAction("figure.import").map((e) => (e.after as { status: string }).status)).toEqual(["submitted", "submitted", "submitted"]);
    const [revise] = byAction("figure.revise");
    expect(revise).toMatchObject({ entityId: String(publishedId), before: { value: 1000, status: "published" }, after: { id: publishedId, value: 1500, status: "submitted", importId: heldId } });
    // The import's page lists the change with its old value.
    const listed = await importFigures(heldId);
    expect({ created: listed.created, changed: listed.changed }).toEqual({ created: 3, changed: 1 });
    expect(listed.rows.find((r) => r.figureId === publishedId)).toMatchObject({ action: "update", old: 1000, value: 1500 });
  });

  it("importing the same file again changes nothing while it waits", async () => {
    const again = await importFile(BATCH, analyst);
    expect(again).toMatchObject({ status: "unchanged", importId: null });
  });

  it("another person's import may not change figures waiting for this review: row errors, nothing written", async () => {
    const before = await statuses(heldId);
    const report = await importFile(file(["ML05,2031-01-31,1700", "ML05,2031-02-28,150", "ML05,2031-06-30,9"]), otherAnalyst);
    expect(report.status).toBe("invalid_rows");
    expect(report.errors).toEqual([
      { line: 2, column: "", reason: WAITING_FOR_OTHERS },
      { line: 3, column: "", reason: WAITING_FOR_OTHERS },
    ]);
    expect(report.importId).toBeNull();
    expect(await statuses(heldId)).toEqual(before);
    expect(await db().figure.count({ where: { dataset: { code: DATASET }, periodStart: new Date("2031-06-30") } })).toBe(0);
  });

  it("the importer may not approve their own import, nor a reviewer scoped elsewhere, nor an analyst; a return needs a comment", async () => {
    expect(await reviewImport(analyst, heldId, { action: "approve" })).toEqual({ status: "forbidden" });
    expect(await reviewImport({ ...analyst, role: "reviewer" }, heldId, { action: "approve" })).toEqual({ status: "own_work" });
    expect(await reviewImport(reviewerElsewhere, heldId, { action: "approve" })).toEqual({ status: "outside_scope", outside: { kind: "region", code: "ML05" } });
    expect(await reviewImport({ ...reviewer, scope: { ...reviewer.scope, datasets: ["ocha-fts"] } }, heldId, { action: "return", comment: "no" })).toEqual({
      status: "outside_scope",
      outside: { kind: "dataset", code: DATASET },
    });
    expect(await reviewImport(reviewer, heldId, { action: "return", comment: "  " })).toEqual({ status: "invalid_comment", reason: "required" });
    expect(await reviewImport(reviewer, 999_999, { action: "approve" })).toEqual({ status: "not_found" });
    expect(await db().import.findUniqueOrThrow({ where: { id: heldId } })).toMatchObject({ review: "submitted", reviewedById: null });
  });

  it("the reviewer returns it whole with a comment: every held row returned, readers still see the published value", async () => {
    expect(await reviewImport(reviewer, heldId, { action: "return", comment: "February looks doubled" })).toEqual({ status: "reviewed", review: "returned", figures: 3, revisions: 1 });
    expect(await db().import.findUniqueOrThrow({ where: { id: heldId } })).toMatchObject({ review: "returned", reviewComment: "February looks doubled", reviewedById: reviewer.id });
    const { figures, revisions } = await statuses(heldId);
    expect(figures.map((f) => [f.status, f.reviewComment])).toEqual(Array(3).fill(["returned", "February looks doubled"]));
    expect(revisions).toMatchObject([{ status: "returned", reviewComment: "February looks doubled" }]);
    expect(await publishedValues()).toEqual(PUBLISHED_BEFORE);
    expect(await reviewImport(reviewer, heldId, { action: "approve" })).toEqual({ status: "not_submitted" });
    // The scope is asked of a returned import's rows too (the page shows their preview only within it).
    expect(await reviewImport(reviewerElsewhere, heldId, { action: "approve" })).toEqual({ status: "outside_scope", outside: { kind: "region", code: "ML05" } });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "import.return", entityId: String(heldId) } });
    expect(event).toMatchObject({ userId: reviewer.id, after: { review: "returned", comment: "February looks doubled", figures: 3, revisions: 1 } });
  });

  it("the importer fixes the file and imports it again (a new import, submitted); the approval publishes it all at once", async () => {
    const fixed = await importFile(file(["ML05,2031-01-31,1500", "ML05,2031-02-28,50", "ML05,2031-03-31,200", "ML05,2031-04-30,300"]), analyst);
    // Returned rows are submitted again, unchanged values included.
    expect(fixed).toMatchObject({ status: "committed", counts: { create: 0, update: 4, unchanged: 0 }, held: 4 });
    const fixedId = fixed.importId as number;
    expect(await db().import.findUniqueOrThrow({ where: { id: fixedId } })).toMatchObject({ review: "submitted" });
    expect(await statuses(heldId)).toEqual({ figures: [], revisions: [] });
    expect(await publishedValues()).toEqual(PUBLISHED_BEFORE);
    expect(await reviewImport(reviewer, fixedId, { action: "approve" })).toEqual({ status: "reviewed", review: "published", figures: 3, revisions: 1 });
    expect(await publishedValues()).toEqual({ "2030-12-31": 50, "2031-01-31": 1500, "2031-02-28": 50, "2031-03-31": 200, "2031-04-30": 300 });
    expect(await db().figureRevision.count({ where: { figureId: publishedId } })).toBe(0);
    expect(await db().import.findUniqueOrThrow({ where: { id: fixedId } })).toMatchObject({ review: "published", reviewedById: reviewer.id, reviewComment: null });
    expect(await db().auditEvent.count({ where: { action: "import.approve", entityId: String(fixedId), userId: reviewer.id } })).toBe(1);
    // Approval changed its figures: a rollback is refused as for any figure changed since, nothing undone.
    await expect(rollbackImport(fixedId, analyst.id)).rejects.toThrow(/changed since/);
    expect(await publishedValues()).toMatchObject({ "2031-01-31": 1500 });
  });
});

describe("rolling back a held import", () => {
  it("deletes its submitted figures and withdraws its revision; the published figure stays as it was", async () => {
    const before = await publishedValues();
    const report = await importFile(file(["ML05,2030-12-31,55", "ML05,2032-01-31,7"]), analyst, DATASET);
    expect(report).toMatchObject({ status: "committed", held: 2 });
    const importId = report.importId as number;
    const other = await db().figure.findFirstOrThrow({ where: { dataset: { code: DATASET }, periodStart: new Date("2030-12-31") } });
    expect((await statuses(importId)).revisions).toMatchObject([{ figureId: other.id, value: 55, status: "submitted" }]);
    expect(await rollbackImport(importId, analyst.id)).toEqual({ deleted: 1, reverted: 0 });
    expect(await statuses(importId)).toEqual({ figures: [], revisions: [] });
    expect(await db().figureRevision.count({ where: { figureId: other.id } })).toBe(0);
    expect(await publishedValues()).toEqual(before);
    expect(before["2030-12-31"]).toBe(50);
    expect(await db().import.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({ status: "rolled_back" });
  });
});

describe("a dataset without review", () => {
  it("publishes an import's rows at once, as before: no revision, the import published", async () => {
    await db().dataset.update({ where: { code: "iom-dtm-mali" }, data: { needsReview: false } });
    const report = await importFile(file(["ML05,2040-01-31,11", "ML05,2040-02-29,12"]), analyst, "iom-dtm-mali");
    expect(report).toMatchObject({ status: "committed", counts: { create: 2 }, held: 0 });
    const importId = report.importId as number;
    expect(await statuses(importId)).toEqual({
      figures: [
        { status: "published", reviewComment: null, value: 11 },
        { status: "published", reviewComment: null, value: 12 },
      ],
      revisions: [],
    });
    expect(await db().import.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({ review: "published" });
    const changed = await importFile(file(["ML05,2040-01-31,13"]), otherAnalyst, "iom-dtm-mali");
    expect(changed).toMatchObject({ status: "committed", counts: { update: 1 }, held: 0 });
    expect(await db().figure.findFirstOrThrow({ where: { importId: changed.importId as number } })).toMatchObject({ status: "published" });
  });
});

describe("the API and the import page's actions", () => {
  const call = (handler: typeof returnPost, id: number, body?: unknown) =>
    handler(
      new Request(`http://localhost/api/v1/imports/${id}`, body === undefined ? { method: "POST" } : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      { params: Promise.resolve({ id: String(id) }) },
    );
  const get = async (id: number) => (await importGet(new Request(`http://localhost/api/v1/imports/${id}`), { params: Promise.resolve({ id: String(id) }) })).json();
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };

  it("a rollback is a write of every figure the import touched: refused (403 outside_scope, nothing undone) to a writer scoped elsewhere", async () => {
    // Imported by an unscoped analyst, in Gao and Mopti, into a dataset without review (published at once).
    await db().dataset.update({ where: { code: "iom-dtm-mali" }, data: { needsReview: false } });
    const report = await importFile(file(["ML07,2041-01-31,70", "ML05,2041-01-31,50"]), otherAnalyst, "iom-dtm-mali");
    expect(report).toMatchObject({ status: "committed", counts: { create: 2 } });
    const id = report.importId as number;
    asToken(await createToken(analyst.id, "tests", 1, analyst));
    const refused = await call(rollbackPost, id);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "outside_scope", region: "ML07" } });
    expect(await statuses(id)).toMatchObject({ figures: [{ value: 70 }, { value: 50 }] });
    expect(await db().import.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "committed" });
    // Its own region's import, the same writer rolls back.
    const mopti = (await importFile(file(["ML05,2041-02-28,51"]), otherAnalyst, "iom-dtm-mali")).importId as number;
    const done = await call(rollbackPost, mopti);
    expect(done.status).toBe(200);
    expect(await statuses(mopti)).toEqual({ figures: [], revisions: [] });
    asToken(await createToken(otherAnalyst.id, "tests", 1, otherAnalyst));
    expect((await call(rollbackPost, id)).status).toBe(200);
  });

  it("an import's figures, as its page lists them, leave out what a read-scoped reader may not read", async () => {
    await db().dataset.update({ where: { code: "iom-dtm-mali" }, data: { needsReview: false } });
    const report = await importFile(file(["ML07,2042-01-31,70", "ML05,2042-01-31,50"]), otherAnalyst, "iom-dtm-mali");
    const id = report.importId as number;
    const everything = await importFigures(id);
    expect(everything.rows.map((r) => r.region).sort()).toEqual(["ML05", "ML07"]);
    const mopti = await importFigures(id, { reader: { regions: ["ML05"], datasets: [], readScoped: true } });
    expect(mopti).toMatchObject({ total: 1, created: 1, datasets: [{ code: "iom-dtm-mali", created: 1 }] });
    expect(mopti.rows.map((r) => r.region)).toEqual(["ML05"]);
    // A scope that does not limit reading lists them all; a dataset list limits too.
    expect((await importFigures(id, { reader: { regions: ["ML05"], datasets: [], readScoped: false } })).total).toBe(2);
    expect((await importFigures(id, { reader: { regions: [], datasets: ["ocha-fts"], readScoped: true } })).total).toBe(0);
  });

  it("a held import's preview, for a read-scoped reviewer, shows only the changes and counts they may read", async () => {
    // Published Gao and Mopti figures (a dataset without review), then a held import that changes both.
    await db().dataset.update({ where: { code: "iom-dtm-mali" }, data: { needsReview: false } });
    await importFile(file(["ML07,2043-01-31,70", "ML05,2043-01-31,50"]), otherAnalyst, "iom-dtm-mali");
    await db().dataset.update({ where: { code: "iom-dtm-mali" }, data: { needsReview: true } });
    try {
      const held = await importFile(file(["ML07,2043-01-31,71", "ML05,2043-01-31,51", "ML07,2043-02-28,72"]), otherAnalyst, "iom-dtm-mali");
      expect(held).toMatchObject({ status: "committed", held: 3 });
      const id = held.importId as number;
      const whole = await importPreview(id);
      expect(whole).toMatchObject([{ code: "iom-dtm-mali", created: 1, changed: 2 }]);
      expect(whole[0]!.changes.map((c) => c.region).sort()).toEqual(["ML05", "ML07"]);
      const mopti = await importPreview(id, { regions: ["ML05"], datasets: [], readScoped: true });
      expect(mopti).toMatchObject([{ code: "iom-dtm-mali", created: 0, changed: 1, unchanged: null }]);
      expect(mopti[0]!.changes.map((c) => [c.region, c.old, c.value])).toEqual([["ML05", 50, 51]]);
      // A scope that limits writing only previews the whole import.
      expect((await importPreview(id, { regions: ["ML05"], datasets: [], readScoped: false }))[0]!.changes).toHaveLength(2);
    } finally {
      await db().dataset.update({ where: { code: "iom-dtm-mali" }, data: { needsReview: false } });
    }
  });

  it("GET carries review and reviewComment; return needs figures:review and a comment; approve publishes; 409 once done", async () => {
    const report = await importFile(file(["ML05,2033-01-31,1", "ML05,2033-02-28,2"]), analyst);
    const id = report.importId as number;
    asToken(await createToken(analyst.id, "tests", 1, analyst));
    expect(await get(id)).toMatchObject({ data: { id, review: "submitted", reviewComment: null, userId: analyst.id } });
    expect((await call(returnPost, id, { comment: "no" })).status).toBe(403);
    asToken(await createToken(reviewerElsewhere.id, "tests", 1, reviewerElsewhere));
    expect(await (await call(approvePost, id)).json()).toMatchObject({ error: { code: "outside_scope", region: "ML05" } });
    asToken(await createToken(reviewer.id, "tests", 1, reviewer));
    const noComment = await call(returnPost, id, {});
    expect(noComment.status).toBe(400);
    expect(await noComment.json()).toMatchObject({ error: { code: "invalid_body", field: "comment" } });
    const returned = await call(returnPost, id, { comment: "Which source?" });
    expect(returned.status).toBe(200);
    expect(await returned.json()).toMatchObject({ data: { id, review: "returned", reviewComment: "Which source?", figures: 2, revisions: 0 } });
    expect(await get(id)).toMatchObject({ data: { review: "returned", reviewComment: "Which source?" } });
    expect((await call(approvePost, id)).status).toBe(409);

    const again = (await importFile(file(["ML05,2033-01-31,1", "ML05,2033-02-28,2"]), analyst)).importId as number;
    const approved = await call(approvePost, again);
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ data: { id: again, review: "published", figures: 2 } });
    expect(await db().figure.count({ where: { importId: again, status: "published" } })).toBe(2);
  });

  it("the page's Server Actions check the reviewer and the import: scope named, a comment required, then returned", async () => {
    const id = (await importFile(file(["ML05,2034-01-31,5"]), analyst)).importId as number;
    await asSession(reviewerElsewhere);
    expect(await approveImportAction(IDLE, form({ id: String(id) }))).toEqual({ status: "error", errors: { form: "outside_region" }, values: { code: "ML05" } });
    await asSession(analyst);
    expect(await approveImportAction(IDLE, form({ id: String(id) }))).toEqual({ status: "error", errors: { form: "forbidden" } });
    await asSession(reviewer);
    expect(await returnImportAction(IDLE, form({ id: String(id), comment: " " }))).toEqual({ status: "error", errors: { comment: "commentRequired" } });
    expect(await returnImportAction(IDLE, form({ id: String(id), comment: "Check the date" }))).toEqual({ status: "ok", message: "returned" });
    expect(await db().import.findUniqueOrThrow({ where: { id } })).toMatchObject({ review: "returned", reviewComment: "Check the date" });
  });
});
