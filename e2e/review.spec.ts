// Review before publication, end to end: an analyst submits a figure in a
// dataset that needs review; the reviewer sees it in the queue (with the
// navigation's count), returns it with a comment; the analyst fixes and
// resubmits it; the reviewer approves it. Whether it passes or fails, the
// figure and the dataset are removed afterwards (afterAll).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { logIn, sql } from "./helpers";

const DATASET = "e2e-review-partner";
const DATE = "2032-03-31";

async function sameOrigin(page: Page) {
  return { origin: new URL(page.url()).origin, "content-type": "application/json" };
}

let figureId: number | null = null;

test.afterAll(async ({ browser }) => {
  // Through the app where it can (it keeps the caches and the audit log right), then the database: datasets have no delete in the app.
  if (figureId) {
    const admin = await (await browser.newContext()).newPage();
    await logIn(admin, "admin");
    await admin.request.delete(`/api/v1/figures/${figureId}`, { headers: await sameOrigin(admin), failOnStatusCode: false });
    await admin.context().close();
  }
  const dataset = `(SELECT id FROM datasets WHERE code = '${DATASET}')`;
  sql(`DELETE FROM figure_revisions WHERE dataset_id = ${dataset} RETURNING id`);
  sql(`DELETE FROM figures WHERE dataset_id = ${dataset} RETURNING id`);
  sql(`DELETE FROM sources WHERE dataset_id = ${dataset} RETURNING id`);
  sql(`DELETE FROM datasets WHERE code = '${DATASET}' RETURNING id`);
});

test("an analyst submits, the reviewer returns with a comment, the analyst resubmits, the reviewer approves", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, "admin");
  // New datasets need review by default. A run that stopped before afterAll may have left it: then it is found.
  const created = await admin.request.post("/api/v1/datasets", {
    headers: await sameOrigin(admin),
    data: { code: DATASET, name: "E2E review partner", publisher: "E2E review partner", kind: "report" },
    failOnStatusCode: false,
  });
  expect([201, 409]).toContain(created.status());

  const analyst = await (await browser.newContext()).newPage();
  await logIn(analyst, "analyst");
  await analyst.goto("/figures/new");
  await analyst.getByLabel("Indicator").selectOption({ label: "Internally displaced persons (IDPs)" });
  await analyst.getByLabel("Region").selectOption("ML05");
  await analyst.getByLabel("Date", { exact: true }).fill(DATE);
  await analyst.getByLabel("Value").fill("12345");
  await analyst.getByLabel("Dataset", { exact: true }).selectOption(DATASET);
  await analyst.getByLabel("Source organisation").fill("E2E review partner");
  await analyst.getByLabel("Source title").fill("Mopti field report");
  await analyst.getByLabel("Source date").fill("2032-04-02");
  await expect(analyst.getByRole("button", { name: "Save draft" })).toBeVisible();
  await analyst.getByRole("button", { name: "Submit for review" }).click();
  await expect(analyst.getByRole("heading", { level: 1, name: /^Figure \d+$/ })).toBeVisible();
  const id = Number(analyst.url().split("/").pop());
  figureId = id;
  await expect(analyst.locator(".figure-facts")).toContainText("waiting for review");

  const reviewer = await (await browser.newContext()).newPage();
  await logIn(reviewer, "reviewer");
  await expect(reviewer.getByRole("link", { name: /^Review queue, [1-9]\d* waiting$/ })).toBeVisible();
  await reviewer.goto(`/review?region=ML05&dataset=${DATASET}`);
  const row = reviewer.locator("table.review-queue tbody tr", { has: reviewer.locator(`a[href="/figures/${id}"]`) });
  await expect(row).toContainText("12,345");
  // The queue with a row (the accessibility spec sees it empty).
  const serious = (await new AxeBuilder({ page: reviewer }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => v.id)).toEqual([]);
  await row.getByRole("button", { name: "Return", exact: true }).click();
  await row.getByLabel("Comment for the author").fill("Which round of the survey is this?");
  await row.getByRole("button", { name: "Return with this comment" }).click();
  await expect(row).toHaveCount(0);

  await analyst.goto(`/figures/${id}`);
  await expect(analyst.getByText("Which round of the survey is this?")).toBeVisible();
  await analyst.goto(`/figures/${id}/edit`);
  await analyst.getByLabel("Note").fill("Round 3, March 2032");
  await analyst.getByRole("button", { name: "Submit for review" }).click();
  await expect(analyst.locator(".figure-facts")).toContainText("waiting for review");

  await reviewer.goto("/review");
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(row).toHaveCount(0);
  await reviewer.goto(`/figures/${id}`);
  await expect(reviewer.locator(".figure-facts")).toContainText("published");
  const history = reviewer.locator("table.history tbody tr");
  await expect(history).toHaveCount(4);
  await expect(history.nth(3)).toContainText("approved");
});
