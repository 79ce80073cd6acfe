import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./helpers";

async function fillNewFigure(page: Page, value: string, date: string) {
  await page.goto("/figures/new");
  await page.getByLabel("Indicator").selectOption({ label: "Internally displaced persons (IDPs)" });
  await page.getByLabel("Region").selectOption("ML04");
  await page.getByLabel("Date", { exact: true }).fill(date);
  await page.getByLabel("Value").fill(value);
  await page.getByLabel("Source organisation").fill("Protection Cluster Mali");
  await page.getByLabel("Source title").fill("Monthly displacement update");
  await page.getByLabel("Source date").fill("2031-02-05");
}

test.describe("data entry", () => {
  test("an analyst adds, edits and deletes a figure; bad input is refused at the field", async ({ page }) => {
    await logIn(page, "analyst");
    await fillNewFigure(page, "-12", "2031-01-31");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.locator("form [role=alert]")).toHaveText("1 field needs attention. Nothing was saved.");
    await expect(page.getByText("A number of people, dollars or events cannot be negative.")).toBeVisible();
    await expect(page.getByLabel("Value")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Value").fill("55 000");
    await page.getByLabel("Dataset", { exact: true }).selectOption("idmc-gidd");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Figure \d+$/ })).toBeVisible();
    const id = Number(page.url().split("/").pop());
    await expect(page.locator(".figure-value")).toHaveText("55,000");
    await expect(page.locator(".figure-facts")).toContainText("IDMC Global Internal Displacement Database — Mali, conflict (idmc-gidd)");

    // The API agrees with the page.
    const api = await (await page.request.get(`/api/v1/figures/${id}`)).json();
    expect(api.data).toMatchObject({ indicator: "idps", region: "ML04", periodStart: "2031-01-31", value: 55000, version: 1, dataset: { code: "idmc-gidd" }, source: { organisation: "Protection Cluster Mali" } });

    // The list filters by dataset; the form then offers it among the analyst's recent ones.
    await page.goto("/figures?dataset=idmc-gidd");
    await expect(page.getByLabel("Dataset")).toHaveValue("idmc-gidd");
    await expect(page.locator("table tbody tr").first()).toContainText("IDMC Global Internal Displacement Database — Mali, conflict");
    await page.goto(`/figures/${id}/edit`);
    await expect(page.getByLabel("Dataset", { exact: true })).toHaveValue("idmc-gidd");
    await expect(page.getByLabel("Dataset", { exact: true }).locator("optgroup").first()).toHaveAttribute("label", "Datasets of your recent figures");

    await page.getByLabel("Value").fill("56500");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.locator(".figure-value")).toHaveText("56,500");
    const history = page.locator("table.history tbody tr");
    await expect(history).toHaveCount(2);
    await expect(history.nth(1)).toContainText("Demo Analyst");
    await expect(history.nth(1)).toContainText("55,000 → 56,500");

    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("alertdialog")).toContainText("Delete this figure?");
    await page.getByRole("button", { name: "Yes, delete it" }).click();
    await expect(page.getByText("This figure was deleted.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Restore" })).toHaveCount(0); // analysts cannot restore
    expect((await page.request.get(`/api/v1/figures/${id}`)).status()).toBe(404);
  });

  test("the same figure twice offers to edit the existing one; an outlier asks for confirmation", async ({ page }) => {
    await logIn(page, "analyst");
    // Near the seeded Ségou figure (54,885 IDPs, September 2021), so only the jump below is an outlier.
    await fillNewFigure(page, "50000", "2031-03-31");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Figure \d+$/ })).toBeVisible();
    const firstId = page.url().split("/").pop();

    await fillNewFigure(page, "52000", "2031-03-31");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("A figure for this indicator, region, period, breakdown and dataset already exists.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit the existing figure" })).toHaveAttribute("href", `/figures/${firstId}/edit`);

    await fillNewFigure(page, "450000", "2031-04-30");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(/more than 3 times the previous figure/)).toBeVisible();
    await page.getByRole("button", { name: "Save anyway" }).click();
    await expect(page.locator(".figure-value")).toHaveText("450,000");

    // A fall to less than a third asks too (a lost zero).
    await fillNewFigure(page, "45000", "2031-05-15");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(/less than a third of the previous figure/)).toBeVisible();
    await page.getByRole("button", { name: "Save anyway" }).click();
    await expect(page.locator(".figure-value")).toHaveText("45,000");
  });

  test("a stale edit shows the newer value and keeps the analyst's input", async ({ page, browser }) => {
    await logIn(page, "analyst");
    await fillNewFigure(page, "44000", "2031-05-31");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Figure \d+$/ })).toBeVisible();
    const id = page.url().split("/").pop();
    await page.goto(`/figures/${id}/edit`);

    // An admin saves a change in another session meanwhile.
    const other = await (await browser.newContext()).newPage();
    await logIn(other, "admin");
    await other.goto(`/figures/${id}/edit`);
    await other.getByLabel("Value").fill("44100");
    await other.getByRole("button", { name: "Save" }).click();
    await expect(other.locator(".figure-value")).toHaveText("44,100");

    await page.getByLabel("Value").fill("44200");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(/Someone else changed this figure since you opened it: it is now 44,100/)).toBeVisible();
    await expect(page.getByLabel("Value")).toHaveValue("44200");
    await page.getByRole("button", { name: "Save mine over theirs" }).click();
    await expect(page.locator(".figure-value")).toHaveText("44,200");
  });

  test("a viewer sees no write control, and a direct POST gets 403", async ({ page }) => {
    await logIn(page, "viewer");
    await page.goto("/figures");
    await expect(page.getByRole("heading", { level: 1, name: "Figures" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New figure" })).toHaveCount(0);
    await page.locator("table tbody tr a").first().click();
    await expect(page.getByRole("heading", { level: 1, name: /^Figure \d+$/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);

    // A figure as the seed loaded it has no history yet, and says so.
    await page.goto("/figures/1");
    await expect(page.getByText("No change recorded since this figure was loaded with the reference data.")).toBeVisible();
    await expect(page.locator("table.history")).toHaveCount(0);

    await page.goto("/figures/new");
    await expect(page).toHaveURL(/\/forbidden$/);
    // Same-origin, as the app's own fetches are: the 403 is the role check's, not the Origin check's.
    const res = await page.request.post("/api/v1/figures", {
      headers: { Origin: new URL(page.url()).origin },
      data: { indicator: "idps", region: "ML05", periodStart: "2031-01-31", value: 1, source: { organisation: "x", title: "y", url: "", date: "2031-01-31" } },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  });

  test("the French form refuses 181,250 at the field with both readings; people are whole numbers", async ({ page, context }) => {
    await logIn(page, "analyst");
    await context.addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
    await page.goto("/figures/new");
    await page.getByLabel("Indicateur").selectOption({ label: "Personnes déplacées internes (PDI)" });
    await page.getByLabel("Région").selectOption("ML05");
    await page.getByLabel("Date", { exact: true }).fill("2031-06-30");
    await page.getByLabel("Valeur").fill("181,250");
    await page.getByLabel("Organisation source").fill("Protection Cluster Mali");
    await page.getByLabel("Titre de la source").fill("Mise à jour mensuelle");
    await page.getByLabel("Date de la source").fill("2031-07-05");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.locator("form [role=alert]")).toHaveText("1 champ à corriger. Rien n'a été enregistré.");
    const value = page.getByLabel("Valeur");
    await expect(value).toHaveAttribute("aria-invalid", "true");
    // Both readings: 181,25 as French reads it, and 181 250 as English habits meant it.
    await expect(value).toHaveAccessibleDescription(/^« 181,250 » se lit 181,25 en français\s: la virgule marque les décimales\. Pour 181\s250, tapez 181\s250\s; sinon, tapez 181,25\.$/);

    await value.fill("181 250,5");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(value).toHaveAccessibleDescription(/nombres entiers/);

    await value.fill("181 250");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Chiffre \d+$/ })).toBeVisible();
    const id = page.url().split("/").pop();
    expect((await (await page.request.get(`/api/v1/figures/${id}`)).json()).data.value).toBe(181_250);
  });
});
