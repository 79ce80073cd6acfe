// Events through the real route handlers (API tokens), next/headers replaced
// by ./fake-request.ts: who may write, the shapes and refusals, optimistic
// locking, the audit trail, the region rule of GET, the seed's events and
// the dashboard version a write bumps (the charts' cached reads).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "./test-database";
import { asToken } from "./fake-request";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { eventsFor } from "../../lib/data/events";
import { dashboardVersion } from "../../lib/data/cache";
import { createUser, type SessionUser } from "../../lib/data/users";
import { createToken } from "../../lib/data/user-admin";
import { isSourceUrl } from "../../lib/validation/source-url";
import { EVENTS } from "../../prisma/seed-data/events";
import { GET as eventsGet, POST as eventsPost } from "../../app/api/v1/events/route";
import { DELETE as eventDelete, GET as eventGet, PATCH as eventPatch } from "../../app/api/v1/events/[id]/route";

vi.mock("next/headers", async () => (await import("./fake-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("./fake-request")).nextCache);
// React's cache() keeps one value per request; these calls have none, so read the version each time.
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: <F>(fn: F) => fn }));

const users = {} as Record<"admin" | "analyst" | "viewer", SessionUser>;
const tokens = {} as Record<"admin" | "analyst" | "viewer", string>;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  process.env.DATABASE_URL = await createTestDatabase("events_api");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  for (const role of ["admin", "analyst", "viewer"] as const) {
    users[role] = await createUser({ email: `${role}@events.test`, role, password: `${role}-long-password-1` });
    tokens[role] = await createToken(users[role].id, "tests", 1, users[role]);
  }
});

afterAll(async () => {
  await disconnectDb();
});

const json = (method: string, path: string, body: unknown) => new Request(`http://localhost${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const idContext = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const list = async (query = "") => (await eventsGet(new Request(`http://localhost/api/v1/events${query}`), {})).json();

const gaoFlood = { title: "Floods in Gao", titleFr: "Inondations à Gao", startDate: "2024-08-20", endDate: "2024-09-10", region: "ML07", sourceUrl: "https://reliefweb.int/country/mli", note: "Test event" };

describe("the seed's events", () => {
  it("holds the major events of the crisis, each dated and with an http(s) source", async () => {
    asToken(tokens.viewer);
    const { data } = await list();
    expect(data.length).toBe(EVENTS.length);
    const byTitle = new Map(data.map((e: { title: string }) => [e.title, e]));
    expect(byTitle.get("Military coup in Bamako")).toMatchObject({ startDate: "2012-03-22", endDate: null, region: null });
    expect(byTitle.get("Military coup ousts President Keïta")).toMatchObject({ startDate: "2020-08-18" });
    expect(byTitle.get("ECOWAS sanctions")).toMatchObject({ startDate: "2022-01-09", endDate: "2022-07-03" });
    expect(byTitle.get("End of MINUSMA")).toMatchObject({ startDate: "2023-06-30", endDate: "2023-12-31", sourceUrl: "https://undocs.org/S/RES/2690(2023)" });
    for (const e of data) expect(isSourceUrl(e.sourceUrl), e.title).toBe(true);
  });

  it("are not created twice by a second seed", async () => {
    const report = await seed({ demoUsers: false });
    expect(report.eventsCreated).toBe(0);
    expect(await db().event.count()).toBe(EVENTS.length);
  });
});

describe("GET /api/v1/events", () => {
  it("gives a region its own events and the national ones; ML the national ones only; from/to the overlapping ones", async () => {
    asToken(tokens.viewer);
    const bamako = (await list("?region=ML09")).data;
    expect(bamako.some((e: { region: string | null }) => e.region === "ML09")).toBe(true);
    expect(bamako.every((e: { region: string | null }) => e.region === null || e.region === "ML09")).toBe(true);
    expect((await list("?region=ML")).data.every((e: { region: string | null }) => e.region === null)).toBe(true);
    expect((await list("?region=ML05")).data.some((e: { region: string | null }) => e.region === "ML09")).toBe(false);
    // The sanctions (9 January – 3 July 2022) overlap a range that starts after they began.
    const titles = (await list("?from=2022-03-01&to=2022-03-31")).data.map((e: { title: string }) => e.title);
    expect(titles).toEqual(["ECOWAS sanctions", "French withdrawal (Operation Barkhane)"]);
  });

  it("refuses unknown parameters, bad dates and a cercle as region with invalid_parameter", async () => {
    asToken(tokens.viewer);
    for (const [query, parameter] of [["?regions=ML05", "regions"], ["?from=2022-02-30", "from"], ["?region=ML0501", "region"], ["?region=ML99", "region"], ["?from=2023-01-01&to=2022-01-01", "to"]]) {
      const res = await eventsGet(new Request(`http://localhost/api/v1/events${query}`), {});
      expect(res.status, query).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: "invalid_parameter", parameter });
    }
  });
});

describe("writing events", () => {
  it("lets an analyst create, change and delete an event, each audited with before and after", async () => {
    asToken(tokens.analyst);
    const created = await eventsPost(json("POST", "/api/v1/events", gaoFlood), {});
    expect(created.status).toBe(201);
    const event = (await created.json()).data;
    expect(event).toMatchObject({ ...gaoFlood, version: 1, createdBy: users.analyst.email });

    const changed = await eventPatch(json("PATCH", `/api/v1/events/${event.id}`, { version: 1, note: "Changed", endDate: null }), idContext(event.id));
    expect(changed.status).toBe(200);
    expect((await changed.json()).data).toMatchObject({ ...gaoFlood, note: "Changed", endDate: null, version: 2 });

    const deleted = await eventDelete(new Request(`http://localhost/api/v1/events/${event.id}?version=2`, { method: "DELETE" }), idContext(event.id));
    expect(deleted.status).toBe(204);
    expect((await eventGet(new Request("http://localhost"), idContext(event.id))).status).toBe(404);

    const trail = await db().auditEvent.findMany({ where: { entity: "event", entityId: String(event.id) }, orderBy: { id: "asc" } });
    expect(trail.map((a) => [a.action, a.userId])).toEqual([
      ["event.create", users.analyst.id],
      ["event.update", users.analyst.id],
      ["event.delete", users.analyst.id],
    ]);
    expect(trail[1]!.before).toMatchObject({ note: "Test event", version: 1 });
    expect(trail[1]!.after).toMatchObject({ note: "Changed", version: 2 });
    expect(trail[2]!.before).toMatchObject({ note: "Changed" });
  });

  it("refuses a stale version with version_conflict and the event as it is now, and changes nothing", async () => {
    asToken(tokens.admin);
    const event = (await (await eventsPost(json("POST", "/api/v1/events", { ...gaoFlood, title: "Locking test" }), {})).json()).data;
    expect((await eventPatch(json("PATCH", `/api/v1/events/${event.id}`, { version: 1, note: "first" }), idContext(event.id))).status).toBe(200);
    const stale = await eventPatch(json("PATCH", `/api/v1/events/${event.id}`, { version: 1, note: "second" }), idContext(event.id));
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: "version_conflict", current: { version: 2, note: "first" } });
    const staleDelete = await eventDelete(new Request(`http://localhost/api/v1/events/${event.id}?version=1`, { method: "DELETE" }), idContext(event.id));
    expect(staleDelete.status).toBe(409);
    expect(await db().event.count({ where: { id: event.id } })).toBe(1);
    const noVersion = await eventPatch(json("PATCH", `/api/v1/events/${event.id}`, { note: "third" }), idContext(event.id));
    expect(noVersion.status).toBe(400);
    expect((await noVersion.json()).error).toMatchObject({ code: "invalid_body", fields: { version: expect.any(String) } });
  });

  it("answers invalid_body with each field's message, duplicate_event for the same title and day, not_found for a missing id", async () => {
    asToken(tokens.analyst);
    const bad = await eventsPost(json("POST", "/api/v1/events", { title: "", startDate: "2024-02-30", sourceUrl: "javascript:alert(1)", region: "ML0501" }), {});
    expect(bad.status).toBe(400);
    const error = (await bad.json()).error;
    expect(error.code).toBe("invalid_body");
    expect(Object.keys(error.fields).sort()).toEqual(["region", "sourceUrl", "startDate", "title"]);
    expect(error.fields.sourceUrl).toMatch(/http/);
    const backwards = await eventsPost(json("POST", "/api/v1/events", { ...gaoFlood, title: "Backwards", endDate: "2024-01-01" }), {});
    expect((await backwards.json()).error.fields).toEqual({ endDate: expect.stringMatching(/end date/) });
    const unknownRegion = await eventsPost(json("POST", "/api/v1/events", { ...gaoFlood, title: "Nowhere", region: "ML99" }), {});
    expect((await unknownRegion.json()).error.fields).toEqual({ region: expect.any(String) });
    const duplicate = await eventsPost(json("POST", "/api/v1/events", { title: "End of MINUSMA", startDate: "2023-06-30", sourceUrl: "https://example.org/" }), {});
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).error.code).toBe("duplicate_event");
    expect((await eventPatch(json("PATCH", "/api/v1/events/999999", { version: 1 }), idContext(999999))).status).toBe(404);
    expect((await eventPatch(json("PATCH", "/api/v1/events/abc", { version: 1 }), idContext("abc"))).status).toBe(400);
  });

  it("refuses every write to a viewer (403) and lets them read", async () => {
    asToken(tokens.viewer);
    const seeded = (await list()).data[0];
    expect((await eventsPost(json("POST", "/api/v1/events", { ...gaoFlood, title: "Viewer" }), {})).status).toBe(403);
    expect((await eventPatch(json("PATCH", `/api/v1/events/${seeded.id}`, { version: 1, note: "x" }), idContext(seeded.id))).status).toBe(403);
    expect((await eventDelete(new Request("http://localhost", { method: "DELETE" }), idContext(seeded.id))).status).toBe(403);
    expect((await eventGet(new Request("http://localhost"), idContext(seeded.id))).status).toBe(200);
    expect(await db().event.count({ where: { title: "Viewer" } })).toBe(0);
  });
});

describe("eventsFor (the charts' read)", () => {
  it("gives a chart its regions' and the national events in its range, and a write bumps the dashboard version it is cached by", async () => {
    const before = await dashboardVersion();
    const national = await eventsFor({ from: "2020-01-01", to: "2021-12-31" });
    expect(national.map((e) => e.title)).toEqual(["Military coup ousts President Keïta", "Second coup: the transition's civilian leaders overthrown"]);
    asToken(tokens.analyst);
    await eventsPost(json("POST", "/api/v1/events", { ...gaoFlood, title: "Gao event in 2020", startDate: "2020-10-01", endDate: null }), {});
    expect(await dashboardVersion()).not.toBe(before);
    expect((await eventsFor({ from: "2020-01-01", to: "2021-12-31" })).map((e) => e.title)).not.toContain("Gao event in 2020");
    expect((await eventsFor({ regions: ["ML07"], from: "2020-01-01", to: "2021-12-31" })).map((e) => e.title)).toContain("Gao event in 2020");
  });
});

describe("a viewer read-scoped to Mopti", () => {
  it("reads Mopti's events and the national ones, never another region's: in the list (whatever the filter) and by id (404)", async () => {
    asToken(tokens.analyst);
    const gao = (await (await eventsPost(json("POST", "/api/v1/events", { ...gaoFlood, title: "Gao event, read scope" }), {})).json()).data;
    const mopti = (await (await eventsPost(json("POST", "/api/v1/events", { ...gaoFlood, title: "Mopti event, read scope", region: "ML05" }), {})).json()).data;
    const reader = await createUser({ email: "mopti-reader@events.test", role: "viewer", password: "viewer-long-password-1" });
    await db().user.update({ where: { id: reader.id }, data: { scopeRegions: ["ML05"], readScoped: true } });
    asToken(await createToken(reader.id, "tests", 1, { ...reader, scope: { regions: ["ML05"], datasets: [], readScoped: true } }));
    for (const query of ["", "?region=ML07", "?region=ML05", "?from=2024-01-01"]) {
      const regions = new Set((await list(query)).data.map((e: { region: string | null }) => e.region));
      expect(regions.has("ML07"), query).toBe(false);
      expect([...regions].every((r) => r === null || r === "ML05"), query).toBe(true);
    }
    expect((await list("?region=ML05")).data.map((e: { title: string }) => e.title)).toContain(mopti.title);
    expect((await list()).data.some((e: { region: string | null }) => e.region === null)).toBe(true);
    expect((await eventGet(new Request("http://localhost"), idContext(gao.id))).status).toBe(404);
    expect((await eventGet(new Request("http://localhost"), idContext(mopti.id))).status).toBe(200);
    // The unscoped viewer reads both.
    asToken(tokens.viewer);
    expect((await eventGet(new Request("http://localhost"), idContext(gao.id))).status).toBe(200);
  });
});
