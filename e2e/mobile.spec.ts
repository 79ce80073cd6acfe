// On a phone (390 px, French: the longer words) no page is wider than the
// screen: wide tables scroll inside their own box, which keyboard users can
// reach (axe's scrollable-region rules run at this width too).
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

const PAGES = ["/", "/displacement", "/food-security", "/funding", "/map", "/compare", "/regions/ML05", "/events", "/regions", "/figures", "/figures/new", "/imports", "/imports/new", "/account", "/views", "/admin/datasets", "/admin/users", "/admin/tokens", "/admin/links", "/admin/audit", "/review"];

test.use({ viewport: { width: 390, height: 844 } });

test("no page scrolls sideways on a phone; wide tables scroll in their own focusable box", async ({ page, context }) => {
  test.setTimeout(120_000);
  await logIn(page, "admin");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
  const tooWide: string[] = [];
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    if (scroll > client) tooWide.push(`${path}: ${scroll} px on a ${client} px screen`);
  }
  expect(tooWide).toEqual([]);

  await page.goto("/admin/audit");
  const box = page.locator(".table-scroll").first();
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true); // the log is wider than a phone…
  await expect(box).toHaveAttribute("tabindex", "0");
  const results = await new AxeBuilder({ page }).withRules(["scrollable-region-focusable"]).analyze();
  expect(results.violations).toEqual([]); // …and its box can be scrolled from the keyboard

  // On a wide screen the same box does not scroll, and is no tab stop.
  await page.setViewportSize({ width: 1600, height: 900 });
  await expect(box).not.toHaveAttribute("tabindex");
});
