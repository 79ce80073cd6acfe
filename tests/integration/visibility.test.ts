// Who sees which figures, on every read path, against real PostgreSQL and the
// seeded data: the SQL of lib/data/visibility-sql.ts agrees with
// mayReadRecord on a matrix of records (status × author × place × dataset ×
// reader), and each read path (list, API with status=, single figure,
// series, latest for a region, map, CSV export, snapshot content) shows a
// viewer published figures only, an author their own, a reviewer with
// "include unpublished" the pending values, and a read-scoped viewer their
// region only. Unpublished figures and revisions are inserted directly.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { toScope, type Scope } from "../../lib/auth/scope";
import { forAggregates, mayReadRecord, publishedOnly, PUBLISHED_ONLY, visibilityFor, visibilityKey, type Visibility } from "../../lib/auth/visibility";
import { visibleFigures, visibleFigureWhere, visibleRevisionWhere } from "../../lib/data/visibility-sql";
import { figureListPage, readFigure } from "../../lib/data/figures";
import { figuresEndpoint } from "../../lib/api/figures-endpoint";
import { exportFigures } from "../../lib/api/figure-exports";
import { latestForRegion, seriesPoints } from "../../lib/data/series";
import { mapView } from "../../lib/data/map";
import { compareFigures } from "../../lib/data/compare";
import { regionComparison } from "../../lib/data/rates";
import { headlineTile } from "../../lib/data/tiles";
import { snapshotContent, snapshotRequest } from "../../lib/api/snapshot-content";
import { regionIndex } from "../../lib/data/reference";
import type { FigureStatus } from "../../lib/generated/prisma/enums";

vi.mock("next/headers", async () => (await import("./fake-request")).nextHeaders);

const DTM = "iom-dtm-mali";
const OTHER = "idmc-gidd";

let analystA: SessionUser;
let analystB: SessionUser;
let reviewer: SessionUser;
let viewer: SessionUser;
let moptiViewer: SessionUser;
/** The submitted figure analyst A wrote (IDPs in Mopti, a later period than any published one). */
let submittedId: number;
/** The published figure with A's pending revision (DTM's latest IDPs in Mopti), its published and proposed values. */
let revisedId: number;
let revisedEnd: string;
let publishedValue: number;
const PROPOSED = 987_654;
const SUBMITTED = 123_321;
const SUBMITTED_END = "2031-01-31";

async function scoped(user: SessionUser, scope: Partial<Scope>): Promise<SessionUser> {
  const row = await db().user.update({ where: { id: user.id }, data: { scopeRegions: scope.regions ?? [], scopeDatasets: scope.datasets ?? [], readScoped: scope.readScoped ?? false } });
  return { ...user, scope: toScope(row) };
}

const ids = async (table: "regions" | "datasets" | "indicators", key: string, value: string) =>
  (await db().$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM ${table} WHERE ${key} = $1`, value))[0]!.id;
const sourceOf = async (dataset: string) => (await db().source.findFirstOrThrow({ where: { dataset: { code: dataset } }, orderBy: { id: "asc" } })).id;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  process.env.DATABASE_URL = await createTestDatabase("visibility");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  analystA = await createUser({ email: "a@test.org", role: "analyst", password: "analyst-a-long-password" });
  analystB = await createUser({ email: "b@test.org", role: "analyst", password: "analyst-b-long-password" });
  reviewer = await createUser({ email: "r@test.org", role: "reviewer", password: "reviewer-long-password" });
  viewer = await createUser({ email: "v@test.org", role: "viewer", password: "viewer-long-password" });
  moptiViewer = await scoped(await createUser({ email: "mopti@test.org", role: "viewer", password: "mopti-long-password" }), { regions: ["ML05"], readScoped: true });

  const idps = await ids("indicators", "code", "idps");
  const mopti = await ids("regions", "pcode", "ML05");
  const dtm = await ids("datasets", "code", DTM);
  const submitted = await db().figure.create({
    data: { indicatorId: idps, regionId: mopti, datasetId: dtm, sourceId: await sourceOf(DTM), periodStart: new Date(`${SUBMITTED_END}T00:00:00Z`), periodEnd: new Date(`${SUBMITTED_END}T00:00:00Z`), value: SUBMITTED, status: "submitted", createdById: analystA.id, updatedById: analystA.id, submittedAt: new Date() },
  });
  submittedId = submitted.id;
  const latest = await db().figure.findFirstOrThrow({ where: { indicatorId: idps, regionId: mopti, datasetId: dtm, disaggregationKey: "", status: "published" }, orderBy: { periodEnd: "desc" } });
  revisedId = latest.id;
  revisedEnd = latest.periodEnd.toISOString().slice(0, 10);
  publishedValue = Number(latest.value);
  await db().figureRevision.create({
    data: {
      figureId: latest.id,
      status: "submitted",
      indicatorId: latest.indicatorId,
      regionId: latest.regionId,
      periodStart: latest.periodStart,
      periodEnd: latest.periodEnd,
      disaggregationKey: "",
      value: PROPOSED,
      datasetId: latest.datasetId,
      sourceId: latest.sourceId,
      authorId: analystA.id,
      submittedAt: new Date(),
    },
  });
});

afterAll(async () => {
  await disconnectDb();
});

const including = (u: SessionUser) => visibilityFor(u, { includeUnpublished: true });

describe("the SQL agrees with mayReadRecord", () => {
  it("on every status × author × place × dataset, for viewers, authors, reviewers and scoped readers (list where and aggregate source)", async () => {
    const indicator = await ids("indicators", "code", "people_targeted");
    const places = ["ML", "ML05", "ML0501", "ML06", "ML0601"];
    const regions = await regionIndex();
    const statuses: FigureStatus[] = ["published", "draft", "submitted", "returned"];
    const authors = [analystA.id, analystB.id, null];
    const created: { id: number; status: FigureStatus; authorId: number | null; pcode: string; dataset: string }[] = [];
    let day = 0;
    for (const pcode of places)
      for (const dataset of [DTM, OTHER])
        for (const status of statuses)
          for (const authorId of authors) {
            const date = new Date(Date.UTC(2040, 0, 1 + day++));
            const row = await db().figure.create({
              data: { indicatorId: indicator, regionId: await ids("regions", "pcode", pcode), datasetId: await ids("datasets", "code", dataset), sourceId: await sourceOf(dataset), periodStart: date, periodEnd: date, value: day, status, updatedById: authorId },
            });
            created.push({ id: row.id, status, authorId, pcode, dataset });
          }
    const reviewerMopti = await scoped(reviewer, { regions: ["ML05"] });
    const readers: [string, Visibility][] = [
      ["public link", PUBLISHED_ONLY],
      ["viewer", visibilityFor(viewer)],
      ["analyst A", visibilityFor(analystA)],
      ["analyst B", visibilityFor(analystB)],
      ["reviewer without the toggle", visibilityFor(reviewer)],
      ["reviewer including unpublished", including(reviewer)],
      ["reviewer of Mopti including unpublished", including(reviewerMopti)],
      ["Mopti's read-scoped viewer", visibilityFor(moptiViewer)],
      ["analyst A read-scoped to DTM in Mopti", visibilityFor({ ...analystA, scope: { regions: ["ML05"], datasets: [DTM], readScoped: true } })],
      ["reviewer read-scoped to the other dataset, including", including({ ...reviewer, scope: { regions: [], datasets: [OTHER], readScoped: true } })],
    ];
    const all = created.map((c) => c.id);
    for (const [name, v] of readers) {
      const expected = created
        .filter((c) => {
          const r = regions.get(c.pcode)!;
          return mayReadRecord(v, { status: c.status, authorId: c.authorId, place: { pcode: r.pcode, level: r.level, parent: r.parent }, dataset: c.dataset });
        })
        .map((c) => c.id)
        .sort((a, b) => a - b);
      const listed = (await db().figure.findMany({ where: { AND: [{ id: { in: all } }, visibleFigureWhere(v)] }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
      expect(listed, name).toEqual(expected);
      // Aggregates never take an author's own drafts (forAggregates): the source agrees with the rule for the visibility it is given.
      const drawn = await db().$queryRaw<{ id: number }[]>`SELECT f.id FROM ${visibleFigures(v, "f")} WHERE f.id = ANY(${all}) ORDER BY f.id`;
      expect(drawn.map((r) => r.id), `${name} (aggregates)`).toEqual(expected);
    }
    // Leave the seeded data as it was for the other tests.
    await db().figure.deleteMany({ where: { id: { in: all } } });
  });

  it("on a pending revision: its author and reviewers see it, nobody else", async () => {
    const cases: [string, Visibility, boolean][] = [
      ["viewer", visibilityFor(viewer), false],
      ["author", visibilityFor(analystA), true],
      ["another analyst", visibilityFor(analystB), false],
      ["reviewer including unpublished", including(reviewer), true],
      ["reviewer of Gao including unpublished", including({ ...reviewer, scope: { regions: ["ML07"], datasets: [], readScoped: false } }), false],
    ];
    for (const [name, v, sees] of cases) {
      const where = visibleRevisionWhere(v);
      const found = where ? await db().figureRevision.count({ where: { AND: [{ figureId: revisedId }, where] } }) : 0;
      expect(found > 0, name).toBe(sees);
      expect((await readFigure(v, revisedId))?.pendingRevision?.value ?? null, name).toBe(sees ? PROPOSED : null);
    }
  });
});

describe("each read path", () => {
  it("the /figures list: the author sees their submitted figure, another analyst and a viewer do not; a reviewer with the toggle does", async () => {
    const listed = async (v: Visibility) => (await figureListPage(v, { indicator: ["idps"], region: ["ML05"], dataset: [] }, { take: 500 })).data.map((f) => f.id);
    expect(await listed(visibilityFor(viewer))).not.toContain(submittedId);
    expect(await listed(visibilityFor(analystB))).not.toContain(submittedId);
    expect(await listed(visibilityFor(analystA))).toContain(submittedId);
    expect(await listed(visibilityFor(reviewer))).not.toContain(submittedId);
    expect(await listed(including(reviewer))).toContain(submittedId);
    // The totals are cached per visibility: a viewer's count is not the author's.
    const total = async (v: Visibility) => (await figureListPage(v, { indicator: ["idps"], region: ["ML05"], dataset: [] })).total;
    expect(await total(visibilityFor(analystA))).toBe((await total(visibilityFor(viewer))) + 1);
    expect(visibilityKey(visibilityFor(analystA))).not.toBe(visibilityKey(visibilityFor(viewer)));
  });

  it("the API's status=: published by default, the reader's unpublished on request, and never more than they may see", async () => {
    const api = async (v: Visibility, query: string) => {
      const res = await figuresEndpoint(v, new URLSearchParams(`indicator=idps&region=ML05&limit=50000&${query}`));
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
      return res.body.data;
    };
    expect((await api(including(analystA), "")).map((f) => f.id)).not.toContain(submittedId);
    expect((await api(including(analystA), "status=submitted")).map((f) => [f.id, f.status])).toContainEqual([submittedId, "submitted"]);
    expect((await api(including(viewer), "status=all")).every((f) => f.status === "published")).toBe(true);
    expect((await api(including(reviewer), "status=draft,submitted")).map((f) => f.id)).toEqual(expect.arrayContaining([submittedId, revisedId]));
    // A viewer never meets the proposed value, not even inside the published figure's JSON.
    const seen = (await api(including(viewer), "status=all")).find((f) => f.id === revisedId);
    expect(seen).toMatchObject({ value: publishedValue, pendingRevision: null });
    const bad = await figuresEndpoint(PUBLISHED_ONLY, new URLSearchParams("status=pending"));
    expect(bad).toMatchObject({ status: 400, body: { error: { parameter: "status" } } });
  });

  it("a single figure: 404 (null) for whoever may not read it, checked on the record", async () => {
    expect(await readFigure(including(viewer), submittedId)).toBeNull();
    expect(await readFigure(including(analystB), submittedId)).toBeNull();
    expect((await readFigure(including(analystA), submittedId))?.status).toBe("submitted");
    expect((await readFigure(including(reviewer), submittedId))?.value).toBe(SUBMITTED);
    const gao = await db().figure.findFirstOrThrow({ where: { region: { pcode: "ML07" }, status: "published" } });
    expect(await readFigure(visibilityFor(moptiViewer), gao.id)).toBeNull();
    expect(await readFigure(visibilityFor(viewer), gao.id)).not.toBeNull();
  });

  it("series: a viewer draws the published value; a reviewer including unpublished draws the revision in its place and the submitted figure", async () => {
    const query = { indicator: "idps", regions: ["ML05"], keys: [""], datasets: [DTM] };
    const at = (points: { end: string; value: number }[], end: string) => points.filter((p) => p.end === end).map((p) => p.value);
    const forViewer = await seriesPoints(visibilityFor(viewer), query);
    expect(at(forViewer, revisedEnd)).toEqual([publishedValue]);
    expect(at(forViewer, SUBMITTED_END)).toEqual([]);
    // The author's own charts are published only (forAggregates).
    const forAuthor = await seriesPoints(forAggregates(visibilityFor(analystA)), query);
    expect(at(forAuthor, revisedEnd)).toEqual([publishedValue]);
    const forReviewer = await seriesPoints(forAggregates(including(reviewer)), query);
    expect(at(forReviewer, revisedEnd)).toEqual([PROPOSED]);
    expect(at(forReviewer, SUBMITTED_END)).toEqual([SUBMITTED]);
    // Compare (its own query) agrees.
    const compared = await compareFigures(forAggregates(including(reviewer)), { indicator: "idps", region: "ML05", key: "" });
    expect(compared.filter((f) => f.dataset === DTM && f.end === revisedEnd).map((f) => f.value)).toEqual([PROPOSED]);
    expect((await compareFigures(visibilityFor(viewer), { indicator: "idps", region: "ML05", key: "" })).some((f) => f.value === PROPOSED || f.value === SUBMITTED)).toBe(false);
  });

  it("latest for a region: published for a viewer, pending for a reviewer; no national figure and no other region for a read-scoped viewer", async () => {
    const idps = async (v: Visibility, pcode = "ML05") => (await latestForRegion(v, pcode)).find((l) => l.indicator === "idps" && l.key === "");
    const seen = await idps(visibilityFor(viewer));
    expect(seen?.value).not.toBe(SUBMITTED);
    expect(seen?.national).not.toBeNull();
    expect((await idps(forAggregates(including(reviewer))))?.value).toBe(SUBMITTED);
    const scopedLatest = await idps(visibilityFor(moptiViewer));
    expect(scopedLatest?.value).toBe(seen?.value);
    expect(scopedLatest?.national).toBeNull();
    expect(await latestForRegion(visibilityFor(moptiViewer), "ML07")).toEqual([]);
    expect(await latestForRegion(visibilityFor(moptiViewer), "ML")).toEqual([]);
  });

  it("the map, the region table and the national tiles: a read-scoped viewer has Mopti only", async () => {
    const all = await mapView(visibilityFor(viewer), "idps", "");
    expect(all.figures.size).toBeGreaterThan(1);
    const mine = await mapView(visibilityFor(moptiViewer), "idps", "");
    expect([...mine.figures.keys()]).toEqual(["ML05"]);
    const table = await regionComparison(visibilityFor(moptiViewer));
    expect(table.regions.map((r) => r.pcode)).toEqual(["ML05"]);
    expect(table.national).toBeNull();
    expect((await headlineTile(visibilityFor(moptiViewer), "idps")).latest).toBeNull();
    expect((await headlineTile(visibilityFor(viewer), "idps")).latest).not.toBeNull();
  });

  it("the CSV export: published only whoever asks, within the reader's read scope", async () => {
    const csv = async (user: SessionUser, query: string) => {
      const res = await exportFigures("csv", new URLSearchParams(query), user);
      expect(res.status).toBe(200);
      return parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    };
    const rows = await csv(analystA, "indicator=idps&region=ML05&status=all");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => Number(r.value) === SUBMITTED || Number(r.value) === PROPOSED)).toBe(false);
    const mine = await csv(moptiViewer, "indicator=idps");
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => r.region_pcode ?? r.region))).toEqual(new Set(["ML05"]));
  });

  it("the snapshot's content (the sitrep pack): published only, even for a reviewer including unpublished; outside the read scope refused", async () => {
    const mopti = (await regionIndex()).get("ML05")!;
    const content = await snapshotContent(including(reviewer), mopti, "en");
    const idps = content.keyFigures.find((k) => k.indicator === "idps");
    expect(idps?.value).not.toBe(SUBMITTED);
    expect(content.charts.flatMap((c) => c.series.flatMap((s) => s.values))).not.toContain(PROPOSED);
    const refused = await snapshotRequest(new Request("http://localhost/api/v1/sitrep.pptx?region=ML07"), publishedOnly(visibilityFor(moptiViewer)));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.response.status).toBe(403);
    expect((await snapshotRequest(new Request("http://localhost/api/v1/sitrep.pptx?region=ML05"), publishedOnly(visibilityFor(moptiViewer)))).ok).toBe(true);
  });
});
