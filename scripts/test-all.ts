// `npm test`: everything, in order, stopping at the first failure:
// typecheck, lint, unit, integration (real PostgreSQL), build, e2e (Chromium).
import { spawnSync } from "node:child_process";

const steps: [string, string[]][] = [
  ["typecheck", ["npm", "run", "typecheck"]],
  ["lint", ["npm", "run", "lint"]],
  ["unit", ["npm", "run", "test:unit"]],
  ["integration", ["npm", "run", "test:integration"]],
  ["build", ["npx", "next", "build"]],
  ["e2e", ["npm", "run", "test:e2e"]],
];

const started = Date.now();
const timings: string[] = [];
for (const [name, [command, ...args]] of steps) {
  const t0 = Date.now();
  console.log(`\n=== ${name} ===`);
  const { status } = spawnSync(command!, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (status !== 0) {
    console.error(`\n${name} failed (exit ${status}). ${timings.join(", ")}`);
    process.exit(status ?? 1);
  }
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s: ${timings.join(", ")}`);
