// Which Chromium the e2e tests drive: CHROMIUM_PATH, else Playwright's own
// browser when installed, else the system's (Debian's /usr/bin/chromium).
import { existsSync } from "node:fs";

const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function systemChromium(): string | undefined {
  return SYSTEM_CHROMIUMS.find((p) => existsSync(p));
}

export function chromiumExecutable(playwrightBundled: () => string): { path?: string; source: "env" | "playwright" | "system" | "none" } {
  if (process.env.CHROMIUM_PATH) return { path: process.env.CHROMIUM_PATH, source: "env" };
  try {
    if (existsSync(playwrightBundled())) return { source: "playwright" };
  } catch {
    // Playwright's browser is not installed.
  }
  const system = systemChromium();
  return system ? { path: system, source: "system" } : { source: "none" };
}
