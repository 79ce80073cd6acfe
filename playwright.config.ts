import { chromium, defineConfig, devices } from "@playwright/test";
import { chromiumExecutable } from "./lib/browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const browser = chromiumExecutable(() => chromium.executablePath());

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    contextOptions: { reducedMotion: "reduce" },
    launchOptions: {
      executablePath: browser.path,
      // The system Chromium under root in a container; quiet on a closed network.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // The real app: a fresh embedded database seeded with the demo data.
    command: "node --import tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      DATA_DIR: process.env.E2E_DATA_DIR ?? ".data-test/e2e",
      NEXTAUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
