// axe finds no serious or critical violation on the dashboards and the admin
// and account pages, in English and French.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

const PAGES = ["/", "/displacement", "/food-security", "/funding", "/map", "/map?indicator=ch_area_phase&level=cercle", "/compare", "/compare?indicator=ch_phase3plus&region=ML&key=status%3Dprojected", "/regions/ML05", "/events", "/regions", "/regions?sort=idps_rate&dir=desc", "/map?indicator=idps&measure=rate", "/account", "/figures", "/figures?dataset=iom-dtm-mali&q=Mopti&after=MTc5NjIwMDAwMDAwMC4x", "/views", "/review"];
const ADMIN_PAGES = ["/admin/datasets", "/admin/users", "/admin/users/1", "/admin/tokens", "/admin/links", "/admin/links?path=%2Fsnapshot%3Fregion%3DML05", "/admin/audit", "/admin/audit?from=2024-99-99"];

for (const locale of ["en", "fr"] as const) {
  test(`dashboards have no serious accessibility violations (${locale})`, async ({ page, context }) => {
    test.setTimeout(300_000); // twenty pages, each analysed by axe
    await logIn(page, "admin");
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url() }]);
    for (const path of [...PAGES, ...ADMIN_PAGES]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
    }
  });
}
