// The Cadre Harmonisé area phase map on /map: each area in its phase's
// standard colour by the 20 % rule, the legend of the five phases and "not
// analysed", regions or cercles, the view in the URL.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { areaPhase } from "../lib/domain/area-phase";
import { CH_PHASE_COLOURS } from "../lib/domain/colour-scale";
import { logIn } from "./helpers";

/** The area phase of an area from the API's population by phase (the same rule, on the served figures). */
async function phaseFromApi(request: APIRequestContext, region: string): Promise<number | undefined> {
  const res = await request.get(`/api/v1/figures?indicator=ch_population_by_phase&region=${region}&from=2024-06-01&to=2024-08-31&dataset=cadre-harmonise`);
  expect(res.status()).toBe(200);
  const figures = (await res.json()).data as { value: number; disaggregation: { chPhase: number; chStatus: string } }[];
  const projected = figures.filter((f) => f.disaggregation.chStatus === "projected");
  return areaPhase([1, 2, 3, 4, 5].map((p) => projected.find((f) => f.disaggregation.chPhase === p)?.value ?? null))?.phase;
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

test.describe("the CH area phase map", () => {
  test.beforeEach(async ({ page }) => logIn(page, "viewer"));

  test("colours each region in its phase, with a legend of the five phases and 'not analysed'", async ({ page }) => {
    await page.goto("/map?indicator=ch_area_phase&status=projected&date=2024-08-31");
    await expect(page.getByRole("combobox", { name: "Indicator" })).toHaveValue("ch_area_phase");
    await expect(page.getByRole("combobox", { name: "Date" })).toHaveValue("2024-08-31");
    await expect(page.getByRole("radio", { name: "Regions" })).toBeChecked();
    const map = page.locator("figure[data-chart=map]");
    await expect(map.locator("figcaption")).toHaveText("Cadre Harmonisé area phase by region, projected, 1 Jun 2024 – 31 Aug 2024");

    const legend = map.locator(".map-legend li");
    await expect(legend).toHaveText(["Phase 1 Minimal", "Phase 2 Stressed", "Phase 3 Crisis", "Phase 4 Emergency", "Phase 5 Catastrophe/Famine", "not analysed"]);
    const swatches = await legend.locator(".swatch").evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    expect(swatches.slice(0, 5)).toEqual(([1, 2, 3, 4, 5] as const).map((p) => rgb(CH_PHASE_COLOURS[p])));
    await expect(legend.last().locator(".swatch")).toHaveClass(/hatch/);

    const paths = page.locator("svg.choropleth path[data-pcode]");
    await expect(paths).toHaveCount(10);
    // Mopti: phase 2 by the API's own figures (45 % in phase 2+, 14 % in 3+), drawn in phase 2's yellow.
    const mopti = await phaseFromApi(page.request, "ML05");
    expect(mopti).toBe(2);
    await expect(page.locator('path[data-pcode="ML05"]')).toHaveAttribute("fill", CH_PHASE_COLOURS[2]);
    await expect(page.locator('path[data-pcode="ML07"]')).toHaveAttribute("fill", CH_PHASE_COLOURS[(await phaseFromApi(page.request, "ML07")) as 3]);
    // Ménaka is analysed as a cercle of Gao in these files: not analysed as a region, hatched.
    await expect(page.locator('path[data-pcode="ML10"]')).toHaveAttribute("fill", "url(#no-data-hatch)");
    await page.locator('path[data-pcode="ML05"]').hover();
    await expect(page.locator(".map-tooltip")).toHaveText("Mopti: Phase 2 Stressed (14.2% in phase 3+)");

    await map.getByRole("button", { name: "Table" }).click();
    await expect(map.getByRole("columnheader")).toHaveText(["Region", "Phase", "Population analysed", "Share in phase 3+"]);
    const row = map.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Mopti", exact: true }) });
    await expect(row.getByRole("cell")).toHaveText(["Phase 2 Stressed", "3,209,551", "14.2%"]);
    const menaka = map.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Ménaka", exact: true }) });
    await expect(menaka.getByRole("cell").first()).toHaveText("not analysed");
  });

  test("the cercle level draws the 50 cercles, names on hover, and keeps the view in the URL", async ({ page }) => {
    await page.goto("/map?indicator=ch_area_phase&status=projected&date=2024-08-31");
    await expect(page.locator("svg.choropleth path[data-pcode]")).toHaveCount(10);
    await page.getByRole("radio", { name: "Cercles" }).check();
    await expect(page).toHaveURL(/level=cercle/);
    await expect(page).toHaveURL(/date=2024-08-31/);
    const cercles = page.locator('svg.choropleth[data-level="cercle"] a path[data-pcode]');
    await expect(cercles).toHaveCount(50);
    await expect(page.locator("figure[data-chart=map] figcaption")).toHaveText("Cadre Harmonisé area phase by cercle, projected, 1 Jun 2024 – 31 Aug 2024");
    // Ménaka, the CH's cercle ML0704: 28 % in phase 4+, 3 % in phase 5 → phase 4.
    const menaka = page.locator('path[data-pcode="ML0704"]');
    await expect(menaka).toHaveAttribute("fill", CH_PHASE_COLOURS[4]);
    await menaka.hover();
    await expect(page.locator(".map-tooltip")).toHaveText("Ménaka: Phase 4 Emergency (58% in phase 3+)");
    await page.locator('path[data-pcode="ML0506"]').hover();
    await expect(page.locator(".map-tooltip")).toHaveText(/^Mopti: Phase \d /);

    // The link opens the same view; the cercle level offers only its CH periods (from 2020).
    await page.goto(page.url());
    await expect(cercles).toHaveCount(50);
    const dates = await page.getByRole("combobox", { name: "Date" }).locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(dates).toEqual(["2024-08-31", "2023-08-31", "2022-08-31", "2021-08-31", "2020-08-31"]);

    // In French.
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
    await page.reload();
    await expect(page.locator(".map-legend li").last()).toHaveText("non analysée");
    await expect(page.getByRole("radio", { name: "Cercles" })).toBeChecked();
    await expect(page.locator("figure[data-chart=map] figcaption")).toHaveText(/^Phase de la zone \(Cadre Harmonisé\) par cercle, situation projetée, /);
  });

  test("the value maps keep working beside it", async ({ page }) => {
    await page.goto("/map?indicator=ch_area_phase&level=cercle");
    await page.getByRole("combobox", { name: "Indicator" }).selectOption("idps");
    await expect(page).toHaveURL(/indicator=idps/);
    await expect(page.locator("svg.choropleth path[data-pcode]")).toHaveCount(10);
    await expect(page.getByRole("radio", { name: "Cercles" })).toHaveCount(0);
  });
});
