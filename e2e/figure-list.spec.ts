// /figures: every figure, keyset-paged, searched and filtered, with the total;
// and a view saved with its filters, listed, and opened again.
import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./helpers";

const rowIds = (page: Page) => page.locator("table.figure-list tbody tr td:first-child").allTextContents();
const total = (page: Page) => page.locator(".figure-total");

/** Follows a pager link and waits for its page: its URL, and a first row that is not the one before. */
async function follow(page: Page, name: string): Promise<string[]> {
  const before = await rowIds(page);
  const link = page.getByRole("link", { name, exact: true });
  const href = (await link.getAttribute("href"))!;
  await link.click();
  await page.waitForURL((url) => url.pathname + url.search === href);
  await expect(page.locator("table.figure-list tbody tr td:first-child").first()).not.toHaveText(before[0]!);
  return rowIds(page);
}

test.describe("figures list", () => {
  test("pages past the first page with 'Next page', rows differ, the total stays, 'Previous page' comes back", async ({ page }) => {
    await logIn(page, "viewer");
    await page.goto("/figures");
    const api = (await (await page.request.get("/api/v1/figures?limit=1")).json()) as { meta: { total: number } };
    expect(api.meta.total).toBeGreaterThan(150);
    await expect(total(page)).toHaveText(`${api.meta.total.toLocaleString("en-GB")} figures`);
    const first = await rowIds(page);
    expect(first).toHaveLength(50);
    await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);

    const second = await follow(page, "Next page");
    await expect(page).toHaveURL(/[?&]after=[A-Za-z0-9_-]+/);
    const third = await follow(page, "Next page");
    expect(second).toHaveLength(50);
    expect(third).toHaveLength(50);
    // No row twice across the three pages.
    expect(new Set([...first, ...second, ...third]).size).toBe(150);
    await expect(total(page)).toHaveText(`${api.meta.total.toLocaleString("en-GB")} figures`);

    expect(await follow(page, "Previous page")).toEqual(second);
    expect(await follow(page, "First page")).toEqual(first);
  });

  test("filters by dataset and searches; the URL keeps the view; the total equals the API's; French says 'chiffres'", async ({ page }) => {
    await logIn(page, "viewer");
    await page.goto("/figures");
    await page.getByLabel("Dataset").selectOption("iom-dtm-mali");
    await page.getByLabel("Search").fill("Mopti");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/dataset=iom-dtm-mali/);
    await expect(page).toHaveURL(/q=Mopti/);
    const api = (await (await page.request.get("/api/v1/figures?dataset=iom-dtm-mali&q=Mopti&limit=50000")).json()) as { data: { id: number; dataset: { name: string } }[]; meta: { total: number } };
    expect(api.meta.total).toBeGreaterThan(0);
    const all = (await (await page.request.get("/api/v1/figures?limit=1")).json()) as { meta: { total: number } };
    expect(api.meta.total).toBeLessThan(all.meta.total);
    await expect(total(page)).toHaveText(new RegExp(`^${api.meta.total.toLocaleString("en-GB")} figures?$`));
    const ids = (await rowIds(page)).map(Number);
    expect(ids.every((id) => api.data.some((f) => f.id === id))).toBe(true);
    await expect(page.getByLabel("Dataset")).toHaveValue("iom-dtm-mali");
    await expect(page.getByLabel("Search")).toHaveValue("Mopti");

    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
    await page.goto("/figures");
    const fr = all.meta.total.toLocaleString("fr-FR").replace(/\s/g, "\u202f");
    await expect(total(page)).toHaveText(`${fr} chiffres`);
    await expect(page.getByRole("link", { name: "Page suivante" })).toBeVisible();
  });

  test("a saved view, shared with everyone, is listed and opens with its filters; another user cannot delete it", async ({ page, browser }) => {
    const name = `DTM in Mopti ${Date.now()}`;
    await logIn(page, "analyst");
    await page.goto("/figures?dataset=iom-dtm-mali&region=ML05");
    await page.getByRole("button", { name: "Save view" }).click();
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Share with everyone").check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("View saved: find it under Saved views.")).toBeVisible();

    await page.getByRole("link", { name: "Saved views" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Saved views" })).toBeVisible();
    await page.getByRole("link", { name }).click();
    await expect(page).toHaveURL(/\/figures\?dataset=iom-dtm-mali&region=ML05$/);
    await expect(page.getByLabel("Dataset")).toHaveValue("iom-dtm-mali");
    await expect(page.getByLabel("Region")).toHaveValue("ML05");

    // A viewer finds it among the shared views, and has no button to delete it.
    const other = await browser.newContext();
    const viewer = await other.newPage();
    await logIn(viewer, "viewer");
    await viewer.goto("/views");
    const row = viewer.locator("tr", { has: viewer.getByRole("link", { name }) });
    await expect(row).toContainText("Demo Analyst");
    await expect(row.getByRole("button")).toHaveCount(0);
    await other.close();

    // Its owner deletes it.
    await page.goto("/views");
    await page.getByRole("button", { name: `Delete the view ${name}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "View deleted." })).toBeVisible();
    await expect(page.getByRole("link", { name })).toHaveCount(0);
  });
});
