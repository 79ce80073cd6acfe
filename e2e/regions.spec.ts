// The region comparison table (/regions) and the map's rate mode: rates of
// the population (lib/domain/rates.ts), sorting from the URL, French numbers.
import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./helpers";

const pcodes = (page: Page) => page.locator("table.region-table tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-pcode")));

test.describe("regions and rates", () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page, "analyst");
  });

  test("/regions lists every region with its rates, sorts by a rate column from the URL, and keeps Mali's row apart", async ({ page }) => {
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Regions", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Regions compared" })).toBeVisible();
    const table = page.locator("table.region-table");
    // By name first (Bamako … Timbuktu).
    await expect(table.locator('th[data-column="name"]')).toHaveAttribute("aria-sort", "ascending");
    const byName = await pcodes(page);
    expect(byName).toHaveLength(10);
    expect(byName[0]).toBe("ML09");

    // Mopti: 159,027 IDPs (DTM, 30 Sep 2021) ÷ 2,509,703 (COD-PS 2018) = 6.3 %.
    const mopti = table.locator('tr[data-pcode="ML05"]');
    await expect(mopti.getByRole("link", { name: "Mopti" })).toHaveAttribute("href", "/regions/ML05");
    await expect(mopti.locator("td").nth(0)).toContainText("159,027");
    await expect(mopti.locator("td").nth(0)).toContainText("30 Sept 2021 · IOM DTM Mali — Baseline Assessment");
    await expect(mopti.locator("td").nth(1)).toContainText("6.3%");
    await expect(mopti.locator("td").nth(1)).toContainText("of 2,509,703 (2018)");
    // Ménaka has no CH figure of its own (counted under Gao): a dash and why, never 0.
    await expect(table.locator('tr[data-pcode="ML10"] td').nth(3)).toContainText("—no figure");
    // Ménaka's 213,749 in need (HNO 2024) ÷ 67,119 (COD-PS 2018) = 318.5 %: shown, with a warning that the bases differ.
    const menakaInNeed = table.locator('tr[data-pcode="ML10"] td').nth(5);
    await expect(menakaInNeed).toHaveAttribute("data-exceeds", "true");
    await expect(menakaInNeed).toContainText("318.5%");
    await expect(menakaInNeed).toContainText("above the population: the bases differ");
    await expect(table.locator('tr[data-pcode="ML05"] td').nth(5)).not.toHaveAttribute("data-exceeds", /./);

    await table.getByRole("link", { name: /^% displaced/ }).click();
    await expect(page).toHaveURL(/\/regions\?sort=idps_rate&dir=desc$/);
    await expect(table.locator('th[data-column="idps_rate"]')).toHaveAttribute("aria-sort", "descending");
    await expect(table.locator('th[data-column="name"]')).not.toHaveAttribute("aria-sort", /./);
    const byRate = await pcodes(page);
    expect(byRate).not.toEqual(byName);
    // Ménaka 19.4 %, Gao 14.6 %, Timbuktu 6.5 %, Mopti 6.3 % … Kayes 0.099 %.
    expect(byRate.slice(0, 4)).toEqual(["ML10", "ML07", "ML06", "ML05"]);
    expect(byRate.at(-1)).toBe("ML01");
    const rates = await table.locator("tbody td[data-rate]").evaluateAll((cells) => cells.filter((_, i) => i % 3 === 0).map((c) => Number(c.getAttribute("data-rate"))));
    expect(rates).toEqual([...rates].sort((a, b) => b - a));

    // The link keeps the view; the other direction on a second click.
    await table.getByRole("link", { name: /^% displaced/ }).click();
    await expect(page).toHaveURL(/sort=idps_rate&dir=asc$/);
    await expect(table.locator('th[data-column="idps_rate"]')).toHaveAttribute("aria-sort", "ascending");
    expect((await pcodes(page))[0]).toBe("ML01");

    // Mali's row stays at the foot: 401,736 ÷ 17,907,114 = 2.2 %.
    const national = table.locator('tfoot tr[data-pcode="ML"]');
    await expect(national.getByRole("rowheader")).toHaveText("Mali (national)");
    await expect(national.locator("td").nth(0)).toContainText("401,736");
    await expect(national.locator("td").nth(1)).toContainText("2.2%");
  });

  test("in French: 'Régions' in the header, French numbers and percentages", async ({ page, context }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
    await page.goto("/regions?sort=idps_rate&dir=desc");
    await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Régions", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { level: 1, name: "Comparaison des régions" })).toBeVisible();
    const mopti = page.locator('table.region-table tr[data-pcode="ML05"]');
    // 159 027 with Intl's narrow no-break space; 6,3 % with a no-break space before %.
    await expect(mopti.locator("td").nth(0)).toContainText("159\u202f027");
    expect(await mopti.locator("td").nth(1).textContent()).toMatch(/^6,3[\u00a0\u202f]%sur 2\u202f509\u202f703 \(2018\)$/);
    await expect(page.locator('table.region-table th[data-column="idps_rate"]')).toHaveAttribute("aria-sort", "descending");
    await expect(page.locator('tr[data-pcode="ML01"] td').nth(1)).toContainText(/0,099[\u00a0\u202f]%/);
  });

  test("the map's rate mode colours IDPs as a % of the population, with rate, number and date", async ({ page }) => {
    await page.goto("/map?indicator=idps");
    await page.getByRole("group", { name: "Show" }).getByRole("link", { name: "% of population" }).click();
    await expect(page).toHaveURL(/indicator=idps&measure=rate/);
    await expect(page.getByRole("link", { name: "% of population" })).toHaveAttribute("aria-current", "true");
    const legend = page.locator(".map-legend");
    await expect(legend.locator("li").first()).toContainText("%");
    await expect(legend).toContainText("up to 19.4%");
    await expect(page.locator('path[data-pcode="ML05"]')).toHaveAttribute("data-value", /^6\.336/);
    await page.locator('a:has(path[data-pcode="ML10"])').focus();
    await expect(page.locator(".map-tooltip")).toHaveText("Ménaka: 19.4% (12,995, 30 Sept 2021)");
    const map = page.locator("figure[data-chart=map]");
    await map.getByRole("button", { name: "Table" }).click();
    await expect(map.getByRole("columnheader")).toHaveText(["Region", "% of population", "Value", "Date"]);
    const mopti = map.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Mopti", exact: true }) });
    await expect(mopti.getByRole("cell")).toHaveText(["6.3%", "159,027", "30 Sept 2021"]);
    // Back to numbers keeps the indicator.
    await page.getByRole("link", { name: "Number" }).click();
    await expect(page).toHaveURL(/\/map\?indicator=idps$/);
  });
});
