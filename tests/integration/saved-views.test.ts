// Saved views against real PostgreSQL: who may see, change and delete which
// view, the one same-origin path rule, and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { createUser } from "../../lib/data/users";
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
});
