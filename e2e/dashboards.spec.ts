// The dashboards against the seeded data: charts render, their tables show the
// API's numbers, filters live in the URL, and the map colours the regions.
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { logIn } from "./helpers";

interface ApiFigure {
  region: string;
  dataset: { code: string; name: string };
  periodStart: string;
  periodEnd: string;
  value: number;
  disaggregation: { chPhase?: number; chStatus?: string; sector?: string } | null;
}

async function apiFigures(request: APIRequestContext, query: string): Promise<ApiFigure[]> {
  const response = await request.get(`/api/v1/figures?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()).data as ApiFigure[];
}

async function regionNames(request: APIRequestContext): Promise<Map<string, string>> {
  const regions = (await (await request.get("/api/v1/regions")).json()).data as { pcode: string; level: number; name: { en: string } }[];
  return new Map(regions.filter((r) => r.level === 1).map((r) => [r.name.en, r.pcode]));
}

function chart(page: Page, title: string | RegExp): Locator {
  return page.locator("figure").filter({ has: page.locator("figcaption", { hasText: title }) });
}

/** Opens a chart's table view and returns { row label: numbers by column data-value }. */
async function tableOf(figure: Locator, button = "Table"): Promise<Map<string, (number | null)[]>> {
  await figure.getByRole("button", { name: button }).click();
  const table = figure.getByRole("table");
  await expect(table).toBeVisible();
  const rows = new Map<string, (number | null)[]>();
  for (const row of await table.locator("tbody tr").all()) {
    const label = (await row.locator("th").textContent())!.trim();
    const values = await row.locator("td").evaluateAll((cells) => cells.map((c) => (c.getAttribute("data-value") ? Number(c.getAttribute("data-value")) : null)));
    rows.set(label, values);
  }
  return rows;
}

test.describe("dashboards", () => {
  test.beforeEach(async ({ page }) => logIn(page, "viewer"));

  test("the overview shows key figures with change and source, and its trend charts", async ({ page }) => {
    const request = page.request;
    const idps = page.locator('.tile[data-indicator="idps"]');
    // The preferred dataset (IOM DTM) is the tile and the line; other datasets are listed, not stitched in.
    const national = (await apiFigures(request, "indicator=idps&region=ML&dataset=iom-dtm-mali")).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
    await expect(idps.locator(".value")).toHaveAttribute("data-value", String(national.at(-1)!.value));
    await expect(idps.getByText(/^Change: [+-]/)).toBeVisible();
    for (const status of ["current", "projected"]) await expect(page.locator(`.tile[data-indicator="ch_phase3plus"][data-status="${status}"] .value`)).toHaveText(/\d/);
    const coverage = page.locator('.tile[data-indicator="funding_coverage"] .value');
    await expect(coverage).toHaveText(/%$/);
    // Tooltips give the formatted value with its unit, on hover and on keyboard focus.
    const trend = chart(page, "IDPs in Mali over time").locator(".svg-chart svg[role=img]");
    await trend.scrollIntoViewIfNeeded();
    const box = (await trend.boundingBox())!;
    await trend.hover({ position: { x: box.width * 0.9, y: box.height / 2 } });
    const tooltip = chart(page, "IDPs in Mali over time").locator(".svg-tooltip");
    await expect(tooltip).toContainText(/\d{1,3}(,\d{3})+ people/);
    await page.mouse.move(0, 0);
    await expect(tooltip).toBeHidden();
    await trend.focus();
    const latest = national.at(-1)!;
    await expect(tooltip).toContainText(`${latest.value.toLocaleString("en-GB")} people`);
    for (const title of ["IDPs in Mali over time", "People in phase 3+ in Mali, current and projected", "Requirements, funding and coverage by plan year"]) {
      const figure = chart(page, title);
      await expect(figure.locator(".svg-chart svg[role=img]")).toBeVisible();
      await expect(figure.getByText(/Data as of/)).toBeVisible();
      await expect(figure.locator(".chart-source a").first()).toHaveAttribute("href", /^https:\/\//);
    }
    // Each chart names the dataset it draws.
    await expect(chart(page, "IDPs in Mali over time").locator(".source-datasets")).toHaveText("Dataset: IOM DTM Mali — Baseline Assessment.");
    await expect(chart(page, "People in phase 3+ in Mali, current and projected").locator(".source-datasets")).toHaveText(/^Dataset: Cadre Harmonisé — Mali/);
  });

  test("the national IDP tile is IOM DTM's 401,736 of 30 Sep 2021, marked stale, with the other sources below", async ({ page }) => {
    const idps = page.locator('.tile[data-indicator="idps"]');
    await expect(idps.locator(".value")).toHaveText("401,736");
    await expect(idps).toHaveAttribute("data-dataset", "iom-dtm-mali");
    await expect(idps).toHaveAttribute("data-freshness", "stale");
    await expect(idps.locator(".freshness-mark")).toHaveText("Stale");
    await expect(idps.locator(".freshness")).toContainText("IOM DTM Mali — Baseline Assessment: latest figure 30 Sept 2021, expected every 90 days");
    await expect(idps).toContainText("Period: 30 Sept 2021");
    // Against DTM's own previous round (April 2020), not IDMC's or an article's figure.
    await expect(idps.locator(".change")).toContainText("vs 250,998 (30 Apr 2020)");
    await expect(idps.getByText("Other sources:")).toBeVisible();
    const others = idps.locator("ul.other-sources > li");
    await expect(others).toHaveCount(3);
    await expect(idps.locator('ul.other-sources > li[data-dataset="idmc-gidd"]')).toContainText("360,591 (31 Dec 2024)");
    await expect(idps.locator('ul.other-sources > li[data-dataset="tnh-2022"]')).toContainText("350,000 (21 Mar 2022)");
    await expect(idps.locator('ul.other-sources > li[data-dataset="crs-2021"]')).toContainText("372,000 (30 Jun 2021)");
    await expect(idps.locator('ul.other-sources > li[data-dataset="idmc-gidd"] a')).toHaveAttribute("href", /^https:\/\//);
    await expect(idps.getByRole("link", { name: "Compare sources" })).toHaveAttribute("href", "/compare?indicator=idps&region=ML");

    // The 2026 plan year is a snapshot of 18 Apr 2026: to date, against the whole of 2025.
    const funded = page.locator('.tile[data-indicator="funding_funded"]');
    await expect(funded.locator(".to-date")).toHaveText("2026 to date (as of 18 Apr 2026) against the whole of 2025");

    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
    await page.reload();
    await expect(idps.locator(".value")).toHaveText("401\u202f736");
    await expect(idps.locator(".freshness-mark")).toHaveText("Obsolète");
    await expect(idps.getByText("Autres sources\u202f:")).toBeVisible();
    await expect(funded.locator(".to-date")).toHaveText("2026 à ce jour (au 18/04/2026), comparé à l'ensemble de 2025");
  });

  test("no page shows a 'data as of' later than the day it is rendered", async ({ page }) => {
    const today = new Date().toISOString().slice(0, 10);
    for (const path of ["/", "/displacement", "/food-security", "/funding", "/regions/ML05", "/map", "/snapshot?region=ML"]) {
      await page.goto(path);
      // Charts stream in: wait until no skeleton is left.
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      const dates = await page.locator("[data-as-of]").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-as-of") ?? ""));
      expect(dates.length, path).toBeGreaterThan(0);
      for (const date of dates) {
        expect(date, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(date <= today, `${path}: data as of ${date} is after ${today}`).toBe(true);
      }
    }
    // The funding chart is as of the FTS snapshot (18 Apr 2026), not the plan year's end.
    await page.goto("/funding");
    await expect(chart(page, "Requirements, funding and coverage by plan year").locator(".as-of")).toHaveAttribute("data-as-of", "2026-04-18");
    await page.goto("/snapshot?region=ML");
    await expect(page.locator(".snapshot-head [data-as-of]")).toHaveAttribute("data-as-of", "2026-04-18");
  });

  test("displacement: the ranking's table equals the API, filters live in the URL", async ({ page }) => {
    await page.goto("/displacement");
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Displacement" })).toHaveAttribute("aria-current", "page");
    await expect(nav.locator("[aria-current]")).toHaveCount(1);
    // The title states the date of the figures it ranks.
    const ranking = chart(page, /^Regions ranked by IDPs, as of 30 Sept 2021 \(latest figure of each region: 30 Sept 2021\)$/);
    await expect(ranking.locator(".recharts-bar-rectangle").first()).toBeVisible();
    const rows = await tableOf(ranking);
    const names = await regionNames(page.request);
    const api = await apiFigures(page.request, "indicator=idps&from=2021-09-30&to=2021-09-30&dataset=iom-dtm-mali");
    expect(rows.size).toBe(10);
    for (const [label, [value]] of rows) {
      const figure = api.find((f) => f.region === names.get(label) && f.periodEnd === "2021-09-30");
      expect(value, label).toBe(figure ? figure.value : null);
    }
    expect(rows.get("Mopti")?.[0]).toBe(159027);

    // A filter change updates the URL and the chart; back restores it.
    const byRegion = chart(page, "IDPs by region over time");
    await expect(byRegion.locator(".recharts-legend-item", { hasText: "Ménaka" })).toBeVisible();
    await page.getByRole("checkbox", { name: "Ménaka" }).uncheck();
    await expect(page).toHaveURL(/region=ML05/);
    expect(page.url()).not.toContain("ML10");
    await expect(byRegion.locator(".recharts-legend-item", { hasText: "Ménaka" })).toHaveCount(0);
    await page.goBack();
    await expect(page).toHaveURL(/\/displacement$/);
    await expect(byRegion.locator(".recharts-legend-item", { hasText: "Ménaka" })).toBeVisible();
  });

  test("displacement: a bookmarked URL restores regions, date and range", async ({ page }) => {
    await page.goto("/displacement?region=ML01&region=ML09&date=2018-12-31&from=2016-01-01&to=2019-12-31");
    await expect(page.getByRole("checkbox", { name: "Kayes" })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Bamako" })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Mopti" })).not.toBeChecked();
    await expect(page.getByLabel("From", { exact: true })).toHaveValue("2016-01-01");
    await expect(page.getByLabel("As of", { exact: true })).toHaveValue("2018-12-31");
    const ranking = chart(page, /^Regions ranked by IDPs, as of 31 Dec 2018 \(latest figure of each region: 31 Dec 2018\)$/);
    expect((await tableOf(ranking)).get("Mopti")?.[0]).toBe(56495);
    const byRegion = await tableOf(chart(page, "IDPs by region over time"));
    const api = await apiFigures(page.request, "indicator=idps&region=ML01&region=ML09&from=2016-01-01&to=2019-12-31&dataset=iom-dtm-mali");
    expect([...byRegion.values()].flat().filter((v) => v !== null).sort()).toEqual(api.map((f) => f.value).sort());
  });

  test("displacement: the ranking is as of any day, each region at its latest assessment", async ({ page }) => {
    await page.goto("/displacement?date=2019-06-30");
    // Regions' latest figures on 30 June 2019 are all from December 2018: the title says so.
    const ranking = chart(page, /^Regions ranked by IDPs, as of 30 Jun 2019 \(latest figure of each region: 31 Dec 2018\)$/);
    await ranking.getByRole("button", { name: "Table" }).click();
    const mopti = ranking.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Mopti", exact: true }) });
    await expect(mopti.getByRole("cell")).toHaveText(["56,495", "31 Dec 2018"]);
    // Ménaka has no figure before 2021: no data, never 0.
    const menaka = ranking.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Ménaka", exact: true }) });
    await expect(menaka.getByRole("cell")).toHaveText(["no data", "no data"]);
  });

  test("displacement: 'Compare sources' adds IDMC and the reports as lines and columns of their own, in the URL", async ({ page }) => {
    await page.goto("/displacement");
    const national = chart(page, "IDPs in Mali over time");
    const toggle = national.getByRole("button", { name: "Compare sources" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await expect(national.locator(".source-datasets")).toHaveText("Dataset: IOM DTM Mali — Baseline Assessment.");
    // Without comparisons the line and its table are DTM's alone.
    const dtm = await apiFigures(page.request, "indicator=idps&region=ML&dataset=iom-dtm-mali");
    const before = await tableOf(national);
    expect([...before.values()].map(([v]) => v).sort()).toEqual(dtm.map((f) => f.value).sort());
    await national.getByRole("button", { name: "Table" }).click();

    await toggle.click();
    await expect(page).toHaveURL(/[?&]compare=idps-national(&|$)/);
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    const names = ["IDMC Global Internal Displacement Database — Mali, conflict", "CRS In Focus: Crisis in Mali (2021)", "The New Humanitarian: Sieges, sanctions, and soaring hunger (2022)"];
    // In the legend, in preferred order: the drawn line names its dataset too; the events the chart marks come last.
    await expect(national.locator(".recharts-legend-item")).toHaveText(["Mali (national): IOM DTM Mali — Baseline Assessment", ...names, "Events"]);
    await expect(national.locator(".source-datasets")).toContainText(`compared with ${names.join("; ")}`);

    // The table gains a column per dataset; each value sits in its own dataset's column only.
    await national.getByRole("button", { name: "Table" }).click();
    await expect(national.getByRole("columnheader")).toHaveText(["Date", "Mali (national): IOM DTM Mali — Baseline Assessment", ...names]);
    const cells = (date: string) => national.getByRole("row").filter({ has: page.getByRole("rowheader", { name: date, exact: true }) }).getByRole("cell");
    await expect(cells("30 Sept 2021")).toHaveText(["401,736", "no data", "no data", "no data"]);
    await expect(cells("31 Dec 2021")).toHaveText(["no data", "326,135", "no data", "no data"]);
    await expect(cells("21 Mar 2022")).toHaveText(["no data", "no data", "no data", "350,000"]);
    const idmc = await apiFigures(page.request, "indicator=idps&region=ML&dataset=idmc-gidd");
    const idmcColumn = await national.locator("tbody td:nth-of-type(2)").evaluateAll((tds) => tds.map((td) => td.getAttribute("data-value")).filter((v) => v).map(Number));
    expect(idmcColumn.sort()).toEqual(idmc.map((f) => f.value).sort());

    // The compare page is one link away; the shared URL opens with the lines on.
    await expect(national.getByRole("link", { name: "Every source side by side" })).toHaveAttribute("href", "/compare?indicator=idps&region=ML");
    await page.goto("/displacement?compare=idps-national");
    await expect(chart(page, "IDPs in Mali over time").getByRole("button", { name: "Compare sources" })).toHaveAttribute("aria-pressed", "true");
    await expect(chart(page, "IDPs in Mali over time").locator(".recharts-legend-item")).toHaveCount(5);
    // Regional IDPs have one dataset: no toggle there.
    await expect(chart(page, "IDPs by region over time").getByRole("button", { name: "Compare sources" })).toHaveCount(0);
    await chart(page, "IDPs in Mali over time").getByRole("button", { name: "Compare sources" }).click();
    await expect(page).toHaveURL(/\/displacement$/);
    // Without comparisons: the one line and the events it marks.
    await expect(chart(page, "IDPs in Mali over time").locator(".recharts-legend-item")).toHaveText(["Mali (national)", "Events"]);
  });

  test("food security: the CH trend draws CH's own Jun–Aug 2022 projection; the article's is a comparison dot", async ({ page }) => {
    await page.goto("/food-security?compare=ch-trend");
    const trend = chart(page, "People in phase 3+ in Mali, current and projected");
    await expect(trend.getByRole("button", { name: "Compare sources" })).toHaveAttribute("aria-pressed", "true");
    await expect(trend.locator(".recharts-legend-item", { hasText: "Projected: The New Humanitarian" })).toBeVisible();
    await trend.getByRole("button", { name: "Table" }).click();
    const lean = trend.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "31 Aug 2022", exact: true }) }).getByRole("cell");
    await expect(lean).toHaveText(["no data", "1,841,064", "1,800,000"]);
    await expect(trend.getByRole("link", { name: "Projected: every source side by side" })).toHaveAttribute("href", "/compare?indicator=ch_phase3plus&region=ML&key=status%3Dprojected");

    // In French.
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
    await page.goto("/food-security");
    await expect(chart(page, "Population en phase 3+ au Mali, courante et projetée").getByRole("button", { name: "Comparer les sources" })).toHaveAttribute("aria-pressed", "false");
  });

  test("food security: phases per region in CH colours equal the API", async ({ page }) => {
    // Any day picks the analysis in force then: mid-July 2023 is the Jun–Aug 2023 projection.
    await page.goto("/food-security?status=projected&date=2023-07-15");
    await expect(page.getByLabel("Analysis in force on")).toHaveValue("2023-07-15");
    await expect(page.getByRole("radio", { name: "Projected" })).toBeChecked();
    const phases = chart(page, /People by Cadre Harmonisé phase and region, 1 Jun 2023 – 31 Aug 2023 \(Projected\)/);
    await expect(phases.locator('.recharts-bar-rectangle path[fill="#E67800"]').first()).toBeVisible();
    const rows = await tableOf(phases);
    const api = await apiFigures(page.request, "indicator=ch_phase3plus&region=ML05&from=2023-06-01&to=2023-08-31");
    const projected = api.find((f) => f.disaggregation?.chStatus === "projected" && f.periodStart === "2023-06-01");
    expect(Math.round(projected!.value)).toBe(436514);
    expect(rows.get("Mopti")?.at(-1)).toBe(projected!.value);

    await page.getByRole("radio", { name: "Current" }).check();
    await expect(page).toHaveURL(/\/food-security$/);
    await expect(chart(page, /\(Current\)$/).first()).toBeVisible();
  });

  test("funding: clusters of the chosen plan year equal the API", async ({ page }) => {
    await page.goto("/funding");
    await page.getByRole("combobox", { name: "Plan year" }).selectOption("2024");
    await expect(page).toHaveURL(/year=2024/);
    const clusters = chart(page, "Funding by cluster, 2024 plan");
    const rows = await tableOf(clusters);
    expect(rows.get("Food Security")).toEqual([222602369, 105413101, 117189268, 47.4]);
    const api = await apiFigures(page.request, "indicator=funding_required&region=ML&from=2024-01-01&to=2024-12-31");
    const food = api.find((f) => f.disaggregation?.sector === "Food Security");
    expect(food?.value).toBe(222602369);

    // In French the clusters carry their French names; the numbers are the same.
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
    await page.reload();
    const fr = await tableOf(chart(page, "Financement par secteur, plan 2024"), "Tableau");
    expect(fr.get("Sécurité alimentaire")).toEqual([222602369, 105413101, 117189268, 47.4]);
  });

  test("the map colours each region, its tooltip shows the API's value, and no data is hatched", async ({ page }) => {
    await page.goto("/map?indicator=idps&date=2021-09-30");
    const paths = page.locator("svg.choropleth path[data-pcode]");
    await expect(paths).toHaveCount(10);
    for (const path of await paths.all()) expect(await path.getAttribute("fill")).toMatch(/^#/);
    const api = await apiFigures(page.request, "indicator=idps&region=ML05&from=2021-09-30&to=2021-09-30&dataset=iom-dtm-mali");
    await page.locator('path[data-pcode="ML05"]').hover();
    // The tooltip gives the figure's own date.
    await expect(page.locator(".map-tooltip")).toHaveText(`Mopti: ${api[0]!.value.toLocaleString("en")} (30 Sept 2021)`);

    // December 2014: Ménaka was not yet a region of its own.
    await page.getByRole("combobox", { name: "Date" }).selectOption("2014-12-31");
    await expect(page).toHaveURL(/date=2014-12-31/);
    await expect(page.locator('path[data-pcode="ML10"]')).toHaveAttribute("fill", "url(#no-data-hatch)");
    await page.locator('a:has(path[data-pcode="ML10"])').focus();
    await expect(page.locator(".map-tooltip")).toHaveText("Ménaka: no data");
    await expect(page.getByText(/Boundaries: OCHA COD-AB Mali/)).toBeVisible();
  });

  test("the map's default date is the DTM round covering most regions, and its table gives each region's date", async ({ page }) => {
    await page.goto("/map");
    await expect(page.getByRole("combobox", { name: "Date" })).toHaveValue("2021-09-30");
    const paths = page.locator("svg.choropleth path[data-pcode]");
    await expect(paths).toHaveCount(10);
    const withData = await paths.evaluateAll((els) => els.filter((el) => el.getAttribute("fill") !== "url(#no-data-hatch)").length);
    expect(withData).toBeGreaterThanOrEqual(9);
    const map = page.locator("figure[data-chart=map]");
    await expect(map.locator(".source-datasets")).toHaveText("Dataset: IOM DTM Mali — Baseline Assessment.");
    await map.getByRole("button", { name: "Table" }).click();
    await expect(map.getByRole("columnheader")).toHaveText(["Region", "Value", "Date"]);
    const mopti = map.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Mopti", exact: true }) });
    await expect(mopti.getByRole("cell")).toHaveText(["159,027", "30 Sept 2021"]);
  });

  test("a region page lists every indicator with its share of the national total", async ({ page }) => {
    await page.goto("/regions/ML05");
    await expect(page.getByRole("heading", { level: 1, name: "Mopti" })).toBeVisible();
    const idps = page.locator('tr[data-indicator="idps"]');
    await expect(idps.locator("td").first()).toHaveAttribute("data-value", "159027");
    await expect(idps.locator("td").last()).toHaveText("39.6%");
    // Each figure names its dataset and freshness; a comparison where Mopti has two datasets.
    await expect(idps).toHaveAttribute("data-freshness", "stale");
    await expect(idps.locator(".freshness")).toContainText("IOM DTM Mali — Baseline Assessment: latest figure 30 Sept 2021");
    await expect(idps.getByRole("link", { name: "Compare sources" })).toHaveCount(0);
    const pin = page.locator('tr[data-indicator="people_in_need"]');
    await expect(pin).toHaveAttribute("data-dataset", "ocha-hno");
    await expect(pin.getByRole("link", { name: "Compare sources" })).toHaveAttribute("href", "/compare?indicator=people_in_need&region=ML05");
    // The chart itself (its legend's icons are recharts surfaces too: Mopti and the events it marks).
    await expect(chart(page, "Internally displaced persons (IDPs) in Mopti").locator(".recharts-wrapper > .recharts-surface")).toBeVisible();
    await page.goto("/regions/ML99");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
