// Public read-only links: an admin links a region's snapshot; a browser that
// never logged in opens it (figures, no navigation, noindex), cannot post to
// it, and after the link is revoked is told it is gone.
import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

test("an admin's link to Mopti's snapshot opens without login, leads nowhere, is noindex, and dies when revoked", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await logIn(page, "admin");
  await page.goto("/snapshot?region=ML05");
  await page.getByRole("button", { name: "Create public link" }).click();
  await expect(page).toHaveURL(/\/admin\/links\?path=%2Fsnapshot%3Fregion%3DML05$/);
  await expect(page.getByLabel("Page")).toHaveValue("/snapshot");
  await expect(page.getByLabel("Region")).toHaveValue("ML05");
  const label = `Mopti bulletin ${Date.now()}`;
  await page.getByLabel("Label").fill(label);
  // At most a year (the server says so too: tests/integration/public-links.test.ts).
  await expect(page.getByLabel("Valid for (days)")).toHaveAttribute("max", "365");
  await page.getByLabel("Valid for (days)").fill("7");
  await page.getByRole("button", { name: "Create public link" }).click();
  const address = (await page.getByTestId("new-token").textContent())!;
  expect(address).toMatch(/^https?:\/\/[^/]+\/p\/[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("row", { name: new RegExp(label) });
  await expect(row).toContainText("/snapshot?region=ML05");
  await expect(row).toContainText("Never");

  // A visitor who never logged in.
  const visitor = await browser.newContext();
  const anon = await visitor.newPage();
  const response = await anon.goto(new URL(address).pathname);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  await expect(anon).toHaveURL(/\/p\/[A-Za-z0-9_-]{43}$/);
  await expect(anon.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(anon.locator('meta[name="robots"]')).toHaveAttribute("content", /nofollow/);
  await expect(anon.getByRole("heading", { level: 1, name: /Mopti/ })).toBeVisible();
  await expect(anon.locator(".snapshot-tiles li").first()).toBeVisible();
  await expect(anon.getByText(/Read-only link · published figures only · data as of/)).toBeVisible();
  // No navigation: no nav landmark, no account, no share tools, no link to another page of the app.
  await expect(anon.getByRole("navigation")).toHaveCount(0);
  await expect(anon.getByRole("button", { name: /Copy link|Save view|Log out|Create public link/ })).toHaveCount(0);
  const internal = await anon.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!).filter((href) => !href.startsWith("#") && !/^https?:\/\//.test(href)));
  expect(internal).toEqual([]);
  await expect(anon.locator('a[href*="/figures"], a[href*="/admin"], a[href*="/api/"]')).toHaveCount(0);
  // Read-only: no Server Action, no form post reaches the page.
  const post = await visitor.request.post(new URL(address).pathname, { headers: { "next-action": "0".repeat(40) }, data: "[]", failOnStatusCode: false });
  expect(post.status()).toBe(405);
  // A made-up x-sr-public header does not strip the app's navigation from another page.
  const forged = await page.request.get("/regions", { headers: { "x-sr-public": "1" } });
  expect(await forged.text()).toContain('aria-label="Main navigation"');

  // The admin page shows the visit.
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(label) })).not.toContainText("Never");

  await page.getByRole("button", { name: `Revoke “${label}”` }).click();
  // The list refreshes: the link is marked revoked and has no revoke button any more.
  await expect(page.getByRole("row", { name: new RegExp(label) })).toContainText("revoked");
  await expect(page.getByRole("button", { name: `Revoke “${label}”` })).toHaveCount(0);

  const gone = await anon.goto(new URL(address).pathname);
  expect(gone?.status()).toBe(404);
  await expect(anon.getByText("This link has expired or was revoked.")).toBeVisible();
  await expect(anon.getByRole("navigation")).toHaveCount(0);
  await expect(anon).not.toHaveURL(/\/login/);
  await visitor.close();
});
