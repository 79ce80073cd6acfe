// Issue 16, "the daily finish": forms put each error under its own field,
// date messages agree with the date fields, every button is styled, the audit
// filters line up, there is a favicon and no asset answers >= 400; imports
// say what is wrong with a file at the field that fixes it.
import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./helpers";

const MAIN_PAGES = ["/", "/displacement", "/food-security", "/funding", "/map", "/compare", "/regions/ML05", "/figures", "/figures/new", "/imports", "/imports/new", "/account", "/admin/users", "/admin/tokens", "/admin/datasets", "/admin/audit"];

/** Fails on any same-origin response >= 400 while `visit` runs (scripts, styles, fonts, icons, data). */
async function noFailedAssets(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const failed: string[] = [];
  const origin = new URL(page.url()).origin;
  const onResponse = (res: { url(): string; status(): number }) => {
    if (res.url().startsWith(origin) && res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
  };
  page.on("response", onResponse);
  await visit();
  page.off("response", onResponse);
  return failed;
}

test.describe("the daily finish", () => {
  test("a favicon, and no asset of the main pages answers >= 400", async ({ page }) => {
    test.setTimeout(120_000); // sixteen pages
    await logIn(page, "admin");
    const icon = await page.request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/image\//);
    await expect(page.locator('head link[rel~="icon"]').first()).toHaveAttribute("href", /icon/);
    const failed = await noFailedAssets(page, async () => {
      for (const path of MAIN_PAGES) {
        await page.goto(path);
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      }
    });
    expect(failed).toEqual([]);
    // The login page too, signed out: its icon is not behind the login.
    await page.context().clearCookies();
    const anonymous = await page.request.get("/icon.svg", { maxRedirects: 0 });
    expect(anonymous.status()).toBe(200);
  });

  test("every button on the main pages has the app's style, not the browser's", async ({ page }) => {
    test.setTimeout(120_000); // sixteen pages
    await logIn(page, "admin");
    const unstyled: string[] = [];
    for (const path of MAIN_PAGES) {
      await page.goto(path);
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      // Chromium's own button: 13.33 px system font, grey (239, 239, 239) face, outset border.
      const found = await page.locator("button:visible").evaluateAll((buttons) =>
        buttons
          .map((b) => ({ b, s: getComputedStyle(b) }))
          .filter(({ s }) => s.fontSize === "13.3333px" || s.backgroundColor === "rgb(239, 239, 239)" || s.borderTopStyle === "outset")
          .map(({ b }) => (b.textContent ?? "").trim() || b.getAttribute("aria-label") || "?"),
      );
      unstyled.push(...found.map((name) => `${path}: ${name}`));
    }
    expect(unstyled).toEqual([]);
  });

  test("the audit filters line up at 1280 px, also with an error under a date", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await logIn(page, "admin");
    for (const path of ["/admin/audit", "/admin/audit?from=2024-99-99"]) {
      await page.goto(path);
      const bar = page.getByRole("form", { name: "Filter" });
      const tops = await bar.locator("input, select, button").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
      expect(tops.length, path).toBeGreaterThanOrEqual(5);
      expect(new Set(tops).size, `${path}: ${tops.join(", ")}`).toBe(1);
    }
  });

  test("the figure form: two bad fields, each message under its own field, aria-invalid on exactly those two; the date message names no format the field does not show", async ({ page }) => {
    await logIn(page, "analyst");
    for (const locale of ["en", "fr"] as const) {
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: new URL("/", page.url()).href }]);
      await page.goto("/figures/new");
      const form = page.locator("form.figure-form");
      await form.locator("#f-indicator").selectOption("idps");
      await form.locator("#f-region").selectOption("ML04");
      // The date left empty, the value not a number; the source complete.
      await form.locator("#f-value").fill("abc");
      await form.locator("#f-source-organisation").fill("Protection Cluster Mali");
      await form.locator("#f-source-title").fill("Monthly update");
      await form.locator("#f-source-date").fill("2031-02-05");
      await form.locator("button[type=submit]").click();
      await expect(form.locator("[role=alert]")).toContainText(locale === "en" ? "2 fields" : "2 champs");
      const invalid = await form.locator('[aria-invalid="true"]').evaluateAll((els) => els.map((e) => e.id));
      expect(invalid.sort(), locale).toEqual(["f-periodStart", "f-value"]);
      for (const id of invalid) {
        const field = form.locator(`#${id}`);
        const errorId = (await field.getAttribute("aria-describedby"))!.split(" ").find((x) => x.startsWith("err-"))!;
        // The message is in the field's own box, right under it, and only once in the form.
        const message = form.locator(`.field:has(#${id}) > #${errorId}`);
        await expect(message).toHaveCount(1);
        expect(await form.getByText((await message.textContent())!, { exact: true }).count()).toBe(1);
      }
      const dateMessage = await form.locator("#err-periodStart").textContent();
      expect(dateMessage).not.toMatch(/YYYY|AAAA|JJ|MM-DD/);
    }
  });

  test("a PDF or a PNG is 'not a CSV or Excel file' under the file field, in English and French", async ({ page }) => {
    await logIn(page, "analyst");
    await page.goto("/imports/new");
    await page.locator("#i-file").setInputFiles({ name: "bulletin.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\n") });
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.locator("#i-file-error")).toHaveText("This is not a CSV or Excel file (it is a PDF document). Save the table as CSV or XLSX and import that.");
    await expect(page.locator("#i-file")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("see the message under “File (CSV or XLSX)”", { exact: false })).toBeVisible();
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "fr", url: new URL("/", page.url()).href }]);
    await page.goto("/imports/new");
    await page.locator("#i-file").setInputFiles({ name: "carte.csv", mimeType: "text/csv", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
    await page.getByRole("button", { name: "Aperçu" }).click();
    await expect(page.locator("#i-file-error")).toContainText("Ce n’est pas un fichier CSV ou Excel (c’est une image)");
  });

  test("a tagged file without a date is told so in the column form, which starts from its tags; mapping the date imports it", async ({ page }) => {
    await logIn(page, "analyst");
    await page.goto("/imports/new");
    const file = ["Region,Date of count,IDPs", "#adm1+code,,#affected+idps+ind", "ML05,2033-05-31,1234"].join("\n");
    await page.locator("#i-file").setInputFiles({ name: "no-date.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await page.getByLabel("Source organisation").fill("Protection Cluster Mali");
    await page.getByRole("button", { name: "Preview" }).click();
    const mapping = page.locator("fieldset", { has: page.locator("#i-mapping-error") });
    await expect(mapping.locator("legend")).not.toContainText("no HXL tags");
    await expect(page.locator("#i-mapping-error")).toContainText("No column is tagged with a date");
    await expect(page.getByLabel("Region", { exact: true })).toHaveValue("regionCode");
    await expect(page.getByLabel("IDPs", { exact: true })).toHaveValue("value:idps");
    await page.getByLabel("Date of count").selectOption("date");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("heading", { name: "Preview: nothing written yet" })).toBeVisible();
  });

  test("a recognised publication fills the source fields; an import's page lists its figures", async ({ page }) => {
    await logIn(page, "analyst");
    await page.goto("/imports/new");
    // A snapshot date of its own per run (the e2e database outlives a run): the import creates its figure.
    const day = new Date(Date.UTC(2040, 0, 1) + (Math.floor(Date.now() / 1000) % 3650) * 86_400_000).toISOString().slice(0, 10);
    const dtm = ["Snapshot Date,Admin 1,Admin 1 pcode,Admin 2,Admin 2 pcode,Total No# of IDPs Ind#", `${day},Mopti,MLI05,Douentza,MLI0504,5`, `${day},Mopti,MLI05,Douentza,MLI0504,7`].join("\n");
    await page.locator("#i-file").setInputFiles({ name: "dtm_mali_round_99.csv", mimeType: "text/csv", buffer: Buffer.from(dtm) });
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("heading", { name: "Preview: nothing written yet" })).toBeVisible();
    await expect(page.getByLabel("Source organisation")).toHaveValue("International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)");
    await expect(page.getByLabel("Source title")).toHaveValue(`Mali — Baseline Assessment, round 99 (snapshot ${day})`);
    await expect(page.getByLabel("Source date")).toHaveValue(day);
    await page.getByRole("button", { name: "Import 1 figure" }).click();
    await page.getByRole("link", { name: /Open import/ }).click();
    await expect(page.getByRole("heading", { name: /Figures of this import: 1 created, 0 changed/ })).toBeVisible();
    const importId = /\/imports\/(\d+)/.exec(page.url())?.[1];
    await page.getByRole("link", { name: /Internally displaced persons.*Mopti/ }).click();
    await expect(page).toHaveURL(/\/figures\/\d+$/);
    // Leave no trace: a Mopti DTM figure dated after round 72 would be Mopti's latest for every later spec.
    const origin = new URL(page.url()).origin;
    const back = await page.request.post(`/api/v1/imports/${importId}/rollback`, { headers: { origin } });
    expect(back.status(), await back.text()).toBe(200);
  });
});
