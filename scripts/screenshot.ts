// `npm run screenshot -- [base-url]`: logs in as the demo analyst on a running
// app (default http://localhost:3000) and saves docs/screenshot.png for the
// README, and docs/chart-export.png: the national IDP chart as its PNG export
// gives it (with the comparison sources and the events), untouched.
import { mkdir } from "node:fs/promises";
import { chromium } from "@playwright/test";
import { chromiumExecutable } from "../lib/browser";
import { DEMO_USERS } from "../lib/data/seed";

const base = process.argv[2] ?? "http://localhost:3000";
const analyst = DEMO_USERS.find((u) => u.role === "analyst")!;
const browser = await chromium.launch({ executablePath: chromiumExecutable(() => chromium.executablePath()).path, args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
await page.goto(`${base}/login`);
await page.getByLabel("Email").fill(analyst.email);
await page.getByLabel("Password").fill(analyst.password);
await page.getByRole("button", { name: "Log in" }).click();
await page.waitForURL(`${base}/`);
await page.waitForLoadState("networkidle");
await mkdir("docs", { recursive: true });
await page.screenshot({ path: "docs/screenshot.png" });

await page.goto(`${base}/displacement?compare=idps-national`);
const chart = page.locator('figure[data-chart="idps-national"]');
await chart.locator(".chart-body svg").first().waitFor();
await chart.getByRole("button", { name: "Export" }).click();
const [png] = await Promise.all([page.waitForEvent("download"), chart.getByRole("menuitem", { name: "PNG", exact: true }).click()]);
await png.saveAs("docs/chart-export.png");
await browser.close();
console.log("Saved docs/screenshot.png and docs/chart-export.png");
