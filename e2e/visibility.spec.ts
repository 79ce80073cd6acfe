// Who sees an unpublished figure in the browser: a viewer never (region page,
// figures list); a reviewer only with "Include unpublished" on, under its
// banner, the figure marked "Submitted" in the list. The figure is written
// straight into the database (as an analyst's submission) and removed after.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

const VALUE = "4,242,424";
const END = "2031-01-31";

function sql<T>(statement: string): T[] {
  const out = execFileSync("node", ["--import", "tsx", "e2e/sql.ts", statement], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR ?? ".data-test/e2e" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as T[];
}

let id: number;

test.beforeAll(() => {
  const [row] = sql<{ id: number }>(`
    INSERT INTO figures (indicator_id, region_id, period_start, period_end, value, dataset_id, source_id, status, created_by_id, updated_by_id, submitted_at)
    SELECT i.id, r.id, DATE '${END}', DATE '${END}', 4242424, d.id, (SELECT id FROM sources WHERE dataset_id = d.id ORDER BY id LIMIT 1), 'submitted', u.id, u.id, now()
      FROM indicators i, regions r, datasets d, users u
     WHERE i.code = 'idps' AND r.pcode = 'ML05' AND d.code = 'iom-dtm-mali' AND u.email = 'analyst@example.org'
    RETURNING id`);
  id = row!.id;
});

test.afterAll(() => {
  sql(`DELETE FROM figures WHERE id = ${id} RETURNING id`);
});

test("a viewer never sees a submitted figure, and has no switch to include it", async ({ page }) => {
  await logIn(page, "viewer");
  await expect(page.getByRole("switch", { name: "Include unpublished" })).toHaveCount(0);
  await page.goto("/regions/ML05");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(VALUE);
  await page.goto("/figures?indicator=idps&region=ML05");
  await expect(page.getByRole("link", { name: String(id), exact: true })).toHaveCount(0);
  const api = await page.request.get(`/api/v1/figures/${id}`);
  expect(api.status()).toBe(404);
});

test("a reviewer includes unpublished figures with the header's switch, under a banner, and turns it off again", async ({ page }) => {
  await logIn(page, "reviewer");
  const toggle = page.getByRole("switch", { name: "Include unpublished" });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await page.goto("/regions/ML05");
  await expect(page.locator("main")).not.toContainText(VALUE);
  await toggle.click();
  await expect(page.getByText("Including unpublished figures")).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expect(page.locator("main")).toContainText(VALUE);
  // Every page: the list marks it.
  await page.goto("/figures?indicator=idps&region=ML05");
  await expect(page.getByText("Including unpublished figures")).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: String(id), exact: true }) });
  await expect(row).toContainText("Submitted");
  await page.getByRole("switch", { name: "Include unpublished" }).click();
  await expect(page.getByText("Including unpublished figures")).toHaveCount(0);
  await page.goto("/regions/ML05");
  await expect(page.locator("main")).not.toContainText(VALUE);
});
