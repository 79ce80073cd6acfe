// The authorization matrix's scope dimension (issue 17). Every write route
// handler the inventory finds (route-inventory.ts) × each writing role limited
// to Mopti (ML05): the out-of-scope request answers 403 outside_scope naming
// the region or dataset and the record is unchanged (read back as an admin
// through the API); the in-scope request succeeds. Every read route × a viewer
// read-scoped to Mopti: Gao's and the country's figures never show, Mopti's do
// (and the unscoped viewer does see Gao's there, so each check can fail).
// A route with no case fails the completeness tests, unless it is exempted
// with its reason. Everything the matrix writes is in 2040 and removed after.
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { type Permission, type Role } from "../lib/auth/permissions";
import { inventory, PUBLIC_API, rolesWith } from "./route-inventory";
import { cli, sql, USERS } from "./helpers";

const { pages, api } = inventory(path.resolve(import.meta.dirname, "../app"));

test.describe.configure({ timeout: 120_000 });

const WRITING_ROLES = ["analyst", "reviewer", "admin"] as const satisfies readonly Role[];
type WritingRole = (typeof WRITING_ROLES)[number];
const PASSWORD = "matrix-scope-long-password";
/** A writer limited to Mopti (ML05), and one limited to Mopti and the IOM DTM dataset. */
const scoped = (role: WritingRole) => `matrix-scope-${role}@example.org`;
const datasetScoped = (role: WritingRole) => `matrix-scope-ds-${role}@example.org`;
const READER = "matrix-scope-reader@example.org";

const DATASET = "iom-dtm-mali"; // published at once (no review)
const REVIEWED = "e2e-matrix-reviewed"; // needs review: imports into it wait
const ORGANISATION = "E2E matrix scope";
const EVENT_TITLE = "Matrix scope event";

// Each record the matrix writes gets its own day of 2040 (figures are unique by period).
let day = 0;
function nextDate(): string {
  day += 1;
  return new Date(Date.UTC(2040, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** Removes all the matrix wrote, in one statement (the constraints are checked at its end). */
function cleanUp() {
  sql(`WITH
    f AS (SELECT id FROM figures WHERE period_end >= DATE '2040-01-01'),
    r AS (DELETE FROM figure_revisions WHERE figure_id IN (SELECT id FROM f) RETURNING 1),
    d AS (DELETE FROM figures WHERE id IN (SELECT id FROM f) RETURNING 1),
    i AS (DELETE FROM imports WHERE file_name LIKE 'matrix-scope-%' RETURNING 1),
    e AS (DELETE FROM events WHERE title LIKE '${EVENT_TITLE}%' RETURNING 1),
    s AS (DELETE FROM sources WHERE organisation = '${ORGANISATION}' RETURNING 1),
    ds AS (DELETE FROM datasets WHERE code LIKE 'e2e-matrix-%' RETURNING 1),
    u AS (DELETE FROM users WHERE email LIKE 'matrix-scope-%@example.org' RETURNING 1)
    SELECT (SELECT count(*) FROM d) AS figures, (SELECT count(*) FROM u) AS users, (SELECT count(*) FROM r) + (SELECT count(*) FROM i) + (SELECT count(*) FROM e) + (SELECT count(*) FROM s) + (SELECT count(*) FROM ds) AS others`);
}

// ------------------------------------------------------------------ sessions

interface Client {
  page: Page;
  request: APIRequestContext;
  origin: string;
}

type Session = Awaited<ReturnType<BrowserContext["storageState"]>>;
const sessions = new Map<string, Session>();

/** A signed-in browser context for an account: logged in through the form once per worker, its cookies reused after. */
async function client(browser: Browser, email: string, password: string): Promise<Client> {
  const known = sessions.get(email);
  const context = await browser.newContext(known ? { storageState: known } : {});
  const page = await context.newPage();
  if (!known) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mali at a glance" })).toBeVisible();
    sessions.set(email, await context.storageState());
  } else {
    await page.goto("/forbidden");
  }
  return { page, request: page.request, origin: new URL(page.url()).origin };
}

interface Send {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  url: string;
  data?: unknown;
  multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
}

function send(c: Client, s: Send): Promise<APIResponse> {
  const headers: Record<string, string> = { origin: c.origin };
  if (s.data !== undefined) headers["content-type"] = "application/json";
  return c.request.fetch(s.url, { method: s.method, headers, data: s.data === undefined ? undefined : JSON.stringify(s.data), multipart: s.multipart, failOnStatusCode: false });
}

async function json(c: Client, url: string): Promise<{ status: number; body: unknown }> {
  const res = await c.request.get(url, { failOnStatusCode: false });
  return { status: res.status(), body: res.status() === 204 ? null : await res.json() };
}

// ------------------------------------------------------------------ fixtures (as an admin, through the API)

interface Figure {
  id: number;
  version: number;
  value: number;
  region: string;
  status: string;
}

async function createFigure(admin: Client, region: string, value: number, dataset = DATASET): Promise<Figure> {
  const date = nextDate();
  const res = await send(admin, {
    method: "POST",
    url: "/api/v1/figures",
    data: { indicator: "idps", region, periodStart: date, periodEnd: date, value, dataset, source: { organisation: ORGANISATION, title: "Matrix", url: "", date } },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).data as Figure;
}

/** A figure written straight into the database as `email`'s unpublished work (the API only makes one through the review workflow). */
function unpublishedFigure(region: string, status: "draft" | "submitted", email: string): number {
  const date = nextDate();
  const [row] = sql<{ id: number }>(`
    INSERT INTO figures (indicator_id, region_id, period_start, period_end, value, dataset_id, source_id, status, created_by_id, updated_by_id, submitted_at)
    SELECT i.id, r.id, DATE '${date}', DATE '${date}', 4321, d.id, (SELECT id FROM sources WHERE dataset_id = d.id ORDER BY id LIMIT 1), '${status}', u.id, u.id, now()
      FROM indicators i, regions r, datasets d, users u
     WHERE i.code = 'idps' AND r.pcode = '${region}' AND d.code = '${DATASET}' AND u.email = '${email}'
    RETURNING id`);
  return row!.id;
}

async function importFile(c: Client, region: string, dataset = DATASET, value = 777): Promise<{ status: number; body: { data?: { importId: number | null } } & Record<string, unknown> }> {
  const file = ["#adm1+code,#date,#affected+idps+ind", `${region},${nextDate()},${value}`].join("\n");
  const res = await send(c, {
    method: "POST",
    url: "/api/v1/imports",
    multipart: { dataset, sourceOrganisation: ORGANISATION, sourceTitle: "Matrix import", file: { name: `matrix-scope-${region}.csv`, mimeType: "text/csv", buffer: Buffer.from(file) } },
  });
  return { status: res.status(), body: await res.json() };
}

async function committedImport(c: Client, region: string, dataset = DATASET): Promise<number> {
  const { status, body } = await importFile(c, region, dataset);
  expect(status, JSON.stringify(body)).toBe(201);
  return body.data!.importId!;
}

async function createEvent(admin: Client, region: string): Promise<{ id: number; version: number }> {
  const res = await send(admin, { method: "POST", url: "/api/v1/events", data: { title: `${EVENT_TITLE} ${region} ${nextDate()}`, startDate: nextDate(), region, sourceUrl: "https://example.org/matrix" } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).data;
}

async function deleteFigureAsAdmin(admin: Client, id: number): Promise<void> {
  expect((await send(admin, { method: "DELETE", url: `/api/v1/figures/${id}` })).status()).toBe(204);
}

// ------------------------------------------------------------------ the write cases

/** What the refusal names: the region (a P-code) or the dataset (a code). */
type Named = { region: string } | { dataset: string };

interface Attempt {
  request: Send;
  /** The record as an admin reads it back through the API: the same before and after a refused request. */
  record: () => Promise<unknown>;
}

interface Outside extends Attempt {
  /** Which writer sends it: the one limited to Mopti (default) or the one also limited to a dataset. */
  writer?: "region" | "dataset";
  names: Named;
  /** An import refuses rows outside the scope as row errors (422) rather than a 403 (README "Imports"). */
  asRowError?: true;
}

interface Inside {
  request: Send;
  writer?: "region" | "dataset";
  status: number;
  /** After success: the record as the in-scope write left it, checked; and undone. */
  check?: (res: APIResponse) => Promise<void>;
}

interface ScopeCase {
  /** Prepares the records one role's attempts target (fresh for each role: an in-scope write changes them). */
  prepare: (admin: Client, writer: { id: number; email: string }) => Promise<{ outside: Outside[]; inside: Inside; undo?: () => Promise<void> }>;
}

/** Writes to which a region or dataset scope does not apply, and why. */
const SCOPE_DOES_NOT_APPLY: Record<string, string> = {
  "DELETE /api/v1/import-mappings/1": "a saved column mapping names a file's columns, never a region nor a dataset",
  "POST /api/v1/public-links": "a link shows published figures of a page to whoever holds it and writes none; who may make one is links:manage (public-links.spec)",
  "DELETE /api/v1/public-links/1": "revoking a link writes no figure (links:manage, its creator or an admin)",
  "POST /api/v1/views": "a saved view is its owner's bookmark: a path, not data",
  "PATCH /api/v1/views/1": "a saved view is its owner's bookmark: a path, not data",
  "DELETE /api/v1/views/1": "a saved view is its owner's bookmark: a path, not data",
};

const get = (admin: Client, url: string) => async () => json(admin, url);

const WRITE_CASES: Record<string, ScopeCase> = {
  "POST /api/v1/figures": {
    prepare: async (admin) => {
      const body = (region: string, dataset = DATASET, date = nextDate()) => ({ indicator: "idps", region, periodStart: date, periodEnd: date, value: 31, dataset, source: { organisation: ORGANISATION, title: "Matrix", url: "", date } });
      const gao = body("ML07");
      const national = body("ML");
      const otherDataset = body("ML05", REVIEWED);
      const mopti = body("ML05");
      const created = (b: { periodStart: string; region: string; dataset: string }) => get(admin, `/api/v1/figures?indicator=idps&region=${b.region}&dataset=${b.dataset}&from=${b.periodStart}&to=${b.periodStart}&status=all`);
      return {
        outside: [
          { request: { method: "POST", url: "/api/v1/figures", data: gao }, names: { region: "ML07" }, record: created(gao) },
          // A national figure needs a scope without regions.
          { request: { method: "POST", url: "/api/v1/figures", data: national }, names: { region: "ML" }, record: created(national) },
          { request: { method: "POST", url: "/api/v1/figures", data: otherDataset }, writer: "dataset", names: { dataset: REVIEWED }, record: created(otherDataset) },
        ],
        inside: {
          request: { method: "POST", url: "/api/v1/figures", data: mopti },
          status: 201,
          check: async (res) => {
            const { id, region } = (await res.json()).data;
            expect(region).toBe("ML05");
            await deleteFigureAsAdmin(admin, id);
          },
        },
      };
    },
  },
  "PATCH /api/v1/figures/1": {
    prepare: async (admin) => {
      const gao = await createFigure(admin, "ML07", 100);
      const mopti = await createFigure(admin, "ML05", 100);
      const moved = await createFigure(admin, "ML05", 100);
      return {
        outside: [
          { request: { method: "PATCH", url: `/api/v1/figures/${gao.id}`, data: { value: 101, version: gao.version } }, names: { region: "ML07" }, record: get(admin, `/api/v1/figures/${gao.id}`) },
          // Moving a Mopti figure to Gao writes in Gao.
          { request: { method: "PATCH", url: `/api/v1/figures/${moved.id}`, data: { region: "ML07", version: moved.version } }, names: { region: "ML07" }, record: get(admin, `/api/v1/figures/${moved.id}`) },
        ],
        inside: {
          request: { method: "PATCH", url: `/api/v1/figures/${mopti.id}`, data: { value: 102, version: mopti.version } },
          status: 200,
          check: async () => expect(((await json(admin, `/api/v1/figures/${mopti.id}`)).body as { data: Figure }).data.value).toBe(102),
        },
        undo: async () => {
          for (const f of [gao, mopti, moved]) await deleteFigureAsAdmin(admin, f.id);
        },
      };
    },
  },
  "DELETE /api/v1/figures/1": {
    prepare: async (admin) => {
      const gao = await createFigure(admin, "ML07", 200);
      const mopti = await createFigure(admin, "ML05", 200);
      return {
        outside: [{ request: { method: "DELETE", url: `/api/v1/figures/${gao.id}` }, names: { region: "ML07" }, record: get(admin, `/api/v1/figures/${gao.id}`) }],
        inside: { request: { method: "DELETE", url: `/api/v1/figures/${mopti.id}` }, status: 204, check: async () => expect((await json(admin, `/api/v1/figures/${mopti.id}`)).status).toBe(404) },
        undo: () => deleteFigureAsAdmin(admin, gao.id),
      };
    },
  },
  "POST /api/v1/figures/1/restore": {
    prepare: async (admin) => {
      const gao = await createFigure(admin, "ML07", 300);
      const mopti = await createFigure(admin, "ML05", 300);
      await deleteFigureAsAdmin(admin, gao.id);
      await deleteFigureAsAdmin(admin, mopti.id);
      return {
        outside: [{ request: { method: "POST", url: `/api/v1/figures/${gao.id}/restore` }, names: { region: "ML07" }, record: get(admin, `/api/v1/figures/${gao.id}`) }],
        inside: { request: { method: "POST", url: `/api/v1/figures/${mopti.id}/restore` }, status: 200, check: () => deleteFigureAsAdmin(admin, mopti.id) },
      };
    },
  },
  "POST /api/v1/figures/1/submit": {
    // Its author's own draft: one in Gao (written before their scope changed) stays theirs to fix, not to send for publication.
    prepare: async (_admin, writer) => {
      const gao = unpublishedFigure("ML07", "draft", writer.email);
      const mopti = unpublishedFigure("ML05", "draft", writer.email);
      return {
        outside: [{ request: { method: "POST", url: `/api/v1/figures/${gao}/submit` }, names: { region: "ML07" }, record: get(_admin, `/api/v1/figures/${gao}`) }],
        inside: { request: { method: "POST", url: `/api/v1/figures/${mopti}/submit` }, status: 200, check: async () => expect(((await json(_admin, `/api/v1/figures/${mopti}`)).body as { data: Figure }).data.status).toBe("submitted") },
        undo: async () => {
          sql(`DELETE FROM figures WHERE id IN (${gao}, ${mopti}) RETURNING id`);
        },
      };
    },
  },
  ...Object.fromEntries(
    (["approve", "return"] as const).map((action) => [
      `POST /api/v1/figures/1/${action}`,
      {
        prepare: async (admin: Client) => {
          const gao = unpublishedFigure("ML07", "submitted", USERS.analyst.email);
          const mopti = unpublishedFigure("ML05", "submitted", USERS.analyst.email);
          const data = { comment: "Which round is this?" };
          return {
            outside: [{ request: { method: "POST", url: `/api/v1/figures/${gao}/${action}`, data }, names: { region: "ML07" }, record: get(admin, `/api/v1/figures/${gao}`) }],
            inside: {
              request: { method: "POST", url: `/api/v1/figures/${mopti}/${action}`, data },
              status: 200,
              check: async () => expect(((await json(admin, `/api/v1/figures/${mopti}`)).body as { data: Figure }).data.status).toBe(action === "approve" ? "published" : "returned"),
            },
            undo: async () => {
              sql(`DELETE FROM figures WHERE id IN (${gao}, ${mopti}) RETURNING id`);
            },
          };
        },
      } satisfies ScopeCase,
    ]),
  ),
  "POST /api/v1/imports": {
    prepare: async (admin) => {
      const date = nextDate();
      const file = (region: string, dataset: string) => ({
        dataset,
        sourceOrganisation: ORGANISATION,
        file: { name: `matrix-scope-${region}.csv`, mimeType: "text/csv", buffer: Buffer.from(`#adm1+code,#date,#affected+idps+ind\n${region},${date},55\n`) },
      });
      const created = (region: string, dataset: string) => get(admin, `/api/v1/figures?indicator=idps&region=${region}&dataset=${dataset}&from=${date}&to=${date}&status=all`);
      return {
        outside: [
          { request: { method: "POST", url: "/api/v1/imports", multipart: file("ML07", DATASET) }, names: { region: "ML07" }, asRowError: true, record: created("ML07", DATASET) },
          { request: { method: "POST", url: "/api/v1/imports", multipart: file("ML05", REVIEWED) }, writer: "dataset", names: { dataset: REVIEWED }, asRowError: true, record: created("ML05", REVIEWED) },
        ],
        inside: {
          request: { method: "POST", url: "/api/v1/imports", multipart: file("ML05", DATASET) },
          status: 201,
          check: async (res) => {
            const id = (await res.json()).data.importId as number;
            expect((await send(admin, { method: "POST", url: `/api/v1/imports/${id}/rollback` })).status()).toBe(200);
          },
        },
      };
    },
  },
  "POST /api/v1/imports/1/rollback": {
    prepare: async (admin) => {
      const gao = await committedImport(admin, "ML07");
      const mopti = await committedImport(admin, "ML05");
      return {
        outside: [{ request: { method: "POST", url: `/api/v1/imports/${gao}/rollback` }, names: { region: "ML07" }, record: get(admin, `/api/v1/imports/${gao}`) }],
        inside: { request: { method: "POST", url: `/api/v1/imports/${mopti}/rollback` }, status: 200, check: async () => expect(((await json(admin, `/api/v1/imports/${mopti}`)).body as { data: { status: string } }).data.status).toBe("rolled_back") },
        undo: async () => {
          expect((await send(admin, { method: "POST", url: `/api/v1/imports/${gao}/rollback` })).status()).toBe(200);
        },
      };
    },
  },
  ...Object.fromEntries(
    (["approve", "return"] as const).map((action) => [
      `POST /api/v1/imports/1/${action}`,
      {
        // Imported by the unscoped analyst into a dataset that needs review: both wait.
        prepare: async (admin: Client) => {
          const analyst = await client(admin.page.context().browser()!, USERS.analyst.email, USERS.analyst.password);
          const gao = await committedImport(analyst, "ML07", REVIEWED);
          const mopti = await committedImport(analyst, "ML05", REVIEWED);
          await analyst.page.context().close();
          const data = { comment: "Which round is this?" };
          return {
            outside: [{ request: { method: "POST", url: `/api/v1/imports/${gao}/${action}`, data }, names: { region: "ML07" }, record: get(admin, `/api/v1/imports/${gao}`) }],
            inside: {
              request: { method: "POST", url: `/api/v1/imports/${mopti}/${action}`, data },
              status: 200,
              check: async () => expect(((await json(admin, `/api/v1/imports/${mopti}`)).body as { data: { review: string } }).data.review).toBe(action === "approve" ? "published" : "returned"),
            },
          };
        },
      } satisfies ScopeCase,
    ]),
  ),
  "POST /api/v1/events": {
    prepare: async (admin) => {
      const event = (region: string) => ({ title: `${EVENT_TITLE} ${region} ${nextDate()}`, startDate: "2040-06-01", region, sourceUrl: "https://example.org/matrix" });
      const gao = event("ML07");
      const national = { ...event("ML07"), region: undefined };
      const titled = (title: string) => async () => ((await json(admin, "/api/v1/events?region=ML07")).body as { data: { title: string }[] }).data.filter((e) => e.title === title);
      return {
        outside: [
          { request: { method: "POST", url: "/api/v1/events", data: gao }, names: { region: "ML07" }, record: titled(gao.title) },
          { request: { method: "POST", url: "/api/v1/events", data: national }, names: { region: "ML" }, record: titled(national.title) },
        ],
        inside: {
          request: { method: "POST", url: "/api/v1/events", data: event("ML05") },
          status: 201,
          check: async (res) => expect((await send(admin, { method: "DELETE", url: `/api/v1/events/${(await res.json()).data.id}` })).status()).toBe(204),
        },
      };
    },
  },
  "PATCH /api/v1/events/1": {
    prepare: async (admin) => {
      const gao = await createEvent(admin, "ML07");
      const mopti = await createEvent(admin, "ML05");
      const moved = await createEvent(admin, "ML05");
      return {
        outside: [
          { request: { method: "PATCH", url: `/api/v1/events/${gao.id}`, data: { note: "changed", version: gao.version } }, names: { region: "ML07" }, record: get(admin, `/api/v1/events/${gao.id}`) },
          { request: { method: "PATCH", url: `/api/v1/events/${moved.id}`, data: { region: "ML07", version: moved.version } }, names: { region: "ML07" }, record: get(admin, `/api/v1/events/${moved.id}`) },
        ],
        inside: {
          request: { method: "PATCH", url: `/api/v1/events/${mopti.id}`, data: { note: "changed", version: mopti.version } },
          status: 200,
          check: async () => expect(((await json(admin, `/api/v1/events/${mopti.id}`)).body as { data: { note: string } }).data.note).toBe("changed"),
        },
        undo: async () => {
          for (const e of [gao, mopti, moved]) expect((await send(admin, { method: "DELETE", url: `/api/v1/events/${e.id}` })).status()).toBe(204);
        },
      };
    },
  },
  "DELETE /api/v1/events/1": {
    prepare: async (admin) => {
      const gao = await createEvent(admin, "ML07");
      const mopti = await createEvent(admin, "ML05");
      return {
        outside: [{ request: { method: "DELETE", url: `/api/v1/events/${gao.id}` }, names: { region: "ML07" }, record: get(admin, `/api/v1/events/${gao.id}`) }],
        inside: { request: { method: "DELETE", url: `/api/v1/events/${mopti.id}` }, status: 204, check: async () => expect((await json(admin, `/api/v1/events/${mopti.id}`)).status).toBe(404) },
        undo: async () => {
          expect((await send(admin, { method: "DELETE", url: `/api/v1/events/${gao.id}` })).status()).toBe(204);
        },
      };
    },
  },
  "POST /api/v1/datasets": {
    // A dataset has no region: the scope that applies is the list of datasets.
    prepare: async (admin, writer) => {
      const code = (n: string) => `e2e-matrix-${n}-${writer.id}`;
      const body = (c: string) => ({ code: c, name: c, publisher: ORGANISATION, url: "https://example.org/matrix", kind: "report" });
      const listed = (c: string) => async () => ((await json(admin, "/api/v1/datasets")).body as { data: { code: string }[] }).data.filter((d) => d.code === c);
      return {
        outside: [{ request: { method: "POST", url: "/api/v1/datasets", data: body(code("refused")) }, writer: "dataset", names: { dataset: code("refused") }, record: listed(code("refused")) }],
        inside: { request: { method: "POST", url: "/api/v1/datasets", data: body(code("made")) }, status: 201, check: async () => expect(await listed(code("made"))()).toHaveLength(1) },
        undo: async () => {
          sql(`DELETE FROM datasets WHERE code = '${code("made")}' RETURNING id`);
        },
      };
    },
  },
};

// imports:write also guards the saved column mappings, which hold no data: its figure writes (POST imports, rollback) are cases.
const WRITE_PERMISSIONS = new Set<Permission>(["figures:write", "figures:review", "figures:restore", "events:write", "datasets:write"]);
const writeRoutes = api.filter((r) => r.method !== "GET" && r.permission && !PUBLIC_API.some((re) => re.test(r.path)));
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

test("every write route handler has scope cases, or says why a scope does not apply", () => {
  expect(writeRoutes.length).toBeGreaterThan(15);
  const missing = writeRoutes.filter((r) => !(key(r) in WRITE_CASES) && !(key(r) in SCOPE_DOES_NOT_APPLY)).map(key);
  expect(missing, "write routes with neither a scope case nor a reason").toEqual([]);
  // A write of figures, imports, events or datasets is never exempt; and no case is left for a route that went away.
  expect(writeRoutes.filter((r) => WRITE_PERMISSIONS.has(r.permission!) && key(r) in SCOPE_DOES_NOT_APPLY).map(key)).toEqual([]);
  const known = new Set(writeRoutes.map(key));
  expect([...Object.keys(WRITE_CASES), ...Object.keys(SCOPE_DOES_NOT_APPLY)].filter((k) => !known.has(k))).toEqual([]);
});

test.describe("scoped writers", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    cleanUp();
    for (const role of WRITING_ROLES) {
      cli(["user", "add", scoped(role), "--role", role, "--regions", "ML05", "--password-stdin"], `${PASSWORD}\n`);
      cli(["user", "add", datasetScoped(role), "--role", role, "--regions", "ML05", "--datasets", DATASET, "--password-stdin"], `${PASSWORD}\n`);
    }
    // A dataset that needs review (new datasets do), for the imports that wait.
    const admin = await client(browser, USERS.admin.email, USERS.admin.password);
    const res = await send(admin, { method: "POST", url: "/api/v1/datasets", data: { code: REVIEWED, name: "E2E matrix reviewed", publisher: ORGANISATION, kind: "report" } });
    expect(res.status(), await res.text()).toBe(201);
    expect((await res.json()).data.needsReview).toBe(true);
    await admin.page.context().close();
  });
  test.afterAll(() => cleanUp());

  for (const route of writeRoutes.filter((r) => key(r) in WRITE_CASES)) {
    test(`${key(route)}: out of scope refused and the record unchanged, in scope written`, async ({ browser }) => {
      const admin = await client(browser, USERS.admin.email, USERS.admin.password);
      const roles = rolesWith(route.permission!).filter((r): r is WritingRole => (WRITING_ROLES as readonly string[]).includes(r));
      expect(roles.length).toBeGreaterThan(0);
      for (const role of roles) {
        const writers = {
          region: await client(browser, scoped(role), PASSWORD),
          dataset: await client(browser, datasetScoped(role), PASSWORD),
        };
        const [me] = sql<{ id: number }>(`SELECT id FROM users WHERE email = '${scoped(role)}'`);
        const { outside, inside, undo } = await WRITE_CASES[key(route)]!.prepare(admin, { id: me!.id, email: scoped(role) });
        for (const attempt of outside) {
          const label = `${role} ${attempt.request.method} ${attempt.request.url} (${JSON.stringify(attempt.names)})`;
          const before = await attempt.record();
          const res = await send(writers[attempt.writer ?? "region"], attempt.request);
          const body = await res.json().catch(() => null);
          if (attempt.asRowError) {
            expect(res.status(), label).toBe(422);
            const [kind, code] = Object.entries(attempt.names)[0]!;
            expect(JSON.stringify(body), label).toContain(`${kind} ${code} lies outside your scope`);
          } else {
            expect(res.status(), `${label}: ${JSON.stringify(body)}`).toBe(403);
            expect(body?.error, label).toMatchObject({ code: "outside_scope", ...attempt.names });
          }
          expect(await attempt.record(), `${label}: the record is unchanged`).toEqual(before);
        }
        const res = await send(writers[inside.writer ?? "region"], inside.request);
        expect(res.status(), `${role} ${inside.request.method} ${inside.request.url}: ${res.status() >= 400 ? await res.text() : ""}`).toBe(inside.status);
        await inside.check?.(res);
        await undo?.();
        for (const c of Object.values(writers)) await c.page.context().close();
      }
      await admin.page.context().close();
    });
  }
});

// ------------------------------------------------------------------ the read cases

const GAO_VALUE = 7_654_321;
const MOPTI_VALUE = 5_432_123;
const NATIONAL_VALUE = 9_876_543;
const formatted = (n: number) => n.toLocaleString("en-US");

/** Where a reader may not look: what the page or answer must not hold for the read-scoped viewer. */
interface Fixtures {
  gaoFigure: number;
  moptiFigure: number;
  gaoImport: number;
  moptiImport: number;
  gaoEvent: string;
  moptiEvent: string;
  gaoEventId: number;
  moptiEventId: number;
}

type Kind = "page" | "api" | "file";

interface ReadCase {
  kind: Kind;
  /** Addresses about Gao or the country; what they answer the read-scoped viewer holds neither. */
  outside: (f: Fixtures) => string[];
  /** The same about Mopti: it shows Mopti. */
  inside: (f: Fixtures) => string;
  /** For a pack (PDF, PPTX, DOCX): refused 403 outside_scope rather than filtered. */
  refused?: true;
  /** A page whose national figures a read-scoped reader finds replaced by the notice (README "Who sees which figures"). */
  notice?: true;
  /** Beyond the figure markers: what else names Gao on this page (an event's title). */
  gao?: (f: Fixtures) => string[];
  mopti?: (f: Fixtures) => string[];
}

const READ_SCOPE_DOES_NOT_APPLY: Record<string, string> = {
  "/login": "public, no figures",
  "/forbidden": "no figures",
  "/p/1": "a public link shows to anyone what its creator chose, with no reader (public-links.spec)",
  "/account": "the reader's own account",
  "/account/password": "the reader's own password",
  "/views": "the reader's saved views: names and paths",
  "/admin/audit": "admins only (the matrix refuses viewers)",
  "/admin/links": "links:manage (the matrix refuses viewers)",
  "/admin/tokens": "admins only",
  "/admin/users": "admins only",
  "/admin/users/1": "admins only",
  "/admin/datasets": "datasets, their sources and review settings: no region, no figure",
  "/review": "figures:review (the matrix refuses viewers; a reviewer's queue in scope: review.test.ts)",
  "/figures/new": "figures:write form (the matrix refuses viewers; the regions offered: scopes.spec)",
  "/figures/1/edit": "figures:write form (the matrix refuses viewers)",
  "/imports/new": "imports:write form (the matrix refuses viewers)",
  "/imports": "lists files, counts and datasets: no region, no figure",
  "/api/auth/session": "the session",
  "/api/health": "no data",
  "/api/v1/audit": "admins only",
  "/api/v1/audit.csv": "admins only",
  "/api/v1/users": "admins only",
  "/api/v1/public-links": "links:manage",
  "/api/v1/import-mappings": "imports:write; column mappings, no data",
  "/api/v1/review-queue": "figures:review (the queue in a reviewer's scope: review.test.ts)",
  "/api/v1/views": "saved views: names and paths",
  "/api/v1/datasets": "datasets: no region, no figure",
  "/api/v1/indicators": "indicators: no region, no figure",
  "/api/v1/regions": "the gazetteer (names, P-codes, parents): reference geography, no figure",
  "/api/v1/imports": "imports: file, counts and dataset, no region, no figure",
  "/api/v1/imports/1": "an import: file, counts and dataset, no region, no figure",
};

const dashboard = (p: string): ReadCase => ({ kind: "page", outside: () => [p], inside: () => p });
const exportFile = (p: string): ReadCase => ({ kind: "file", outside: () => [`${p}?indicator=idps&region=ML07`, `${p}?indicator=idps&from=2040-01-01`], inside: () => `${p}?indicator=idps&region=ML05&from=2040-01-01` });
const pack = (p: string): ReadCase => ({ kind: "file", refused: true, outside: () => [`${p}?region=ML07`, p], inside: () => `${p}?region=ML05` });

const READ_CASES: Record<string, ReadCase> = {
  "/": { ...dashboard("/"), notice: true },
  "/displacement": dashboard("/displacement"),
  "/food-security": dashboard("/food-security"),
  "/funding": { ...dashboard("/funding"), notice: true },
  "/map": { kind: "page", outside: () => ["/map?indicator=idps"], inside: () => "/map?indicator=idps" },
  "/regions": dashboard("/regions"),
  "/regions/ML05": { kind: "page", outside: () => ["/regions/ML07", "/regions/ML"], inside: () => "/regions/ML05" },
  "/compare": { kind: "page", outside: () => ["/compare?indicator=idps&region=ML07"], inside: () => "/compare?indicator=idps&region=ML05" },
  "/figures": { kind: "page", outside: () => ["/figures?indicator=idps&region=ML07", "/figures?indicator=idps&from=2040-01-01"], inside: () => "/figures?indicator=idps&region=ML05&from=2040-01-01" },
  "/figures/1": { kind: "page", outside: (f) => [`/figures/${f.gaoFigure}`], inside: (f) => `/figures/${f.moptiFigure}` },
  "/imports/1": { kind: "page", outside: (f) => [`/imports/${f.gaoImport}`], inside: (f) => `/imports/${f.moptiImport}` },
  "/events": { kind: "page", outside: () => ["/events?region=ML07", "/events"], inside: () => "/events?region=ML05", gao: (f) => [f.gaoEvent], mopti: (f) => [f.moptiEvent] },
  "/snapshot": { kind: "page", outside: () => ["/snapshot?region=ML07", "/snapshot"], inside: () => "/snapshot?region=ML05" },
  "/api/v1/figures": { kind: "api", outside: () => ["/api/v1/figures?indicator=idps&region=ML07", "/api/v1/figures?indicator=idps&from=2040-01-01", "/api/v1/figures?region=ML&from=2040-01-01"], inside: () => "/api/v1/figures?indicator=idps&region=ML05&from=2040-01-01" },
  "/api/v1/figures/1": { kind: "api", outside: (f) => [`/api/v1/figures/${f.gaoFigure}`], inside: (f) => `/api/v1/figures/${f.moptiFigure}` },
  "/api/v1/figures.csv": exportFile("/api/v1/figures.csv"),
  "/api/v1/figures.excel-fr.csv": exportFile("/api/v1/figures.excel-fr.csv"),
  "/api/v1/figures.hxl.csv": exportFile("/api/v1/figures.hxl.csv"),
  "/api/v1/figures.xlsx": exportFile("/api/v1/figures.xlsx"),
  "/api/v1/snapshot.pdf": pack("/api/v1/snapshot.pdf"),
  "/api/v1/sitrep.pptx": pack("/api/v1/sitrep.pptx"),
  "/api/v1/sitrep.docx": pack("/api/v1/sitrep.docx"),
  "/api/v1/events": { kind: "api", outside: () => ["/api/v1/events?region=ML07", "/api/v1/events"], inside: () => "/api/v1/events?region=ML05", gao: (f) => [f.gaoEvent], mopti: (f) => [f.moptiEvent] },
  "/api/v1/events/1": { kind: "api", outside: (f) => [`/api/v1/events/${f.gaoEventId}`], inside: (f) => `/api/v1/events/${f.moptiEventId}`, gao: (f) => [f.gaoEvent], mopti: (f) => [f.moptiEvent] },
};

const NOTICE = "National figures are outside your scope";

const readRoutes = [...new Set([...pages.map((p) => p.path), ...api.filter((r) => r.method === "GET").map((r) => r.path)])];

test("every read route has a scoped-reader case, or says why it shows no region's figures", () => {
  expect(readRoutes.length).toBeGreaterThan(40);
  expect(readRoutes.filter((r) => !(r in READ_CASES) && !(r in READ_SCOPE_DOES_NOT_APPLY))).toEqual([]);
  expect([...Object.keys(READ_CASES), ...Object.keys(READ_SCOPE_DOES_NOT_APPLY)].filter((r) => !readRoutes.includes(r))).toEqual([]);
});

/** A response's text as a reader would read it: a page's main region, an API's JSON, a file's bytes (XLSX unzipped). */
async function readText(c: Client, kind: Kind, url: string): Promise<{ status: number; text: string; body?: unknown }> {
  if (kind === "page") {
    const res = await c.page.goto(url);
    const main = c.page.locator("main").first();
    if (!(await main.count())) return { status: res?.status() ?? 0, text: "" };
    // The text, and what the page offers: links to regions' pages and the places its pickers list.
    const offers = await main.evaluate((el) => [
      ...[...el.querySelectorAll("a[href]")]
        .map((a) => /^\/regions\/(ML\d+)/.exec(new URL(a.getAttribute("href") ?? "", location.href).pathname)?.[1])
        .filter(Boolean)
        .map((p) => `region-link:${p}`),
      ...[...el.querySelectorAll("option, input[type=checkbox], input[type=radio]")].map((o) => `option:${(o as HTMLInputElement).value}`),
    ]);
    return { status: res?.status() ?? 0, text: `${(await main.textContent()) ?? ""}\n${offers.join(" ")}` };
  }
  const res = await c.request.get(url, { failOnStatusCode: false });
  const type = res.headers()["content-type"] ?? "";
  if (type.includes("json")) {
    const body = await res.json();
    return { status: res.status(), text: JSON.stringify(body), body };
  }
  if (url.includes(".xlsx") && res.ok()) {
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? "")))));
    return { status: res.status(), text: cells.join(" ") };
  }
  return { status: res.status(), text: (await res.body()).toString("utf8") };
}

/** Whether a text shows a number, as a page (7,654,321) or a file or the API (7654321) writes it. */
const shows = (text: string, value: number) => text.includes(formatted(value)) || new RegExp(`(^|[^\\d.])${value}(?!\\d)`).test(text);

test.describe("a viewer read-scoped to Mopti", () => {
  let f: Fixtures;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    cleanUp();
    cli(["user", "add", READER, "--role", "viewer", "--password-stdin"], `${PASSWORD}\n`);
    cli(["user", "set-scope", READER, "--regions", "ML05", "--read-scoped"]);
    const admin = await client(browser, USERS.admin.email, USERS.admin.password);
    // The latest figures of their series (2040), so every dashboard shows them.
    const national = await createFigure(admin, "ML", NATIONAL_VALUE);
    const gaoImport = (await importFile(admin, "ML07", DATASET, GAO_VALUE)).body.data!.importId!;
    const moptiImport = (await importFile(admin, "ML05", DATASET, MOPTI_VALUE)).body.data!.importId!;
    const byValue = async (region: string) => ((await json(admin, `/api/v1/figures?indicator=idps&region=${region}&from=2040-01-01`)).body as { data: Figure[] }).data[0]!.id;
    const gaoEvent = await createEvent(admin, "ML07");
    const moptiEvent = await createEvent(admin, "ML05");
    const title = async (id: number) => ((await json(admin, `/api/v1/events/${id}`)).body as { data: { title: string } }).data.title;
    f = {
      gaoFigure: await byValue("ML07"),
      moptiFigure: await byValue("ML05"),
      gaoImport,
      moptiImport,
      gaoEvent: await title(gaoEvent.id),
      moptiEvent: await title(moptiEvent.id),
      gaoEventId: gaoEvent.id,
      moptiEventId: moptiEvent.id,
    };
    expect(national.region).toBe("ML");
    await admin.page.context().close();
  });
  test.afterAll(() => cleanUp());

  // Split so that each test stays well within its time on a loaded machine.
  const pageRoutes = Object.keys(READ_CASES).filter((r) => READ_CASES[r]!.kind === "page");
  const half = Math.ceil(pageRoutes.length / 2);
  const groups: Record<string, string[]> = {
    [`pages ${pageRoutes.slice(0, half).join(", ")}`]: pageRoutes.slice(0, half),
    [`pages ${pageRoutes.slice(half).join(", ")}`]: pageRoutes.slice(half),
    "the API and files": Object.keys(READ_CASES).filter((r) => READ_CASES[r]!.kind !== "page"),
  };
  for (const [name, routes] of Object.entries(groups)) {
    test(`${name}: nothing of Gao nor the country, Mopti's figures; the unscoped viewer sees Gao's there`, async ({ browser }) => {
      const reader = await client(browser, READER, PASSWORD);
      const viewer = await client(browser, USERS.viewer.email, USERS.viewer.password);
      for (const route of routes) {
        const c = READ_CASES[route]!;
        // A page that links to Gao's page or offers Gao in a picker shows Gao too (its name alone may be in a static note).
        const gao = [...(c.kind === "page" ? ["region-link:ML07", "option:ML07"] : []), ...(c.gao?.(f) ?? [])];
        const mopti = [...(c.kind === "page" ? ["region-link:ML05", "option:ML05"] : []), ...(c.mopti?.(f) ?? [])];
        for (const url of c.outside(f)) {
          const seen = await readText(reader, c.kind, url);
          if (c.refused) {
            expect(seen.status, url).toBe(403);
            expect((seen.body as { error: unknown }).error, url).toMatchObject({ code: "outside_scope" });
            if (url.includes("ML07")) expect((seen.body as { error: unknown }).error, url).toMatchObject({ region: "ML07" });
          } else {
            expect(seen.status === 200 || seen.status === 404, `${url}: ${seen.status}`).toBe(true);
            expect(shows(seen.text, GAO_VALUE), `${url} shows Gao's figure`).toBe(false);
            expect(shows(seen.text, NATIONAL_VALUE), `${url} shows the national figure`).toBe(false);
            for (const g of gao) expect(seen.text, `${url} shows Gao`).not.toContain(g);
            if (c.notice) expect(seen.text, `${url} says national figures are outside the scope`).toContain(NOTICE);
          }
        }
        // The check can fail: the same first address shows Gao (or the country) to the viewer without a scope.
        const first = c.outside(f)[0]!;
        const unscoped = await readText(viewer, c.kind, first);
        expect(unscoped.status, `${first} for the unscoped viewer`).toBe(200);
        if (!c.refused) {
          const evidence = shows(unscoped.text, GAO_VALUE) || shows(unscoped.text, NATIONAL_VALUE) || gao.some((g) => unscoped.text.includes(g)) || (c.notice === true && !unscoped.text.includes(NOTICE));
          expect(evidence, `${first} shows Gao or the country to the unscoped viewer`).toBe(true);
        }
        const inside = await readText(reader, c.kind, c.inside(f));
        expect(inside.status, c.inside(f)).toBe(200);
        if (!c.refused) {
          const seen = shows(inside.text, MOPTI_VALUE) || mopti.some((m) => inside.text.includes(m));
          expect(seen, `${c.inside(f)} shows Mopti's figure`).toBe(true);
        }
      }
      await reader.page.context().close();
      await viewer.page.context().close();
    });
  }
});
