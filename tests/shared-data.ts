// Where the real published files are: ../shared/data, beside the repository
// and never copied into it (its SOURCES.md gives each file's source and
// licence). CI has the folder; a fresh clone does not.
import { existsSync } from "node:fs";
import path from "node:path";

export const SHARED_DATA = path.resolve(import.meta.dirname, "../../shared/data");

/**
 * Whether the checks against the real files run. The folder decides, not
 * each file: with the folder there, a missing or unreadable file fails its
 * check instead of skipping it.
 */
export const hasSharedData = existsSync(SHARED_DATA);

/** The test files of those checks (skipped without the folder); `npm test` reports whether they ran. */
export const REAL_FILE_TESTS = ["lib/import/real-files.test.ts", "tests/integration/imports-real.test.ts"];

/** A test file's entry in Vitest's JSON report. */
export interface TestFileResult {
  name: string;
  assertionResults: { status: string }[];
}

/**
 * Whether the real-file checks ran, from the test reports, as the one line
 * `npm test` ends with. Without the folder they are skipped; with it, a
 * skipped one fails the run (a skip must not hide a check that should run).
 */
export function realFileChecks(results: TestFileResult[], root: string, dataThere = hasSharedData): { ok: boolean; line: string } {
  const statuses: string[] = [];
  for (const file of REAL_FILE_TESTS) {
    const found = results.find((r) => path.relative(root, r.name) === file);
    if (!found?.assertionResults.length) return { ok: false, line: `Real-file checks: ${file} is not in the test reports (renamed? update REAL_FILE_TESTS in tests/shared-data.ts)` };
    statuses.push(...found.assertionResults.map((a) => a.status));
  }
  const ran = statuses.filter((s) => s === "passed" || s === "failed").length;
  const skipped = statuses.length - ran;
  if (dataThere && skipped) return { ok: false, line: `Real-file checks: ${skipped} of ${statuses.length} skipped although ../shared/data is there` };
  if (dataThere) return { ok: true, line: `Real-file checks: ran (../shared/data found; ${ran} tests)` };
  if (ran) return { ok: false, line: `Real-file checks: ${ran} ran without ../shared/data` };
  return { ok: true, line: "Real-file checks: skipped (no ../shared/data; the fixture-based checks ran)" };
}
