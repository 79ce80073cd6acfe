// The compare page against the seeded data: IDPs in Mali from IOM DTM, IDMC
// and two reports in one table and on one chart, each other value against
// DTM's; the pickers in the URL; French; no serious accessibility violation.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./helpers";

const IDPS_IN_MALI = "/compare?indicator=idps&region=ML";

function compareTable(page: Page) {
  return page.locator("table.compare-table");
}

test.describe("compare page", () => {
  test.beforeEach(async ({ page }) => logIn(page, "viewer"));

  test("IDPs in Mali: every dataset in one table, each value against IOM DTM's", async ({ page }) => {
    await page.goto(IDPS_IN_MALI);
    await expect(page.getByRole("heading", { level: 1, name: "Compare sources" })).toBeVisible();
    // One table (the chart's own table view stays closed), named by its caption.
    await expect(page.getByRole("table")).toHaveCount(1);
    const table = page.getByRole("table", { name: "Internally displaced persons (IDPs) in Mali: figures by date, one column per dataset" });
    await expect(table).toBeVisible();

    const heads = table.locator("thead th[data-dataset]");
    await expect(heads).toHaveCount(4);
    await expect(heads.nth(0)).toContainText("IOM DTM");
    await expect(heads.nth(0)).toContainText("Preferred dataset");
    await expect(heads.nth(0)).toContainText(/Series · Stale · latest figure 30 Sept 2021/);
    await expect(heads.nth(0).getByRole("link")).toHaveAttribute("href", "https://dtm.iom.int/mali");
    await expect(heads.nth(1)).toContainText("IDMC");
    await expect(heads.nth(2)).toContainText("CRS");
    await expect(heads.nth(2)).toContainText("Report");
    await expect(heads.nth(3)).toContainText("The New Humanitarian");
    await expect(table.getByRole("columnheader", { name: /IDMC Global Internal Displacement Database: difference from IOM DTM Mali/ })).toBeVisible();

    const sep2021 = table.locator('tbody tr[data-date="2021-09-30"]');
    await expect(sep2021.getByRole("rowheader")).toHaveText("30 Sept 2021");
    await expect(sep2021.locator('td[data-dataset="iom-dtm-mali"]')).toHaveText("401,736");
    // Each value links to its note and source under the table.
    const note = await sep2021.locator('td[data-dataset="iom-dtm-mali"] a').getAttribute("href");
    await expect(page.locator(note!)).toContainText("IOM DTM Mali, 30 Sept 2021: National total of DTM round 72 (all regions assessed). Source: International Organization for Migration");

    // IDMC's end-2021 stock against DTM's latest earlier round; DTM has no data that day, not 0.
    const dec2021 = table.locator('tbody tr[data-date="2021-12-31"]');
    await expect(dec2021.locator('td[data-dataset="idmc-gidd"]')).toHaveText("326,135");
    await expect(dec2021.locator('td[data-difference="idmc-gidd"]')).toContainText(/^−75,601 \(−18\.8\s%\)vs 30 Sept 2021$/);
    await expect(dec2021.locator('td[data-dataset="iom-dtm-mali"]')).toHaveText("–no data");
    // Same date, same number.
    await expect(table.locator('tbody tr[data-date="2018-12-31"] td[data-difference="idmc-gidd"]')).toHaveText(/^0 \(0\s%\)$/);
    await expect(page.getByText(/Differences are from IOM DTM Mali's figure of the same date/)).toBeVisible();

    // The chart: one legend entry per dataset, DTM first, and the events it marks last.
    const figure = page.locator('figure[data-chart="compare"]');
    await expect(figure.locator("figcaption")).toHaveText("Internally displaced persons (IDPs) in Mali: every dataset over time");
    const legend = figure.locator(".recharts-legend-item");
    await expect(legend).toHaveCount(5);
    await expect(legend.nth(4)).toHaveText("Events");
    await expect(legend.nth(0)).toHaveText("IOM DTM Mali");
    await expect(legend.nth(3)).toHaveText("The New Humanitarian");
    await expect(figure.getByText(/Data as of/)).toBeVisible();
  });

  test("the pickers live in the URL, and a single dataset is said to be alone", async ({ page }) => {
    await page.goto("/compare");
    await expect(page.getByRole("combobox", { name: "Indicator", exact: true })).toHaveValue("idps");
    await expect(page.getByRole("combobox", { name: "Place", exact: true })).toHaveValue("ML");
    await page.getByRole("combobox", { name: "Indicator", exact: true }).selectOption("returnees");
    await expect(page).toHaveURL(/indicator=returnees/);
    await expect(page.getByText("Only one dataset, IOM DTM Mali — Baseline Assessment, has figures for this selection")).toBeVisible();
    await expect(compareTable(page).locator("thead th[data-dataset]")).toHaveCount(1);

    await page.goto("/compare?indicator=ch_phase3plus&region=ML");
    await expect(page.getByRole("combobox", { name: "Breakdown", exact: true })).toHaveValue("status=current");
    await page.getByRole("combobox", { name: "Breakdown", exact: true }).selectOption("status=projected");
    await expect(page).toHaveURL(/key=status%3Dprojected/);
    const heads = compareTable(page).locator("thead th[data-dataset]");
    await expect(heads).toHaveCount(2);
    await expect(heads.nth(0)).toContainText("Cadre Harmonisé");
    await expect(heads.nth(1)).toContainText("The New Humanitarian");
    // The report's 2022 lean-season figure against CH's own for the same period.
    await expect(compareTable(page).locator('tbody tr[data-date="2022-08-31"] td[data-difference="tnh-2022"]')).toHaveText(/^−\d{1,3}(,\d{3})* \(−\d+(\.\d)?\s%\)$/);
  });

  test("reads in French", async ({ page }) => {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
    await page.goto(IDPS_IN_MALI);
    await expect(page.getByRole("heading", { level: 1, name: "Comparer les sources" })).toBeVisible();
    const table = compareTable(page);
    await expect(table.locator("caption")).toHaveText(/chiffres par date, une colonne par jeu de données/);
    const sep2021 = table.locator('tbody tr[data-date="2021-09-30"]');
    await expect(sep2021.getByRole("rowheader")).toHaveText("30/09/2021");
    await expect(sep2021.locator('td[data-dataset="iom-dtm-mali"]')).toHaveText(/^401\s736$/);
    await expect(table.locator('tbody tr[data-date="2021-12-31"] td[data-difference="idmc-gidd"]')).toContainText(/^−75\s601 \(−18,8\s%\)par rapport au 30\/09\/2021$/);
    await expect(table.locator("thead th[data-dataset]").nth(0)).toContainText("Jeu de données préféré");
    await expect(page.locator('figure[data-chart="compare"] figcaption')).toContainText("tous les jeux de données dans le temps");
  });

  test("on a phone the page is no wider than the screen: the table scrolls in its own box", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
    await page.goto(IDPS_IN_MALI);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    const box = page.locator(".table-scroll").filter({ has: compareTable(page) });
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const results = await new AxeBuilder({ page }).withRules(["scrollable-region-focusable"]).analyze();
    expect(results.violations).toEqual([]);
  });
});
