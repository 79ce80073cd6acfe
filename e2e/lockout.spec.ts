import { expect, test } from "@playwright/test";
import { cli } from "./helpers";

test("5 wrong passwords lock the account: the right one is then refused with the same message", async ({ page, context }) => {
  const email = `locked-${Date.now()}@example.org`;
  const password = "the right passphrase";
  cli(["user", "add", email, "--role", "viewer", "--password-stdin"], password);

  const attempt = async (pw: string) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(pw);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  };
  for (let i = 1; i <= 5; i++) await attempt(`wrong passphrase ${i}`);
  await attempt(password);
  expect((await context.cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
