// GET /api/health answers 200 with a reachable database and 503 without one
// (issue 6 will test a real restart under load).
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { disconnectDb } from "../../lib/db/client";
import { freePort } from "../../lib/db/embedded";
import { GET } from "../../app/api/health/route";

afterAll(async () => {
  await disconnectDb();
});

async function pointAt(url: string): Promise<void> {
  await disconnectDb();
  process.env.DATABASE_URL = url;
}

describe("GET /api/health", () => {
  it("is 200 with a reachable database, 503 with an unreachable one, 200 again once reachable", async () => {
    const live = await createTestDatabase("health");
    await pointAt(live);
    let response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });

    await pointAt(`postgresql://nobody:nothing@127.0.0.1:${await freePort()}/none`);
    response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", db: "unavailable" });

    await pointAt(live);
    expect((await GET()).status).toBe(200);
  });
});
