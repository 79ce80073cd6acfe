// The review through the real route handlers (API tokens) and the Server
// Actions (session cookies), next/headers replaced by ./fake-request.ts: the
// role check of withApi and of each action, then the record's.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "./test-database";
import { asSession, asToken } from "./fake-request";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { createToken } from "../../lib/data/user-admin";
import { createDataset } from "../../lib/data/datasets";
import { POST as figuresPost } from "../../app/api/v1/figures/route";
import { POST as approvePost } from "../../app/api/v1/figures/[id]/approve/route";
import { POST as returnPost } from "../../app/api/v1/figures/[id]/return/route";
import { POST as submitPost } from "../../app/api/v1/figures/[id]/submit/route";
import { GET as queueGet } from "../../app/api/v1/review-queue/route";
import { approveFigures, returnFigures, submitForReview } from "../../app/review/actions";

vi.mock("next/headers", async () => (await import("./fake-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("./fake-request")).nextCache);

const users = {} as Record<"reviewer" | "analyst" | "viewer", SessionUser>;
const tokens = {} as Record<"reviewer" | "analyst" | "viewer", string>;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  process.env.DATABASE_URL = await createTestDatabase("review_routes");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  for (const role of ["reviewer", "analyst", "viewer"] as const) {
    users[role] = await createUser({ email: `${role}@review.test`, role, password: `${role}-long-password-1` });
    tokens[role] = await createToken(users[role].id, "tests", 1, users[role]);
  }
  await createDataset({ code: "field-reports", name: "Field reports", publisher: "Partner", url: "", kind: "report", cadenceDays: null }, null);
});

afterAll(async () => {
  await disconnectDb();
});

const json = (path: string, body: unknown) => new Request(`http://localhost${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const at = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
let day = 0;
async function submitted(): Promise<number> {
  day += 1;
  asToken(tokens.analyst);
  const date = `2035-02-${String(day).padStart(2, "0")}`;
  const res = await figuresPost(json("/api/v1/figures", { indicator: "idps", region: "ML05", periodStart: date, periodEnd: date, value: 100 + day, dataset: "field-reports", source: { organisation: "Partner", title: "Field report", date } }), {});
  const body = await res.json();
  expect(body.data.status).toBe("submitted");
  return body.data.id as number;
}

describe("route handlers", () => {
  it("approve and return answer 403 to analysts and viewers before any record; 400 without a comment; 200 for a reviewer", async () => {
    const id = await submitted();
    for (const role of ["analyst", "viewer"] as const) {
      asToken(tokens[role]);
      expect((await approvePost(json(`/api/v1/figures/${id}/approve`, {}), at(id))).status).toBe(403);
      expect((await queueGet(new Request("http://localhost/api/v1/review-queue"), {})).status).toBe(403);
    }
    asToken(tokens.reviewer);
    const missing = await returnPost(json(`/api/v1/figures/${id}/return`, {}), at(id));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatchObject({ code: "invalid_body", fields: { comment: "commentRequired" } });
    const queue = await (await queueGet(new Request("http://localhost/api/v1/review-queue?region=ML05&dataset=field-reports"), {})).json();
    expect(queue.data.map((i: { id: number }) => i.id)).toContain(id);
    const returned = await returnPost(json(`/api/v1/figures/${id}/return`, { comment: "Which site?" }), at(id));
    expect(returned.status).toBe(200);
    expect((await returned.json()).data).toMatchObject({ status: "returned", reviewComment: "Which site?" });
    asToken(tokens.analyst);
    expect((await submitPost(json(`/api/v1/figures/${id}/submit`, {}), at(id))).status).toBe(200);
    asToken(tokens.reviewer);
    expect((await approvePost(json(`/api/v1/figures/${id}/approve`, {}), at(id))).status).toBe(200);
    expect((await approvePost(json(`/api/v1/figures/${id}/approve`, {}), at(id))).status).toBe(409);
    expect((await approvePost(json("/api/v1/figures/abc/approve", {}), { params: Promise.resolve({ id: "abc" }) })).status).toBe(400);
  });
});

describe("Server Actions", () => {
  it("check the role, then each record: analysts are refused; a bulk approve lists what it could not do", async () => {
    const a = await submitted();
    const b = await submitted();
    await asSession(users.analyst);
    expect(await approveFigures([a])).toEqual({ status: "forbidden" });
    await asSession(users.reviewer);
    expect(await returnFigures([a], "  ")).toEqual({ status: "invalid", error: "commentRequired" });
    await db().figure.update({ where: { id: b }, data: { status: "draft" } });
    expect(await approveFigures([a, b])).toEqual({ status: "done", done: [a], refused: [{ id: b, reason: "not_submitted" }] });
    await asSession(users.analyst);
    expect(await submitForReview(b)).toEqual({ status: "done", done: [b], refused: [] });
    await asSession(users.viewer);
    expect(await submitForReview(b)).toEqual({ status: "forbidden" });
  });
});
