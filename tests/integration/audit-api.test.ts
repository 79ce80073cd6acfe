// GET /api/v1/audit and /api/v1/audit.csv, the real route handlers with an
// admin's token: impossible dates are a 400 naming the parameter, never a 500
// or an empty file.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "./test-database";
import { asToken } from "./fake-request";
import { migrate } from "../../lib/db/migrate";
import { disconnectDb } from "../../lib/db/client";
import { createUser } from "../../lib/data/users";
import { createApiToken } from "../../lib/data/user-admin";
import { GET as auditJson } from "../../app/api/v1/audit/route";
import { GET as auditCsv } from "../../app/api/v1/audit.csv/route";

vi.mock("next/headers", async () => (await import("./fake-request")).nextHeaders);

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  process.env.DATABASE_URL = await createTestDatabase("audit_api");
  await migrate(process.env.DATABASE_URL);
  await createUser({ email: "auditor@test.org", role: "admin", password: "auditor-long-password" });
  asToken(await createApiToken("auditor@test.org", "audit", 1));
});

afterAll(async () => {
  await disconnectDb();
});

const get = (handler: typeof auditJson, query: string) => handler(new Request(`http://localhost/api/v1/audit?${query}`), {});

describe("audit log API dates", () => {
  it.each([
    ["from=2024-99-99", "from"],
    ["from=2024-00-00", "from"],
    ["to=2023-02-29", "to"],
    ["from=2024-01-01&to=2024-13-01", "to"],
    ["from=2024-02-01&to=2024-01-31", "to"],
  ])("JSON and CSV refuse %s with 400 invalid_parameter naming %s", async (query, parameter) => {
    for (const handler of [auditJson, auditCsv]) {
      const res = await get(handler, query);
      expect(res.status, `${handler === auditJson ? "json" : "csv"} ${query}`).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "invalid_parameter", parameter, message: expect.stringContaining(parameter) } });
    }
  });

  it("a real date, a leap day included, answers with the events", async () => {
    const json = await get(auditJson, "from=2024-02-29");
    expect(json.status).toBe(200);
    expect((await json.json()).data.map((e: { action: string }) => e.action)).toContain("user.create");
    const csv = await get(auditCsv, "from=2024-02-29");
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("user.create");
  });
});
