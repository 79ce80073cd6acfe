import { expect, test } from "@playwright/test";
import { logIn, USERS, type RoleName } from "./helpers";

test.describe("login and roles", () => {
  for (const role of Object.keys(USERS) as RoleName[]) {
    test(`${role} logs in, sees the dashboard with sourced figures, and logs out`, async ({ page }) => {
      await logIn(page, role);
      await expect(page.getByText(new RegExp(`Signed in as .*\\(${role}\\)`))).toBeVisible();
      // The latest national IDP figure, with its date and its source.
      const idps = page.locator('[data-indicator="idps"]');
      await expect(idps.locator(".value")).toHaveText(/^\d{1,3}(,\d{3})+$/);
      await expect(idps.getByText(/^Period:/)).toBeVisible();
      // Its source first; other sources and the comparison follow.
      await expect(idps.getByRole("link").first()).toHaveAttribute("href", /^https:\/\//);

      await page.getByRole("button", { name: "Log out" }).click();
      await expect(page).toHaveURL(/\/login/);
      await page.goto("/");
      await expect(page).toHaveURL(/\/login\?callbackUrl=%2F$/);
    });
  }

  test("a wrong password gives an error and no session", async ({ page, context }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(USERS.analyst.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name.includes("session-token"))).toBe(false);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an unknown email gets the same error", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody@example.org");
    await page.getByLabel("Password").fill("whatever-password-1");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  });

  test("an anonymous page redirects to /login and comes back after login", async ({ page }) => {
    await page.goto("/?from=bookmark");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel("Email").fill(USERS.viewer.email);
    await page.getByLabel("Password").fill(USERS.viewer.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/\?from=bookmark$/);
  });

  test("a hostile callbackUrl never leads off the site after a real login", async ({ page, context, baseURL }) => {
    // Each is how the value arrives in the login page's address; browsers read
    // the decoded backslash as a slash and drop the tab and the newline.
    for (const callback of ["/%5Cevil.example", "/%09/evil.example", "/%0A/evil.example", "/%5C/evil.example", "//evil.example", "/%2F%2Fevil.example", "https://evil.example/", "javascript:alert(1)"]) {
      await context.clearCookies();
      await page.goto(`/login?callbackUrl=${callback}`);
      await page.getByLabel("Email").fill(USERS.viewer.email);
      await page.getByLabel("Password").fill(USERS.viewer.password);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      expect(new URL(page.url()).origin, callback).toBe(baseURL);
    }
    // Once signed in, the login page sends a hostile callbackUrl home too.
    await page.goto("/login?callbackUrl=/%5Cevil.example");
    await expect(page).toHaveURL(`${baseURL}/`);
  });

  test("the language switch shows the dashboard in French with French numbers", async ({ page }) => {
    await logIn(page, "viewer");
    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Le Mali en un coup d'œil" })).toBeVisible();
    await expect(page.locator('[data-indicator="idps"] .value')).toHaveText(/^\d{1,3}(\u202f\d{3})+$/);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mali at a glance" })).toBeVisible();
  });
});
