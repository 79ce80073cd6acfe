// The dashboards in French, as rendered: French typography (a narrow no-break
// space before : ; % ? !, lib/domain/typography.ts), dollars and per cent on
// the axes written the French way, no English "vs", and form fields that each
// have a name of their own.
import { expect, test, type Page } from "@playwright/test";
import { typographyViolations } from "../lib/domain/typography";
import { logIn } from "./helpers";

const PAGES = ["/", "/displacement", "/food-security", "/funding", "/map", "/regions/ML05", "/compare"];

async function inFrench(page: Page): Promise<void> {
  await logIn(page, "viewer");
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  // Charts stream in: wait until no skeleton is left.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/**
 * The interface's own text on screen, without the data it shows: source
 * titles, organisations, dataset names and figures' notes are the
 * publishers' own words (often English), so they are left out.
 */
async function interfaceText(page: Page): Promise<string[]> {
  return page.locator("main").evaluate((main) => {
    const skip = (el: Element | null) => !!el?.closest("a, .dataset-name, .figure-note, script, style, [hidden], .svg-tooltip, table");
    const out: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      if (!text.trim() || skip(node.parentElement)) continue;
      const box = node.parentElement?.getBoundingClientRect();
      if (box && box.width === 0 && box.height === 0) continue;
      out.push(text);
    }
    return out;
  });
}

/** Each form field's accessible name as Chromium computes it. */
async function fieldNames(page: Page): Promise<string[]> {
  const snapshot = await page.locator("main").ariaSnapshot();
  return [...snapshot.matchAll(/^\s*- (textbox|combobox|checkbox|radio|spinbutton|searchbox|listbox|slider) "([^"]*)"/gm)].map((m) => `${m[1]} "${m[2]}"`);
}

test.describe("French pages", () => {
  test("follow French typography and leave no English 'vs'", async ({ page }) => {
    test.setTimeout(120_000);
    await inFrench(page);
    // Dataset names are the publishers' words (CRS In Focus: …), not the interface's.
    const datasets = ((await (await page.request.get("/api/v1/datasets")).json()).data as { name: string }[]).map((d) => d.name);
    for (const path of PAGES) {
      await open(page, path);
      const texts = await interfaceText(page);
      const joined = datasets.reduce((text, name) => text.replaceAll(name, "…"), texts.join(""));
      const wrong = typographyViolations(joined).map((v) => v.excerpt);
      expect(wrong, path).toEqual([]);
      expect(joined, path).not.toMatch(/\bvs\b/);
    }
  });

  test("/funding writes dollars '800 M $ US' and per cent '100 %' on its axes", async ({ page }) => {
    await inFrench(page);
    await open(page, "/funding");
    const figure = page.locator('figure[data-chart="funding-by-year"]');
    const ticks = await figure.locator(".recharts-cartesian-axis-tick-value").allTextContents();
    expect(ticks.some((t) => /^\d+(,\d+)?\s(M|Md)\s\$\sUS$/u.test(t)), ticks.join(" | ")).toBe(true);
    expect(ticks).toContain("100\u202f%");
    expect(ticks.filter((t) => t.includes("$")).every((t) => !t.startsWith("$"))).toBe(true);
  });

  test("Displacement's filters have distinct names, and no dashboard has two fields of one name", async ({ page }) => {
    test.setTimeout(120_000);
    await inFrench(page);
    await open(page, "/displacement");
    for (const name of ["Du", "Au", "Situation au"]) await expect(page.getByLabel(name, { exact: true })).toHaveCount(1);
    for (const path of PAGES) {
      await open(page, path);
      const names = await fieldNames(page);
      expect(names.filter((n, i) => names.indexOf(n) !== i), path).toEqual([]);
    }
  });
});

test.describe("charts", () => {
  test("a series of one figure shows that figure with its date", async ({ page }) => {
    await inFrench(page);
    await open(page, "/displacement?from=2021-09-30&to=2021-09-30");
    const national = page.locator('figure[data-chart="idps-national"]');
    const label = national.locator(".point-label");
    await expect(label).toHaveCount(1);
    await expect(label).toHaveText(/^\d{1,3}(\u202f\d{3})* personnes \(30\/09\/2021\)$/);
    const text = (await label.textContent())!;
    await national.getByRole("button", { name: "Tableau" }).click();
    const value = await national.locator("tbody td[data-value]").first().getAttribute("data-value");
    expect(text.replace(/\D/g, "").startsWith(value!)).toBe(true);
  });

  test("the cluster names on /funding do not overlap, and each gives its full name", async ({ page }) => {
    await inFrench(page);
    await open(page, "/funding");
    const ticks = page.locator('figure[data-chart="funding-by-cluster"] .category-tick');
    expect(await ticks.count()).toBeGreaterThan(5);
    const boxes = await ticks.evaluateAll((els) => els.map((el) => ({ ...el.querySelector("text")!.getBoundingClientRect().toJSON(), name: el.querySelector("title")?.textContent ?? "" })));
    for (const [i, a] of boxes.entries()) {
      expect(a.name.length, "each tick carries its full name").toBeGreaterThan(0);
      for (const b of boxes.slice(i + 1)) expect(a.bottom <= b.top || b.bottom <= a.top, `${a.name} overlaps ${b.name}`).toBe(true);
    }
  });

  test("the overview's axis text is readable", async ({ page }) => {
    await logIn(page, "viewer");
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const heights = await page.locator(".svg-chart .svg-tick").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(10);
    // A text box is ~1.15 × its font size: 13 px high is over 11 px text (it was ~9 px in a 540 px card).
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(13);
  });

  test("the CH phase chart follows the region filter", async ({ page }) => {
    await logIn(page, "viewer");
    const rows = async () => {
      const phases = page.locator('figure[data-chart="ch-phases"]');
      await phases.getByRole("button", { name: "Table" }).click();
      return phases.locator("tbody th").allTextContents();
    };
    await page.goto("/food-security");
    expect((await rows()).length).toBeGreaterThan(2);
    await page.goto("/food-security?region=ML05&region=ML06");
    expect((await rows()).map((r) => r.trim()).sort()).toEqual(["Mopti", "Timbuktu"]);
  });
});
