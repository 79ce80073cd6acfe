// Every write path × in scope / out of scope × role, through the real route
// handlers (API tokens) and the figure form's Server Action: a writer limited
// to Mopti (ML05) writes there and in its cercles, never elsewhere nor the
// national level; one limited to a dataset writes there only and creates no
// dataset. Each refusal is 403 outside_scope naming the region or dataset
// (an import: a row error per line), and nothing is written.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "./test-database";
import { asSession, asToken } from "./fake-request";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { createToken, setScope } from "../../lib/data/user-admin";
import type { Role } from "../../lib/auth/permissions";
import type { Scope } from "../../lib/auth/scope";
import { POST as figuresPost } from "../../app/api/v1/figures/route";
import { DELETE as figureDelete, PATCH as figurePatch } from "../../app/api/v1/figures/[id]/route";
import { POST as eventsPost } from "../../app/api/v1/events/route";
import { DELETE as eventDelete, PATCH as eventPatch } from "../../app/api/v1/events/[id]/route";
import { POST as datasetsPost } from "../../app/api/v1/datasets/route";
import { POST as importsPost } from "../../app/api/v1/imports/route";
import { saveFigure } from "../../app/figures/actions";
import { createEventAction } from "../../app/events/actions";
import { IDLE } from "../../lib/auth/form-state";

vi.mock("next/headers", async () => (await import("./fake-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("./fake-request")).nextCache);

const MOPTI: Scope = { regions: ["ML05"], datasets: [], readScoped: false };
const DTM_ONLY: Scope = { regions: [], datasets: ["iom-dtm-mali"], readScoped: false };
const users = {} as Record<string, SessionUser>;
const tokens = {} as Record<string, string>;
let cercle: string;
let gaoFigure: number;
let nationalEvent: number;

async function addUser(name: string, role: Role, scope?: Scope) {
  users[name] = await createUser({ email: `${name}@scopes.test`, role, password: `${name}-long-password-1`, scope });
  tokens[name] = await createToken(users[name].id, "tests", 1, users[name]);
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  process.env.DATABASE_URL = await createTestDatabase("scopes");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  for (const role of ["analyst", "reviewer", "admin", "viewer"] as const) await addUser(`mopti-${role}`, role, MOPTI);
  await addUser("dtm-analyst", "analyst", DTM_ONLY);
  await addUser("free-analyst", "analyst");
  cercle = (await db().region.findFirstOrThrow({ where: { parent: { pcode: "ML05" } }, orderBy: { pcode: "asc" } })).pcode;
  gaoFigure = (await db().figure.findFirstOrThrow({ where: { region: { pcode: "ML07" }, dataset: { code: "iom-dtm-mali" } } })).id;
  nationalEvent = (await db().event.findFirstOrThrow({ where: { regionId: null } })).id;
});

afterAll(async () => {
  await disconnectDb();
});

const json = (method: string, path: string, body: unknown) => new Request(`http://localhost${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const idContext = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const source = { organisation: "IOM DTM", title: "Scopes test round", url: "https://dtm.iom.int/mali", date: "2031-06-30" };
let day = 0;
/** A figure on a date of its own, so that no two tests' figures collide. */
const figure = (region: string, changes: Record<string, unknown> = {}) => {
  day++;
  const date = new Date(Date.UTC(2031, 0, day)).toISOString().slice(0, 10);
  return { indicator: "idps", region, periodStart: date, periodEnd: date, disaggregation: null, value: 1000 + day, source, dataset: "iom-dtm-mali", note: null, ...changes };
};
const refusal = (kind: "region" | "dataset", code: string) => ({ error: { code: "outside_scope", message: expect.stringContaining(code), [kind]: code } });

describe.each([["an analyst", "analyst"], ["a reviewer", "reviewer"], ["an admin", "admin"]] as const)("%s limited to Mopti", (_who, role) => {
  const name = `mopti-${role}`;

  it("writes figures in Mopti and its cercles; a figure elsewhere or national is refused with 403 outside_scope naming the region", async () => {
    asToken(tokens[name]!);
    for (const region of ["ML05", cercle]) expect((await figuresPost(json("POST", "/api/v1/figures", figure(region)), {})).status).toBe(201);
    const before = await db().figure.count();
    for (const region of ["ML07", "ML"]) {
      const res = await figuresPost(json("POST", "/api/v1/figures", figure(region)), {});
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual(refusal("region", region));
    }
    expect(await db().figure.count()).toBe(before);
  });

  it("neither moves its figure out of Mopti nor changes or deletes a figure of Gao; deletes its own", async () => {
    asToken(tokens[name]!);
    const own = (await (await figuresPost(json("POST", "/api/v1/figures", figure("ML05")), {})).json()).data;
    const moved = await figurePatch(json("PATCH", `/api/v1/figures/${own.id}`, { version: own.version, region: "ML07" }), idContext(own.id));
    expect(moved.status).toBe(403);
    expect(await moved.json()).toEqual(refusal("region", "ML07"));
    const gao = await db().figure.findUniqueOrThrow({ where: { id: gaoFigure } });
    const changed = await figurePatch(json("PATCH", `/api/v1/figures/${gaoFigure}`, { version: gao.version, value: 1 }), idContext(gaoFigure));
    expect(changed.status).toBe(403);
    expect(await changed.json()).toEqual(refusal("region", "ML07"));
    const deleted = await figureDelete(new Request(`http://localhost/api/v1/figures/${gaoFigure}`, { method: "DELETE" }), idContext(gaoFigure));
    expect(deleted.status).toBe(403);
    expect(await db().figure.findUniqueOrThrow({ where: { id: gaoFigure } })).toEqual(gao);
    expect((await db().figure.findUniqueOrThrow({ where: { id: own.id } })).regionId).toBe((await db().region.findUniqueOrThrow({ where: { pcode: "ML05" } })).id);
    expect((await figureDelete(new Request(`http://localhost/api/v1/figures/${own.id}`, { method: "DELETE" }), idContext(own.id))).status).toBe(204);
  });

  it("writes events for Mopti; an event of Gao or a national one is refused, and national events stay untouched", async () => {
    asToken(tokens[name]!);
    const event = { title: `Mopti floods (${role})`, startDate: "2031-08-01", region: "ML05", sourceUrl: "https://reliefweb.int/country/mli" };
    const created = await eventsPost(json("POST", "/api/v1/events", event), {});
    expect(created.status).toBe(201);
    const own = (await created.json()).data;
    for (const [region, code] of [["ML07", "ML07"], [null, "ML"]] as const) {
      const res = await eventsPost(json("POST", "/api/v1/events", { ...event, title: `Elsewhere ${code} (${role})`, region }), {});
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual(refusal("region", code));
    }
    const moved = await eventPatch(json("PATCH", `/api/v1/events/${own.id}`, { version: own.version, region: null }), idContext(own.id));
    expect(await moved.json()).toEqual(refusal("region", "ML"));
    const national = await db().event.findUniqueOrThrow({ where: { id: nationalEvent } });
    expect((await eventPatch(json("PATCH", `/api/v1/events/${nationalEvent}`, { version: national.version, note: "x" }), idContext(nationalEvent))).status).toBe(403);
    expect((await eventDelete(new Request(`http://localhost/api/v1/events/${nationalEvent}`, { method: "DELETE" }), idContext(nationalEvent))).status).toBe(403);
    expect(await db().event.findUniqueOrThrow({ where: { id: nationalEvent } })).toEqual(national);
    expect(await db().event.count({ where: { title: { startsWith: "Elsewhere" } } })).toBe(0);
  });

  it("imports rows of Mopti; a file with a row of Gao is refused whole, the row error naming the region", async () => {
    asToken(tokens[name]!);
    const upload = (rows: string[]) => {
      const form = new FormData();
      form.set("file", new File([["#adm1+code,#date,#affected+idps+ind", ...rows].join("\n")], "partner.csv", { type: "text/csv" }));
      form.set("dataset", "iom-dtm-mali");
      form.set("sourceOrganisation", "IOM DTM");
      return importsPost(new Request("http://localhost/api/v1/imports", { method: "POST", body: form }), {});
    };
    const before = await db().figure.count();
    const refused = await upload([`ML05,2032-0${role.length % 9}-01,120`, `ML07,2032-01-01,75`]);
    expect(refused.status).toBe(422);
    const report = (await refused.json()).data;
    expect(report).toMatchObject({ status: "invalid_rows", counts: { invalid: 1 } });
    expect(report.errors).toEqual([{ line: 3, column: "region", reason: expect.stringContaining("region ML07 lies outside your scope") }]);
    expect(await db().figure.count()).toBe(before);
    const committed = await upload([`ML05,2032-0${role.length % 9}-01,120`]);
    expect(committed.status).toBe(201);
    expect(await db().figure.count()).toBe(before + 1);
  });

  it("creates a dataset: a region limit does not limit datasets", async () => {
    asToken(tokens[name]!);
    const res = await datasetsPost(json("POST", "/api/v1/datasets", { code: `mopti-${role}-reports`, name: `Mopti ${role} reports`, publisher: "Partner", url: "", kind: "report", cadenceDays: null }), {});
    expect(res.status).toBe(201);
    expect((await res.json()).data).toMatchObject({ code: `mopti-${role}-reports`, needsReview: true });
  });
});

describe("a viewer limited to Mopti", () => {
  it("writes nowhere, Mopti included: the role comes first", async () => {
    asToken(tokens["mopti-viewer"]!);
    expect((await figuresPost(json("POST", "/api/v1/figures", figure("ML05")), {})).status).toBe(403);
    const res = await eventsPost(json("POST", "/api/v1/events", { title: "Viewer event", startDate: "2031-08-01", region: "ML05", sourceUrl: "https://reliefweb.int/country/mli" }), {});
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  });
});

describe("an analyst limited to a dataset", () => {
  it("writes figures into it anywhere, the national level included; another dataset is refused naming it", async () => {
    asToken(tokens["dtm-analyst"]!);
    expect((await figuresPost(json("POST", "/api/v1/figures", figure("ML07")), {})).status).toBe(201);
    expect((await figuresPost(json("POST", "/api/v1/figures", figure("ML")), {})).status).toBe(201);
    const other = await figuresPost(json("POST", "/api/v1/figures", figure("ML07", { dataset: "idmc-gidd" })), {});
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual(refusal("dataset", "idmc-gidd"));
  });

  it("creates no dataset (403 outside_scope naming it)", async () => {
    asToken(tokens["dtm-analyst"]!);
    const res = await datasetsPost(json("POST", "/api/v1/datasets", { code: "dtm-extra", name: "Extra", publisher: "Partner", url: "", kind: "report", cadenceDays: null }), {});
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual(refusal("dataset", "dtm-extra"));
    expect(await db().dataset.count({ where: { code: "dtm-extra" } })).toBe(0);
  });

  it("imports into its dataset; rows going to another dataset, or to a new one, are row errors naming it", async () => {
    asToken(tokens["dtm-analyst"]!);
    const upload = (dataset: string | null, organisation: string) => {
      const form = new FormData();
      form.set("file", new File(["#adm1+code,#date,#affected+idps+ind\nML07,2033-03-31,50\nML05,2033-03-31,60"], "dtm.csv", { type: "text/csv" }));
      if (dataset) form.set("dataset", dataset);
      form.set("sourceOrganisation", organisation);
      return importsPost(new Request("http://localhost/api/v1/imports", { method: "POST", body: form }), {});
    };
    const other = (await (await upload("idmc-gidd", "IDMC")).json()).data;
    expect(other.errors).toEqual([2, 3].map((line) => ({ line, column: "dataset", reason: expect.stringContaining("dataset idmc-gidd lies outside your scope") })));
    const fresh = (await (await upload(null, "A partner never seen")).json()).data;
    expect(fresh.errors).toEqual([2, 3].map((line) => ({ line, column: "dataset", reason: expect.stringContaining("new dataset for A partner never seen") })));
    expect(await db().dataset.count({ where: { name: "A partner never seen" } })).toBe(0);
    expect((await upload("iom-dtm-mali", "IOM DTM")).status).toBe(201);
  });
});

describe("an analyst without a scope", () => {
  it("writes national figures and events, as before scopes", async () => {
    asToken(tokens["free-analyst"]!);
    expect((await figuresPost(json("POST", "/api/v1/figures", figure("ML")), {})).status).toBe(201);
    expect((await eventsPost(json("POST", "/api/v1/events", { title: "National event", startDate: "2031-09-01", region: null, sourceUrl: "https://reliefweb.int/country/mli" }), {})).status).toBe(201);
  });
});

describe("the forms' Server Actions", () => {
  it("the figure form saves in scope and answers outside_scope (the region named) elsewhere", async () => {
    await asSession(users["mopti-analyst"]!);
    expect(await saveFigure({ values: figure("ML05") })).toMatchObject({ status: "saved" });
    expect(await saveFigure({ values: figure("ML07") })).toEqual({ status: "outside_scope", outside: { kind: "region", code: "ML07" } });
  });

  it("the event form refuses a region outside the scope at its region field", async () => {
    await asSession(users["mopti-analyst"]!);
    const form = (region: string) => {
      const data = new FormData();
      for (const [k, v] of Object.entries({ title: `Form event ${region}`, titleFr: "", startDate: "2031-10-01", endDate: "", region, sourceUrl: "https://reliefweb.int/country/mli", note: "" })) data.set(k, v);
      return createEventAction(IDLE, data);
    };
    expect(await form("ML07")).toMatchObject({ status: "error", errors: { region: "eventOutsideScope" } });
    expect(await form("ML05")).toMatchObject({ status: "ok" });
  });

  it("a scope changed by an admin applies at the writer's next request", async () => {
    const writer = await createUser({ email: "moving@scopes.test", role: "analyst", password: "moving-long-password-1", scope: MOPTI });
    const token = await createToken(writer.id, "tests", 1, writer);
    asToken(token);
    expect((await figuresPost(json("POST", "/api/v1/figures", figure("ML07")), {})).status).toBe(403);
    await setScope(writer.id, { regions: ["ML07"], datasets: [], readScoped: false }, null);
    expect((await figuresPost(json("POST", "/api/v1/figures", figure("ML07")), {})).status).toBe(201);
    expect((await figuresPost(json("POST", "/api/v1/figures", figure("ML05")), {})).status).toBe(403);
  });
});
