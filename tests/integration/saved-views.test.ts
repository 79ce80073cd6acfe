// Saved views against real PostgreSQL: who may see, change and delete which
// view, the one same-origin path rule, and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { createUser } from "../../lib/data/users";
import { createViewEndpoint, deleteViewEndpoint, listViewsEndpoint, updateViewEndpoint } from "../../lib/api/views-endpoint";
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView, type SavedViewDto } from "../../lib/data/saved-views";

type Actor = { id: number; role: "admin" | "analyst" | "viewer" };
let ana: Actor;
let vic: Actor;
let adm: Actor;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("views");
  await migrate(process.env.DATABASE_URL);
  const user = async (email: string, name: string, role: Actor["role"]) => ({ id: (await createUser({ email, name, role, password: "a-long-enough-password" })).id, role });
  ana = await user("ana@test.org", "Ana", "analyst");
  vic = await user("vic@test.org", "Vic", "viewer");
  adm = await user("adm@test.org", "Adm", "admin");
});

afterAll(async () => {
  await disconnectDb();
});

async function save(actor: Actor, name: string, path: string, shared = false): Promise<SavedViewDto> {
  const outcome = await createSavedView(actor, { name, path, shared });
  if (outcome.status !== "saved") throw new Error(JSON.stringify(outcome));
  return outcome.view;
}

describe("saved views", () => {
  it("lists a user's own views and the views others share, never others' private ones", async () => {
    const privateOne = await save(ana, "Mopti IDPs", "/displacement?region=ML05");
    const sharedOne = await save(ana, "DTM figures", "/figures?dataset=iom-dtm-mali", true);
    expect(await listSavedViews(ana.id)).toEqual({ mine: [sharedOne, privateOne], shared: [] });
    const forVic = await listSavedViews(vic.id);
    expect(forVic.mine).toEqual([]);
    expect(forVic.shared.map((v) => [v.name, v.path, v.owner.name])).toEqual([["DTM figures", "/figures?dataset=iom-dtm-mali", "Ana"]]);
  });

  it("refuses a page with a scheme or host, and a view with no name", async () => {
    expect(await createSavedView(vic, { name: "Elsewhere", path: "https://evil.example/figures", shared: false })).toEqual({ status: "invalid", fields: { path: "pathInvalid" } });
    expect(await createSavedView(vic, { name: "Elsewhere", path: "//evil.example/figures", shared: false })).toEqual({ status: "invalid", fields: { path: "pathInvalid" } });
    expect(await createSavedView(vic, { name: "", path: "/map", shared: false })).toEqual({ status: "invalid", fields: { name: "nameRequired" } });
    expect(await db().savedView.count({ where: { userId: vic.id } })).toBe(0);
  });

  it("another user can neither delete nor change my view; I can; each change is audited", async () => {
    const mine = await save(vic, "My map", "/map?indicator=idps");
    expect(await deleteSavedView(ana, mine.id)).toEqual({ status: "forbidden" });
    expect(await updateSavedView(ana, mine.id, { name: "Hijacked" })).toEqual({ status: "forbidden" });
    // An admin may not delete a private view either: it is nobody else's business.
    expect(await deleteSavedView(adm, mine.id)).toEqual({ status: "forbidden" });
    const renamed = await updateSavedView(vic, mine.id, { name: "Displacement map", shared: true });
    expect(renamed).toMatchObject({ status: "saved", view: { name: "Displacement map", shared: true, path: "/map?indicator=idps" } });
    expect(await deleteSavedView(ana, mine.id)).toEqual({ status: "forbidden" });
    expect(await deleteSavedView(vic, mine.id)).toEqual({ status: "deleted" });
    expect(await deleteSavedView(vic, mine.id)).toEqual({ status: "not_found" });
    const events = await db().auditEvent.findMany({ where: { entity: "saved_view", entityId: String(mine.id) }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.userId])).toEqual([
      ["view.create", vic.id],
      ["view.update", vic.id],
      ["view.delete", vic.id],
    ]);
    expect(events[1]!.after).toMatchObject({ name: "Displacement map", shared: true });
  });

  it("an admin may delete a view shared with everyone", async () => {
    const shared = await save(vic, "Everyone's funding", "/funding", true);
    expect(await deleteSavedView(adm, shared.id)).toEqual({ status: "deleted" });
    expect((await listSavedViews(ana.id)).shared.map((v) => v.id)).not.toContain(shared.id);
    const event = await db().auditEvent.findFirstOrThrow({ where: { entity: "saved_view", entityId: String(shared.id), action: "view.delete" } });
    expect(event.userId).toBe(adm.id);
    expect(event.before).toMatchObject({ name: "Everyone's funding", userId: vic.id });
  });

  it("the API: the same rules, as JSON (201, 400 naming the field, 403, 404, 204)", async () => {
    const made = await createViewEndpoint(vic, { name: "API view", path: "/compare?indicator=idps" });
    expect(made).toMatchObject({ status: 201, body: { data: { name: "API view", path: "/compare?indicator=idps", shared: false, owner: { id: vic.id, name: "Vic" } } } });
    const id = (made.body as { data: SavedViewDto }).data.id;
    expect(await createViewEndpoint(vic, { name: "Away", path: "http://evil.example/x" })).toMatchObject({ status: 400, body: { error: { code: "invalid_body", fields: { path: expect.stringContaining("no scheme, host") } } } });
    expect(await createViewEndpoint(vic, [1])).toMatchObject({ status: 400, body: { error: { fields: { name: "is required" } } } });
    expect(await updateViewEndpoint(vic, String(id), "not an object")).toMatchObject({ status: 400, body: { error: { fields: { body: expect.any(String) } } } });
    expect(((await listViewsEndpoint(vic)).body as { data: { mine: SavedViewDto[] } }).data.mine.map((v) => v.id)).toContain(id);
    expect(await deleteViewEndpoint(ana, String(id))).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await updateViewEndpoint(adm, String(id), { shared: true })).toMatchObject({ status: 403 });
    expect(await deleteViewEndpoint(vic, "abc")).toMatchObject({ status: 400, body: { error: { code: "invalid_parameter", parameter: "id" } } });
    expect(await deleteViewEndpoint(vic, String(id))).toEqual({ status: 204 });
    expect(await deleteViewEndpoint(vic, String(id))).toMatchObject({ status: 404 });
  });
});
