// Issue 17's journey, end to end in the browser: a partner scoped to Mopti
// submits a Mopti IDP figure into the dataset the dashboards draw (IOM DTM,
// switched to "Needs review" for the test); a viewer does not see it; the
// reviewer returns it with a comment; the partner fixes and resubmits it; the
// reviewer approves it; the viewer then sees it on the displacement dashboard,
// the map, the region page, the CSV export and a public link; the partner
// cannot write for Gao. Everything is put back afterwards (the e2e database
// is shared by every spec): figure, source, link and the dataset's setting.
import { parse } from "csv-parse/sync";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { logIn, sql } from "./helpers";

const DATASET = "iom-dtm-mali";
/** After every seeded DTM round (and any date another spec writes), so it is Mopti's latest figure once published. */
const DATE = "2036-06-30";
const FIRST = 123456;
const FIXED = 123457;
const SOURCE_TITLE = "Mopti displacement tracking, e2e governance journey";
const LABEL = `Mopti IDPs for the cluster bulletin (e2e ${Date.now()})`;
const COMMENT = "The round's total for Mopti is 123,457: please check the sum.";

const sameOrigin = (page: Page) => ({ origin: new URL(page.url()).origin, "content-type": "application/json" });

async function as(browser: Browser, who: Parameters<typeof logIn>[1]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, who);
  return page;
}

const datasetToggle = (admin: Page) => admin.getByRole("button", { name: /^Needs review \(IOM DTM Mali/ });

let figureId: number | undefined;
let turnedReviewOn = false;

test.afterAll(async ({ browser }) => {
  // Through the app where it can (it keeps the caches and the audit log right), then the database as a safety net.
  const admin = await as(browser, "admin");
  if (figureId) await admin.request.delete(`/api/v1/figures/${figureId}`, { headers: sameOrigin(admin), failOnStatusCode: false });
  const links = ((await (await admin.request.get("/api/v1/public-links")).json()).data ?? []) as { id: number; label: string; revokedAt: string | null }[];
  for (const link of links.filter((l) => l.label === LABEL && !l.revokedAt)) await admin.request.delete(`/api/v1/public-links/${link.id}`, { headers: sameOrigin(admin), failOnStatusCode: false });
  if (turnedReviewOn) {
    await admin.goto("/admin/datasets");
    if ((await datasetToggle(admin).getAttribute("aria-pressed")) === "true") {
      await datasetToggle(admin).click();
      await expect(datasetToggle(admin)).toHaveAttribute("aria-pressed", "false");
    }
  }
  await admin.context().close();
  sql(`DELETE FROM figures f USING regions r, datasets d WHERE f.region_id = r.id AND f.dataset_id = d.id AND d.code = '${DATASET}' AND r.pcode IN ('ML05', 'ML07') AND f.period_end = DATE '${DATE}' RETURNING f.id`);
  sql(`DELETE FROM sources s WHERE s.title = '${SOURCE_TITLE}' AND NOT EXISTS (SELECT 1 FROM figures f WHERE f.source_id = s.id) AND NOT EXISTS (SELECT 1 FROM figure_revisions fr WHERE fr.source_id = s.id) RETURNING s.id`);
  sql(`UPDATE public_links SET revoked_at = now() WHERE label = '${LABEL}' AND revoked_at IS NULL RETURNING id`);
  if (turnedReviewOn) sql(`UPDATE datasets SET needs_review = false WHERE code = '${DATASET}' AND needs_review RETURNING id`);
});

/** Mopti's IDP figure as each place a reader looks at shows it (null: not shown). */
async function whatReadersSee(page: Page) {
  // The region page: the IDP row is the preferred dataset's latest figure.
  await page.goto("/regions/ML05");
  const regionPage = Number(await page.locator('tr[data-indicator="idps"] td').first().getAttribute("data-value"));

  // The displacement dashboard: Mopti's bar in the ranking (as of the latest assessment), in its table view.
  await page.goto("/displacement?region=ML05");
  const ranking = page.locator("figure").filter({ has: page.locator("figcaption", { hasText: "Regions ranked by IDPs" }) });
  await ranking.getByRole("button", { name: "Table" }).click();
  const moptiBar = ranking.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Mopti", exact: true }) });
  const dashboard = Number(await moptiBar.locator("td").first().getAttribute("data-value"));
  // The dashboard's own CSV link, for Mopti.
  const csvHref = (await page.getByRole("link", { name: "CSV", exact: true }).getAttribute("href"))!;
  const rows = parse(await (await page.request.get(csvHref)).body(), { bom: true, columns: true }) as Record<string, string>[];
  const exported = rows.filter((r) => r.indicator === "idps" && r.region === "ML05" && r.period_end === DATE).map((r) => Number(r.value));

  // The map at the figure's date (the date falls back to the default when no published figure has it).
  await page.goto(`/map?indicator=idps&date=${DATE}`);
  const dates = await page.getByRole("combobox", { name: "Date" }).locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const map = page.locator("figure[data-chart=map]");
  await map.getByRole("button", { name: "Table" }).click();
  const moptiOnMap = map.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Mopti", exact: true }) });
  const mapCell = (await moptiOnMap.getByRole("cell").first().textContent())!.trim();

  // The API a reader's scripts use.
  const api = (await (await page.request.get(`/api/v1/figures?indicator=idps&region=ML05&from=${DATE}&to=${DATE}`)).json()).data as { id: number; value: number }[];
  return { regionPage, dashboard, exported, mapHasDate: dates.includes(DATE), mapCell, api };
}

async function publicPage(browser: Browser, address: string): Promise<{ idps: number; text: string }> {
  const visitor = await browser.newContext();
  try {
    const anon = await visitor.newPage();
    const response = await anon.goto(new URL(address).pathname);
    expect(response?.status()).toBe(200);
    await expect(anon.getByRole("heading", { level: 1, name: "Mopti" })).toBeVisible();
    await expect(anon.getByRole("navigation")).toHaveCount(0);
    return {
      idps: Number(await anon.locator('tr[data-indicator="idps"] td').first().getAttribute("data-value")),
      text: (await anon.locator("main").textContent()) ?? "",
    };
  } finally {
    await visitor.close();
  }
}

const regionOptions = (select: Locator) => select.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));

test("a Mopti partner's figure waits for review, is returned, fixed, approved, and only then reaches every reader; Gao is out of the partner's reach", async ({ browser }) => {
  test.setTimeout(300_000);

  // Setup: the admin makes writes into IOM DTM wait for review (the seed publishes them at once).
  const admin = await as(browser, "admin");
  await admin.goto("/admin/datasets");
  await expect(datasetToggle(admin)).toHaveAttribute("aria-pressed", "false");
  await datasetToggle(admin).click();
  turnedReviewOn = true;
  await expect(datasetToggle(admin)).toHaveAttribute("aria-pressed", "true");
  await admin.context().close();

  const viewer = await as(browser, "viewer");
  const before = await whatReadersSee(viewer);
  expect(before.regionPage).toBeGreaterThan(0);
  expect(before.api).toEqual([]);

  // The reviewer makes a public link to Mopti's region page from the page itself (the header's share tool).
  const reviewer = await as(browser, "reviewer");
  await reviewer.goto("/regions/ML05");
  await reviewer.getByRole("button", { name: "Create public link" }).click();
  await expect(reviewer).toHaveURL(/\/admin\/links\?path=%2Fregions%2FML05$/);
  await expect(reviewer.getByLabel("Region")).toHaveValue("ML05");
  await reviewer.getByLabel("Label").fill(LABEL);
  await reviewer.getByLabel("Valid for (days)").fill("7");
  await reviewer.getByRole("button", { name: "Create public link" }).click();
  const address = (await reviewer.getByTestId("new-token").textContent())!;
  expect(address).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
  expect((await publicPage(browser, address)).idps).toBe(before.regionPage);

  // 1. The partner scoped to Mopti submits a Mopti figure.
  const partner = await as(browser, "mopti");
  await partner.goto("/figures/new");
  await partner.getByLabel("Indicator").selectOption({ label: "Internally displaced persons (IDPs)" });
  await partner.getByLabel("Region").selectOption("ML05");
  await partner.getByLabel("Date", { exact: true }).fill(DATE);
  await partner.getByLabel("Value").fill(String(FIRST));
  await partner.getByLabel("Dataset", { exact: true }).selectOption(DATASET);
  await partner.getByLabel("Source organisation").fill("IOM DTM Mali");
  await partner.getByLabel("Source title").fill(SOURCE_TITLE);
  await partner.getByLabel("Source date").fill("2036-07-05");
  await partner.getByRole("button", { name: "Submit for review" }).click();
  await expect(partner.getByRole("heading", { level: 1, name: /^Figure \d+$/ })).toBeVisible();
  figureId = Number(partner.url().split("/").pop());
  await expect(partner.locator(".figure-facts")).toContainText("waiting for review");

  // 2. A viewer does not see it anywhere, nor its value.
  const waiting = await whatReadersSee(viewer);
  expect(waiting).toEqual(before);
  expect([waiting.regionPage, waiting.dashboard]).not.toContain(FIRST);
  expect(waiting.mapHasDate).toBe(false);
  expect((await viewer.request.get(`/api/v1/figures/${figureId}`)).status()).toBe(404);
  expect((await publicPage(browser, address)).idps).toBe(before.regionPage);

  // 3. The reviewer returns it with a comment, from the review queue.
  await reviewer.goto(`/review?region=ML05&dataset=${DATASET}`);
  const row = reviewer.locator("table.review-queue tbody tr", { has: reviewer.locator(`a[href="/figures/${figureId}"]`) });
  await expect(row).toContainText("123,456");
  await row.getByRole("button", { name: "Return", exact: true }).click();
  await row.getByLabel("Comment for the author").fill(COMMENT);
  await row.getByRole("button", { name: "Return with this comment" }).click();
  await expect(row).toHaveCount(0);

  // 4. The partner reads the comment on the figure page, fixes the value and resubmits.
  await partner.goto(`/figures/${figureId}`);
  await expect(partner.getByText(COMMENT)).toBeVisible();
  await expect(partner.locator(".figure-facts")).toContainText(/returned/i);
  await partner.goto(`/figures/${figureId}/edit`);
  await partner.getByLabel("Value").fill(String(FIXED));
  await partner.getByLabel("Note").fill("Sum corrected after the reviewer's check.");
  await partner.getByRole("button", { name: "Submit for review" }).click();
  await expect(partner.locator(".figure-facts")).toContainText("waiting for review");
  expect(await whatReadersSee(viewer)).toEqual(before);

  // 5. The reviewer approves it.
  await reviewer.goto(`/review?region=ML05&dataset=${DATASET}`);
  await expect(row).toContainText("123,457");
  await row.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(row).toHaveCount(0);
  await reviewer.goto(`/figures/${figureId}`);
  await expect(reviewer.locator(".figure-facts")).toContainText("published");

  // 6. The viewer sees it on the dashboard, the map, the region page and the export; a visitor on the public link too.
  const after = await whatReadersSee(viewer);
  expect(after.regionPage).toBe(FIXED);
  expect(after.dashboard).toBe(FIXED);
  expect(after.exported).toEqual([FIXED]);
  expect(after.mapHasDate).toBe(true);
  expect(after.mapCell).toBe("123,457");
  expect(after.api.map((f) => [f.id, f.value])).toEqual([[figureId, FIXED]]);
  const shared = await publicPage(browser, address);
  expect(shared.idps).toBe(FIXED);
  expect(shared.text).toContain("123,457");

  // 7. The partner cannot write for Gao: the form does not offer it, the API refuses it by name.
  await partner.goto("/figures/new");
  const offered = await regionOptions(partner.getByLabel("Region"));
  expect(offered).toContain("ML05");
  expect(offered.filter((pcode) => pcode.startsWith("ML07"))).toEqual([]);
  const gao = await partner.request.post("/api/v1/figures", {
    headers: sameOrigin(partner),
    data: { indicator: "idps", region: "ML07", periodStart: DATE, value: 5000, dataset: DATASET, source: { organisation: "IOM DTM Mali", title: SOURCE_TITLE, url: "", date: "2036-07-05" } },
    failOnStatusCode: false,
  });
  expect(gao.status()).toBe(403);
  expect((await gao.json()).error).toMatchObject({ code: "outside_scope", region: "ML07" });

  // Put things back through the UI (afterAll checks again): the link revoked, the dataset published at once.
  await reviewer.goto("/admin/links");
  await reviewer.getByRole("button", { name: `Revoke “${LABEL}”` }).click();
  await expect(reviewer.getByRole("row", { name: new RegExp(LABEL.replace(/[()]/g, "\\$&")) })).toContainText("revoked");
});
