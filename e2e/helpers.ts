import { execFileSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";

export const USERS = {
  admin: { email: "admin@example.org", password: "sr-demo-admin-pass" },
  reviewer: { email: "reviewer@example.org", password: "sr-demo-reviewer-pass" },
  analyst: { email: "analyst@example.org", password: "sr-demo-analyst-pass" },
  viewer: { email: "viewer@example.org", password: "sr-demo-viewer-pass" },
} as const;

export type RoleName = keyof typeof USERS;

export async function logIn(page: Page, role: RoleName): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(USERS[role].email);
  await page.getByLabel("Password").fill(USERS[role].password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mali at a glance" })).toBeVisible();
}

/** Runs the operator CLI against the e2e app's database (the running embedded server). */
export function cli(args: string[], input?: string): string {
  return execFileSync("node", ["--import", "tsx", "scripts/cli.ts", ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR ?? ".data-test/e2e" },
    stdio: ["pipe", "pipe", "pipe"],
  });
}
