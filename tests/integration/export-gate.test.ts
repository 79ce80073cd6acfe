// Heavy exports run a few at a time: at most EXPORT_MAX_PER_USER for one user
// and EXPORT_MAX_TOTAL in all; beyond, 429 with Retry-After. A slot is held
// until the file has been sent (or the download was cancelled), so a client
// that reads slowly keeps it, and a finished one gives it back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { exportFigures } from "../../lib/api/figure-exports";
import { runningExports, withExportSlot } from "../../lib/api/export-gate";

let ana: SessionUser;
let ben: SessionUser;
let eve: SessionUser;

beforeAll(async () => {
  process.env.EXPORT_MAX_PER_USER = "2";
  process.env.EXPORT_MAX_TOTAL = "3";
  process.env.DATABASE_URL = await createTestDatabase("exportgate");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  ana = await createUser({ email: "ana@test.org", role: "viewer", password: "exporter-long-password" });
  ben = await createUser({ email: "ben@test.org", role: "viewer", password: "exporter-long-password" });
  eve = await createUser({ email: "eve@test.org", role: "viewer", password: "exporter-long-password" });
});

afterAll(async () => {
  await disconnectDb();
});

// Every figure: far more than one chunk, so an unread body is still running.
const everything = (user: SessionUser) => withExportSlot(user.id, () => exportFigures("csv", new URLSearchParams(""), user));

describe("export slots", () => {
  it("refuses a user's third concurrent export with 429, then the server's fourth, and takes them back as files finish or are cancelled", async () => {
    const a1 = await everything(ana);
    const a2 = await everything(ana);
    expect([a1.status, a2.status]).toEqual([200, 200]);

    const a3 = await everything(ana);
    expect(a3.status).toBe(429);
    expect(a3.headers.get("retry-after")).toBe("10");
    const refusal = (await a3.json()) as { error: { code: string; reason: string; message: string } };
    expect(refusal.error).toMatchObject({ code: "too_many_exports", reason: "user" });
    expect(refusal.error.message).toMatch(/already have 2 exports running/);

    const b1 = await everything(ben);
    expect(b1.status).toBe(200);
    expect(runningExports()).toBe(3);
    const e1 = await everything(eve);
    expect(e1.status).toBe(429);
    expect(((await e1.json()) as { error: { reason: string } }).error.reason).toBe("server");

    // Reading a file to its end gives its slot back: the whole file came through the gate.
    const text = await a1.text();
    expect(text.split("\n").length).toBeGreaterThan(1000);
    expect(runningExports(ana.id)).toBe(1);
    const a4 = await everything(ana);
    expect(a4.status).toBe(200);

    // A cancelled download (the client went away) gives its slot back too.
    await a2.body!.cancel();
    await b1.body!.cancel();
    await a4.body!.cancel();
    expect(runningExports()).toBe(0);
    const e2 = await everything(eve);
    expect(e2.status).toBe(200);
    await e2.body!.cancel();
  });

  it("gives the slot back when the export is refused before it starts (bad filters)", async () => {
    const refused = await withExportSlot(ana.id, () => exportFigures("csv", new URLSearchParams("from=2024-13-45"), ana));
    expect(refused.status).toBe(400);
    await refused.text();
    expect(runningExports()).toBe(0);
  });
});
