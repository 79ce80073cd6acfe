// `npm run test:e2e`: makes sure a Chromium exists (Playwright's own, else the
// system's, else installs one), starts from a fresh e2e database, and runs
// Playwright.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { ensureChromium, INSTALL_HINT } from "./ensure-chromium";

if (!ensureChromium()) {
  console.error(`No Chromium for the e2e tests. ${INSTALL_HINT}`);
  process.exit(1);
}
if (!process.env.E2E_DATA_DIR) rmSync(".data-test/e2e", { recursive: true, force: true });
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
process.exit(result.status ?? 1);
