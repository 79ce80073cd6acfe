import { execFileSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";

export const USERS = {
  admin: { email: "admin@example.org", password: "sr-demo-admin-pass" },
  reviewer: { email: "reviewer@example.org", password: "sr-demo-reviewer-pass" },
  analyst: { email: "analyst@example.org", password: "sr-demo-analyst-pass" },
  viewer: { email: "viewer@example.org", password: "sr-demo-viewer-pass" },
} as const;

export type RoleName = keyof typeof USERS;

/** Demo accounts with a scope (lib/data/seed.ts): apart from USERS, which has one account per role. */
export const SCOPED_USERS = {
  /** An analyst who writes for Mopti (ML05) and its cercles only, and reads everything. */
  mopti: { email: "mopti@example.org", password: "sr-demo-mopti-pass" },
} as const;

export async function logIn(page: Page, who: RoleName | keyof typeof SCOPED_USERS): Promise<void> {
  const account = who === "mopti" ? SCOPED_USERS.mopti : USERS[who];
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
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

/** Runs one SQL statement on the e2e app's database (e2e/sql.ts) and gives the rows it returns. */
export function sql<T>(statement: string): T[] {
  const out = execFileSync("node", ["--import", "tsx", "e2e/sql.ts", statement], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR ?? ".data-test/e2e" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as T[];
}
