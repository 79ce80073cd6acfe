import { expect, test, type Locator } from "@playwright/test";
import { logIn } from "./helpers";

const optionValues = (select: Locator) => select.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));

test.describe("scopes", () => {
  test("a partner scoped to Mopti is offered Mopti and its cercles only, in the figure form and the events form", async ({ page }) => {
    await logIn(page, "mopti");
    await page.goto("/figures/new");
    const regions = (await optionValues(page.getByLabel("Region"))).filter(Boolean);
    expect(regions).toContain("ML05");
    expect(regions.length).toBeGreaterThan(1);
    // Mopti and its cercles (ML05xx), never Gao nor the country.
    expect(regions.every((pcode) => pcode.startsWith("ML05"))).toBe(true);

    await page.goto("/events");
    const create = page.locator("form").filter({ has: page.getByRole("button", { name: "Add the event" }) });
    expect(await optionValues(create.getByLabel("Region"))).toEqual(["ML05"]);
  });

  test("an admin reads each user's scope in words and changes one on the user page; the API carries it", async ({ page }) => {
    await logIn(page, "admin");
    await page.goto("/admin/users");
    await expect(page.locator('tr[data-email="mopti@example.org"] td[data-scope]')).toHaveText("Mopti");
    await expect(page.locator('tr[data-email="admin@example.org"] td[data-scope]')).toHaveText("Everywhere");

    await page.getByRole("link", { name: /mopti@example\.org/ }).click();
    const regions = page.getByRole("group", { name: "Regions" });
    await expect(regions.getByRole("checkbox", { name: /Mopti/ })).toBeChecked();
    await regions.getByRole("checkbox", { name: /Ségou/ }).check();
    await page.getByRole("checkbox", { name: "Limit reading to this scope" }).check();
    await page.getByRole("button", { name: "Save the scope" }).click();
    await expect(page.getByText("Scope saved; it applies from the user's next request.")).toBeVisible();
    const users = (await (await page.request.get("/api/v1/users")).json()).data as { email: string; scope: unknown }[];
    expect(users.find((u) => u.email === "mopti@example.org")?.scope).toEqual({ regions: ["ML04", "ML05"], datasets: [], readScoped: true });
    await page.goto("/admin/users");
    await expect(page.locator('tr[data-email="mopti@example.org"] td[data-scope]')).toHaveText("Ségou, Mopti · reading limited");

    // Back as the demo data has it: other specs use this account.
    await page.getByRole("link", { name: /mopti@example\.org/ }).click();
    // Settled first: boxes unticked in the first instant after a client-side navigation were seen ticked again when the page's data landed.
    await page.waitForLoadState("networkidle");
    await page.getByRole("group", { name: "Regions" }).getByRole("checkbox", { name: /Ségou/ }).uncheck();
    await page.getByRole("checkbox", { name: "Limit reading to this scope" }).uncheck();
    await page.getByRole("button", { name: "Save the scope" }).click();
    await expect(page.getByText("Scope saved; it applies from the user's next request.")).toBeVisible();
    const after = (await (await page.request.get("/api/v1/users")).json()).data as { email: string; scope: unknown }[];
    expect(after.find((u) => u.email === "mopti@example.org")?.scope).toEqual({ regions: ["ML05"], datasets: [], readScoped: false });
  });

  test("the datasets page shows whether each dataset needs review, as a toggle for admins", async ({ page }) => {
    await logIn(page, "admin");
    await page.goto("/admin/datasets");
    const toggle = page.getByRole("button", { name: /^Needs review \(IOM DTM Mali/ });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await expect(page.locator("#dataset-iom-dtm-mali td[data-needs-review]")).toHaveAttribute("data-needs-review", "false");
  });
});
