import { expect, test, type Page } from "@playwright/test";
import { logIn, USERS } from "./helpers";

async function logInAs(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

test.describe("admin", () => {
  test("an admin creates a user who must change the temporary password, then disables them and their session ends", async ({ page, browser }, testInfo) => {
    const email = `field-officer-${testInfo.retry}@example.org`;
    await logIn(page, "admin");
    await page.getByRole("link", { name: "Users" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    const create = page.getByRole("region", { name: "Create a user" });
    await create.getByLabel("Email").fill(email);
    await create.getByLabel("Name").fill("Field Officer");
    await create.getByLabel("Role").selectOption("analyst");
    // A partner for Mopti: the scope is set as the user is created.
    await create.getByRole("group", { name: "Regions" }).getByRole("checkbox", { name: /Mopti/ }).check();
    await create.getByLabel("Temporary password").fill("short");
    await create.getByRole("button", { name: "Create a user" }).click();
    await expect(create.getByText("At least 12 characters.", { exact: true })).toBeVisible();
    await expect(create.getByLabel("Email")).toHaveValue(email); // nothing typed is lost
    await expect(create.getByRole("group", { name: "Regions" }).getByRole("checkbox", { name: /Mopti/ })).toBeChecked();
    await create.getByLabel("Temporary password").fill("temporary-password-1");
    await create.getByRole("button", { name: "Create a user" }).click();
    await expect(create.getByRole("status")).toContainText("User created.");
    await expect(page.locator(`tr[data-email="${email}"]`)).toContainText("must change password");
    await expect(page.locator(`tr[data-email="${email}"] td[data-scope]`)).toHaveText("Mopti");

    // The new user logs in and is sent to choose a password first.
    const other = await browser.newContext();
    const them = await other.newPage();
    await logInAs(them, email, "temporary-password-1");
    await expect(them.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
    await them.goto("/figures");
    await expect(them).toHaveURL(/\/account\/password$/);
    // The API refuses their cookie too until they do.
    const refused = await them.request.get("/api/v1/regions");
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe("password_change_required");
    await them.getByLabel("Current password").fill("temporary-password-1");
    await them.getByLabel("New password", { exact: true }).fill("my own passphrase 2026");
    await them.getByLabel("New password again").fill("my own passphrase 2026");
    await them.getByRole("button", { name: "Change your password" }).click();
    await expect(them.getByText("Your password was changed. Log in with the new one.")).toBeVisible();
    await logInAs(them, email, "my own passphrase 2026");
    await expect(them.getByRole("heading", { level: 1, name: "Mali at a glance" })).toBeVisible();

    // Disabled by the admin: the open session stops at its next request.
    await page.getByRole("link", { name: `Manage ${email}` }).click();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Disable this user" }).click();
    await expect(page.getByRole("status").filter({ hasText: "User disabled" })).toBeVisible();
    await them.goto("/figures");
    await expect(them).toHaveURL(/\/login/);
    await other.close();

    // All of it is in the audit log, filterable by action.
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByLabel("Action").selectOption("user.disable");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=user\.disable/);
    const rows = page.locator("table.audit-log tbody tr");
    await expect(rows.first()).toContainText("admin@example.org");
    await expect(rows.first()).toContainText("active: true → active: false");
    expect(await rows.evaluateAll((trs) => trs.every((tr) => tr.getAttribute("data-action") === "user.disable"))).toBe(true);

    // The filtered log as CSV: the same events.
    const csvHref = (await page.getByRole("link", { name: "Export CSV" }).getAttribute("href"))!;
    expect(csvHref).toContain("action=user.disable");
    const csv = await page.request.get(csvHref);
    expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="audit-log_\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("id,at,user,action,entity,entity_id,before,after");
    expect(lines.length - 1).toBe(await rows.count());
    expect(lines.slice(1).every((l) => l.includes(",user.disable,"))).toBe(true);
  });

  test("a user creates an API token shown once, uses it, and revokes it", async ({ page, request }) => {
    await logIn(page, "viewer");
    await page.getByRole("link", { name: "Account" }).click();
    await page.getByLabel("Name", { exact: true }).fill("weekly report");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!;
    expect(token).toMatch(/^sr_/);
    const auth = { authorization: `Bearer ${token}` };
    expect((await request.get("/api/v1/indicators", { headers: auth })).status()).toBe(200);
    await page.reload();
    await expect(page.getByTestId("new-token")).toHaveCount(0); // shown once
    await expect(page.getByRole("row", { name: /weekly report/ })).not.toContainText("Never"); // its use was recorded
    await page.getByRole("button", { name: "Revoke token weekly report" }).click();
    // The list refreshes: the token is marked revoked and has no revoke button any more.
    await expect(page.getByRole("row", { name: /weekly report/ })).toContainText("revoked");
    await expect(page.getByRole("button", { name: "Revoke token weekly report" })).toHaveCount(0);
    expect((await request.get("/api/v1/indicators", { headers: auth })).status()).toBe(401);
  });

  test("users API and admin pages: 403 or forbidden for non-admins, the list for admins", async ({ page }) => {
    await logIn(page, "analyst");
    expect((await page.request.get("/api/v1/users")).status()).toBe(403);
    expect((await page.request.get("/api/v1/audit")).status()).toBe(403);
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/forbidden$/);
    await page.goto("/admin/audit");
    await expect(page).toHaveURL(/\/forbidden$/);

    await page.context().clearCookies();
    await logIn(page, "admin");
    const res = await page.request.get("/api/v1/users");
    expect(res.status()).toBe(200);
    const { data } = await res.json();
    expect(data).toEqual(expect.arrayContaining(Object.values(USERS).map((u) => expect.objectContaining({ email: u.email, active: true }))));
    expect(data[0]).not.toHaveProperty("passwordHash");
  });

  test("an impossible date in the audit log's address is an error at its field, not a failed page", async ({ page }) => {
    await logIn(page, "admin");
    const res = await page.goto("/admin/audit?action=auth.login&from=2024-99-99&to=2024-00-00");
    expect(res!.status()).toBe(200);
    for (const label of ["From", "To"]) {
      const field = page.getByLabel(label);
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(field).toHaveAccessibleDescription(/Not a date: choose a complete date \(day, month and year\) in the field/);
    }
    // The valid filter still applies, and the export link carries only it.
    const rows = page.locator("table.audit-log tbody tr");
    await expect(rows.first()).toHaveAttribute("data-action", "auth.login");
    expect(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe("/api/v1/audit.csv?action=auth.login");
    const api = await page.request.get("/api/v1/audit?from=2024-99-99");
    expect(api.status()).toBe(400);
    expect((await api.json()).error).toMatchObject({ code: "invalid_parameter", parameter: "from" });
    expect((await page.request.get("/api/v1/audit.csv?from=2024-00-00")).status()).toBe(400);
  });

  test("an admin reorders an indicator's preferred datasets on the datasets page; viewers read it without controls", async ({ page }) => {
    await logIn(page, "admin");
    await page.getByRole("link", { name: "Datasets" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Datasets" })).toBeVisible();
    await expect(page.locator('tr[data-dataset="iom-dtm-mali"]')).toContainText("every 90 days");
    const idps = page.getByRole("list", { name: "Internally displaced persons (IDPs)" });
    const codes = () => idps.locator("li").evaluateAll((items) => items.map((li) => li.getAttribute("data-dataset")));
    expect((await codes()).slice(0, 2)).toEqual(["iom-dtm-mali", "idmc-gidd"]);

    await page.getByRole("button", { name: "Move IDMC Global Internal Displacement Database — Mali, conflict up for Internally displaced persons (IDPs)" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Order saved for Internally displaced persons (IDPs)." })).toBeVisible();
    await expect.poll(async () => (await codes()).slice(0, 2)).toEqual(["idmc-gidd", "iom-dtm-mali"]);
    const api = (await (await page.request.get("/api/v1/audit?action=dataset.preference")).json()).data as { entityId: string }[];
    expect(api[0]).toMatchObject({ entityId: "idps" });

    // Back as the seed has it (the other specs read the DTM first).
    await page.getByRole("button", { name: "Move IDMC Global Internal Displacement Database — Mali, conflict down for Internally displaced persons (IDPs)" }).click();
    await expect.poll(async () => (await codes()).slice(0, 2)).toEqual(["iom-dtm-mali", "idmc-gidd"]);

    await page.context().clearCookies();
    await logIn(page, "viewer");
    await page.goto("/admin/datasets");
    await expect(page.getByRole("list", { name: "Internally displaced persons (IDPs)" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Move / })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Create a dataset" })).toHaveCount(0);
  });
});
