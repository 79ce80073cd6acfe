// Makes sure a Chromium exists for the e2e tests and the PDF snapshot:
// Playwright's own, else the system's, else it installs one (Playwright's
// download, else Debian's package when running as root). Used by
// scripts/e2e.ts before the tests and by scripts/start.ts in the background.
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { chromiumExecutable } from "../lib/browser";

export const hasChromium = (): boolean => chromiumExecutable(() => chromium.executablePath()).source !== "none";

function sh(command: string, args: string[], quiet: boolean): boolean {
  return spawnSync(command, args, { stdio: quiet ? "ignore" : "inherit" }).status === 0;
}

/** True once a Chromium is there; `quiet` keeps the installers' output out of the app's log. */
export function ensureChromium({ quiet = false } = {}): boolean {
  if (hasChromium()) return true;
  if (!quiet) console.log("No Chromium found: trying `npx playwright install chromium`…");
  if (sh("npx", ["playwright", "install", "chromium"], quiet) && hasChromium()) return true;
  if (process.getuid?.() === 0) {
    if (!quiet) console.log("Trying Debian's chromium package…");
    const apt = (args: string[]) => sh("apt-get", args, quiet);
    if (apt(["install", "-y", "chromium"]) || (apt(["update"]) && apt(["install", "-y", "chromium"]))) return hasChromium();
  }
  return false;
}

export const INSTALL_HINT =
  "Install one: `npx playwright install chromium` (with internet), `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.";

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exit(ensureChromium({ quiet: process.argv.includes("--quiet") }) ? 0 : 1);
}
