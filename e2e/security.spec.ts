// The security headers on every response, a CSP that blocks nothing the app
// needs (Next's scripts, recharts' inline styles), cookie flags, and the
// Origin check on state-changing requests.
import { expect, test, type Page } from "@playwright/test";
import { cli, logIn } from "./helpers";

/** Collects CSP violations (events and console reports) from the next navigation on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const consoleReports: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) consoleReports.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...consoleReports, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

test("every page carries the security headers, with a fresh nonce each time", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const csp = first.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(second.headers()["content-security-policy"]).not.toBe(csp);
  for (const res of [first, await request.get("/api/health"), await request.get("/api/v1/regions")]) {
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["referrer-policy"]).toBe("same-origin");
    expect(res.headers()["x-frame-options"]).toBe("DENY");
    // HSTS only in production over https: this run is plain http.
    expect(res.headers()["strict-transport-security"]).toBeUndefined();
  }
  // Static files too (next.config.js headers).
  const html = await first.text();
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk).toBeTruthy();
  expect((await request.get(chunk!)).headers()["x-content-type-options"]).toBe("nosniff");
  // Next put the nonce on its scripts.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  expect(html).toContain(`nonce="${nonce}"`);
});

test("the overview, a recharts page and the figure form run under the CSP with no violation", async ({ page }) => {
  const violations = await watchCsp(page);
  await logIn(page, "analyst");
  // Hydrated: a client-side control works.
  const figure = page.locator("figure").first();
  await figure.getByRole("button", { name: "Table" }).click();
  await expect(figure.locator("table")).toBeVisible();
  expect(await violations()).toEqual([]);

  await page.goto("/displacement");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  expect(await violations()).toEqual([]);

  // A form validated in the browser with zod (whose object schemas probe `new Function` unless jitless).
  await page.goto("/figures/new");
  await page.getByLabel("Indicator").selectOption("idps");
  await expect(page.getByRole("button", { name: "Save" })).toBeEnabled();
  expect(await violations()).toEqual([]);

  // The watcher does see a violation: an injected inline handler is blocked.
  await page.evaluate(() => {
    const b = document.createElement("button");
    b.setAttribute("onclick", "document.title = 'pwned'");
    document.body.append(b);
    b.click();
  });
  await expect.poll(violations).not.toEqual([]);
  expect(await page.title()).not.toBe("pwned");
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await logIn(page, "viewer");
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  // Plain http here; with an https NEXTAUTH_URL next-auth sets Secure and the __Secure- prefix.
  expect(session!.secure).toBe(false);
});

test("a state-changing request with the session cookie needs this site's Origin; Bearer calls do not", async ({ page }) => {
  await logIn(page, "analyst");
  const origin = new URL(page.url()).origin;
  const body = { indicator: "idps" };
  for (const headers of [{}, { Origin: "http://evil.example" }, { Origin: "null" }] as Record<string, string>[]) {
    const res = await page.request.post("/api/v1/figures", { headers, data: body });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden_origin");
  }
  expect((await page.request.delete("/api/v1/figures/1", { headers: { Origin: "http://evil.example" } })).status()).toBe(403);
  // From the site itself, the request reaches the handler (which refuses the incomplete figure).
  const same = await page.request.post("/api/v1/figures", { headers: { Origin: origin }, data: body });
  expect(same.status()).toBe(400);
  // A Bearer token is exempt, even next to the cookie: a cross-site page cannot send one.
  const token = cli(["token", "create", "analyst@example.org", "--name", "origin-test"]).trim().split("\n").pop()!;
  const bearer = await page.request.post("/api/v1/figures", { headers: { Authorization: `Bearer ${token}` }, data: body });
  expect(bearer.status()).toBe(400);
  // A GET needs no Origin.
  expect((await page.request.get("/api/v1/regions")).status()).toBe(200);
});
