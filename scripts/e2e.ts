// `npm run test:e2e`: makes sure a Chromium exists (Playwright's own, else the
// system's, else installs one), starts from a fresh e2e database, and runs
// Playwright.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumExecutable } from "../lib/browser";

function sh(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "inherit" }).status === 0;
}

function ensureChromium(): void {
  if (chromiumExecutable(() => chromium.executablePath()).source !== "none") return;
  console.log("No Chromium found: trying `npx playwright install chromium`…");
  if (sh("npx", ["playwright", "install", "chromium"]) && chromiumExecutable(() => chromium.executablePath()).source !== "none") return;
  if (process.getuid?.() === 0) {
    console.log("Trying Debian's chromium package…");
    if (sh("apt-get", ["install", "-y", "chromium"]) || (sh("apt-get", ["update"]) && sh("apt-get", ["install", "-y", "chromium"]))) return;
  }
  console.error(
    "No Chromium for the e2e tests. Install one: `npx playwright install chromium` (with internet), " +
      "`sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.",
  );
  process.exit(1);
}

ensureChromium();
if (!process.env.E2E_DATA_DIR) rmSync(".data-test/e2e", { recursive: true, force: true });
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
process.exit(result.status ?? 1);
