// The authorization matrix: every page and route handler under app/ (found by
// reading app/, see route-inventory.ts) against anonymous visitors and each
// role. Writes are only sent by roles that must be refused, so the matrix
// never changes data. Its scope dimension (each write in and out of a
// writer's regions, each read by a read-scoped viewer, checked on the record)
// is authorization-scope.spec.ts, over the same inventory.
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ROLES, type Role } from "../lib/auth/permissions";
import { inventory, PUBLIC_API, PUBLIC_PAGES, rolesWith, TOKEN_PAGES } from "./route-inventory";
import { cli, logIn } from "./helpers";

const { pages, api, problems } = inventory(path.resolve(import.meta.dirname, "../app"));

// A page load and a request per route: the matrix grows with the app (the
// events routes took a role's pass past 30 s on a loaded machine).
test.describe.configure({ timeout: 120_000 });

test("every page calls requireUser and every route handler is wrapped in withApi", () => {
  expect(problems).toEqual([]);
  expect(pages.length).toBeGreaterThan(15);
  expect(api.length).toBeGreaterThan(12);
});

test("anonymous: pages redirect to the login page, route handlers answer 401", async ({ page, request }) => {
  for (const route of pages.filter((p) => !PUBLIC_PAGES.has(p.path))) {
    await page.goto(route.path);
    await expect(page, `${route.file}`).toHaveURL(/\/login(\?|$)/);
  }
  for (const route of api.filter((r) => !PUBLIC_API.some((re) => re.test(r.path)))) {
    const res = await request.fetch(route.path, { method: route.method, failOnStatusCode: false, maxRedirects: 0 });
    expect(res.status(), `${route.method} ${route.path}`).toBe(401);
  }
});

test("anonymous: a public link's page opens without login; an unknown token is a 404 page, not the login page", async ({ page }) => {
  expect([...TOKEN_PAGES].every((p) => pages.some((route) => route.path === p && route.permission === null))).toBe(true);
  for (const path of TOKEN_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page, path).not.toHaveURL(/\/login(\?|$)/);
    expect(response?.headers()["x-robots-tag"], path).toContain("noindex");
  }
});

test("an API token opens /api/v1 only: with an admin's token every page still asks to log in", async ({ browser }) => {
  const token = cli(["token", "create", "admin@example.org", "--name", "matrix", "--days", "1"]).trim().split("\n").pop()!;
  const context = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const page = await context.newPage();
  for (const route of pages.filter((p) => !PUBLIC_PAGES.has(p.path))) {
    await page.goto(route.path);
    await expect(page, route.file).toHaveURL(/\/login(\?|$)/);
  }
  for (const route of api.filter((r) => r.permission && r.method === "GET")) {
    const res = await context.request.get(route.path, { failOnStatusCode: false });
    expect([401, 403], `GET ${route.path}`).not.toContain(res.status());
  }
  await context.close();
});

async function send(page: Page, request: APIRequestContext, method: string, url: string) {
  const origin = new URL(page.url()).origin;
  // Same-origin headers, so the role check (not a CSRF check) is what answers.
  return request.fetch(url, { method, headers: { origin, "content-type": "application/json" }, data: method === "GET" ? undefined : "{}", failOnStatusCode: false });
}

for (const role of ROLES) {
  test(`${role}: refused exactly where the permission table says so`, async ({ page }) => {
    await logIn(page, role as Role);
    const request = page.request;
    for (const route of pages.filter((p) => p.permission)) {
      const allowed = rolesWith(route.permission!).includes(role);
      await page.goto(route.path);
      if (allowed) await expect(page, route.file).not.toHaveURL(/\/(login|forbidden)(\?|$)/);
      else await expect(page, route.file).toHaveURL(/\/forbidden$/);
    }
    for (const route of api.filter((r) => r.permission)) {
      const allowed = rolesWith(route.permission!).includes(role);
      if (allowed && route.method !== "GET") continue; // never write in the matrix
      const res = await send(page, request, route.method, route.path);
      if (allowed) expect([401, 403], `${route.method} ${route.path}`).not.toContain(res.status());
      else expect(res.status(), `${role} ${route.method} ${route.path}`).toBe(403);
    }
  });
}
