// Who sees an unpublished figure in the browser: a viewer never (region page,
// figures list); a reviewer only with "Include unpublished" on, under its
// banner, the figure marked "Submitted" in the list. The figure is written
// straight into the database (as an analyst's submission) and removed after.
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { cli, logIn, sql } from "./helpers";

const VALUE = "4,242,424";
const END = "2031-01-31";

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

test.describe("a viewer read-scoped to Mopti", () => {
  const email = "mopti-reader@example.org";
  const password = "mopti-reader-long-password";

  test.beforeAll(() => {
    cli(["user", "add", email, "--role", "viewer", "--password-stdin"], `${password}\n`);
    sql(`UPDATE users SET scope_regions = ARRAY['ML05'], read_scoped = true WHERE email = '${email}' RETURNING id`);
  });

  test.afterAll(() => {
    sql(`DELETE FROM users WHERE email = '${email}' RETURNING id`);
  });

  test("sees Mopti only, on the pages, in the API and in the exports; national figures are outside their scope", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mali at a glance" })).toBeVisible();
    await expect(page.getByText("National figures are outside your scope")).toBeVisible();
    await expect(page.locator("main").getByRole("link", { name: "Mopti" })).toBeVisible();

    await page.goto("/regions");
    const table = page.locator("main table").first();
    await expect(table.locator("a[href='/regions/ML05']")).toHaveCount(1);
    await expect(table.locator("a[href='/regions/ML07']")).toHaveCount(0);
    await expect(table.locator("tr.national-row")).toHaveCount(0);
    expect((await page.goto("/regions/ML07"))?.status()).toBe(404);
    expect((await page.goto("/regions/ML05"))?.status()).toBe(200);

    const gao = await (await page.request.get("/api/v1/figures?indicator=idps&region=ML07")).json();
    expect(gao.data).toEqual([]);
    const all = await (await page.request.get("/api/v1/figures?indicator=idps&limit=50000")).json();
    expect(all.data.length).toBeGreaterThan(0);
    expect(all.data.every((f: { region: string }) => f.region.startsWith("ML05"))).toBe(true);
    const csv = await (await page.request.get("/api/v1/figures.csv?indicator=idps")).text();
    const regions = (parse(csv.replace(/^\uFEFF/, ""), { columns: true }) as { region: string }[]).map((r) => r.region);
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((r) => r?.startsWith("ML05"))).toBe(true);
    const pack = await page.request.get("/api/v1/sitrep.pptx?region=ML07");
    expect(pack.status()).toBe(403);
    expect((await pack.json()).error).toMatchObject({ code: "outside_scope", region: "ML07" });
  });
});
