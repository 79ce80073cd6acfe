// Sharing a view ("Copy link") and printing the dashboards on A4.
// The header's messages are polite live regions, not role=status: a page's own
// status (an import's refusal) stays the one status on it.
import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

test.describe("Copy link", () => {
  test("copies the page's address with its filters and says so", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await logIn(page, "viewer");
    await page.goto("/figures?dataset=iom-dtm-mali&q=Mopti");
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByText("Link copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    expect(page.url()).toMatch(/\/figures\?dataset=iom-dtm-mali&q=Mopti$/);
  });

  test("where the clipboard is refused, shows the address selected in a field, in French too", async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) } });
    });
    await logIn(page, "analyst");
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
    await page.goto("/imports/new");
    await page.getByRole("button", { name: "Copier le lien" }).click();
    await expect(page.getByText("Le navigateur n’a pas permis la copie")).toBeVisible();
    await expect(page.getByRole("banner").getByRole("status")).toHaveCount(0);
    const field = page.getByLabel("Lien vers cette vue");
    await expect(field).toHaveValue(page.url());
    await expect(field).toBeFocused();
    const selected = await field.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0));
    expect(selected).toBe(page.url());
  });
});

const DASHBOARDS = ["/", "/displacement", "/food-security", "/funding", "/map", "/snapshot", "/regions/ML05"];

test("the dashboards print on A4: no header, nav, button or filter form; charts whole and within the page width", async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, "viewer");
  // An A4 page at 96 dpi less the 10 mm margins: 190 mm ≈ 718 px.
  await page.setViewportSize({ width: 718, height: 1000 });
  await page.emulateMedia({ media: "print" });
  for (const path of DASHBOARDS) {
    await page.goto(path);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const report = await page.evaluate(() => {
      const shown = (el: Element) => getComputedStyle(el).display !== "none" && (el as HTMLElement).offsetParent !== null;
      const charts = [...document.querySelectorAll("main figure.chart")];
      return {
        header: getComputedStyle(document.querySelector(".site-header")!).display,
        controls: [...document.querySelectorAll("main button, main form, main select, nav")].filter(shown).map((el) => el.outerHTML.slice(0, 80)),
        charts: charts.length,
        splittable: charts.filter((c) => getComputedStyle(c).breakInside !== "avoid").map((c) => c.getAttribute("data-chart")),
        tooWide: charts.filter((c) => c.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((c) => c.getAttribute("data-chart")),
        scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    expect(report.header, path).toBe("none");
    expect(report.controls, path).toEqual([]);
    expect(report.charts, path).toBeGreaterThan(0);
    expect(report.splittable, path).toEqual([]);
    expect(report.tooWide, path).toEqual([]);
    expect(report.scroll, path).toBeLessThanOrEqual(0);
  }
  await page.goto("/displacement");
  await expect(page.locator("figure.chart .chart-body svg").first()).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  // A4 in points: 595 × 842.
  expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
});
