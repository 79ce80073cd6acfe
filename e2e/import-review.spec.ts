// An import into a dataset that needs review, reviewed as one batch on its
// page: the importer sees it Submitted without review buttons (four eyes); a
// reviewer sees what it creates by dataset, returns it with a comment (the
// comment is required), then approves the corrected import.
import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./helpers";

// A partner's own dataset (created by the first import, needs review by default); dates of their
// own per run (the e2e database outlives a run), long past: never a region's latest for other specs.
const ORGANISATION = "E2E batch review partner";
const first = Date.UTC(1950, 0, 1) + (Math.floor(Date.now() / 1000) % 20_000) * 2 * 86_400_000;
const DAYS = [0, 1].map((d) => new Date(first + d * 86_400_000).toISOString().slice(0, 10));
const FILE = ["#adm1+code,#date,#affected+idps+ind", `ML05,${DAYS[0]},11`, `ML05,${DAYS[1]},12`].join("\n");

async function importAsAnalyst(page: Page): Promise<{ id: number; dataset: string }> {
  const origin = new URL(page.url()).origin;
  const res = await page.request.post("/api/v1/imports", {
    headers: { origin },
    multipart: { sourceOrganisation: ORGANISATION, file: { name: "batch-review.csv", mimeType: "text/csv", buffer: Buffer.from(FILE) } },
  });
  expect(res.status(), await res.text()).toBe(201);
  const report = (await res.json()).data;
  expect(report.held).toBe(2);
  return { id: report.importId, dataset: report.datasets[0].code };
}

test("an import is reviewed as one batch: returned with a comment, imported again, approved", async ({ page, browser }) => {
  await logIn(page, "analyst");
  const held = await importAsAnalyst(page);
  await page.goto(`/imports/${held.id}`);
  await expect(page.locator(".review-badge")).toHaveText("Submitted");
  await expect(page.getByRole("heading", { name: "What it creates and changes, by dataset" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve import" })).toHaveCount(0);

  const reviewer = await browser.newPage();
  await logIn(reviewer, "reviewer");
  await reviewer.goto(`/imports/${held.id}`);
  await expect(reviewer.getByText("2 new figures, 0 changes, 0 unchanged.")).toBeVisible();
  const comment = reviewer.getByLabel("Comment for the importer (required to return it)");
  await expect(comment).toHaveAttribute("required", "");
  await comment.fill("Which Mopti report is this?");
  await reviewer.getByRole("button", { name: "Return import" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Returned to the importer with your comment." })).toBeVisible();
  await reviewer.reload();
  await expect(reviewer.locator(".review-badge")).toHaveText("Returned");
  await expect(reviewer.getByText("Which Mopti report is this?")).toBeVisible();

  // The importer fixes it (here: the same file, with its source) and imports it again: a new import, submitted.
  const again = await importAsAnalyst(page);
  await reviewer.goto(`/imports/${again.id}`);
  await reviewer.getByRole("button", { name: "Approve import" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Approved: every figure of the import is published." })).toBeVisible();
  await reviewer.reload();
  await expect(reviewer.locator(".review-badge")).toHaveText("Published");
  await reviewer.goto("/imports");
  await expect(reviewer.locator("tr", { has: reviewer.getByRole("link", { name: String(again.id), exact: true }) }).locator(".review-badge")).toHaveText("Published");

  // Leave no trace: the two published figures are deleted, by the reviewer (in a dataset that needs review, an analyst may not delete a published figure).
  const origin = new URL(reviewer.url()).origin;
  const figures = (await (await reviewer.request.get(`/api/v1/figures?dataset=${again.dataset}&indicator=idps&from=${DAYS[0]}&to=${DAYS[1]}`)).json()).data as { id: number }[];
  expect(figures).toHaveLength(2);
  expect((await page.request.delete(`/api/v1/figures/${figures[0]!.id}`, { headers: { origin }, failOnStatusCode: false })).status()).toBe(403);
  for (const f of figures) expect((await reviewer.request.delete(`/api/v1/figures/${f.id}`, { headers: { origin } })).status()).toBe(204);
  await reviewer.close();
});
