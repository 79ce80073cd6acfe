// The line `npm test` ends with about the real-file checks, and the folder it
// looks for: a wrong path or a skipped check must not pass for a run.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REAL_FILE_TESTS, realFileChecks, SHARED_DATA, type TestFileResult } from "./shared-data";

const ROOT = path.resolve(import.meta.dirname, "..");
const report = (...statuses: string[][]): TestFileResult[] =>
  REAL_FILE_TESTS.map((file, i) => ({ name: path.join(ROOT, file), assertionResults: (statuses[i] ?? []).map((status) => ({ status })) })).concat([
    { name: path.join(ROOT, "lib/import/publications.test.ts"), assertionResults: [{ status: "passed" }] },
  ]);

describe("the real-file checks", () => {
  it("look for the data folder beside the repository", () => {
    expect(SHARED_DATA).toBe(path.join(path.dirname(ROOT), "shared", "data"));
  });

  it("say they ran when the folder is there and every check ran", () => {
    expect(realFileChecks(report(["passed", "passed"], ["passed"]), ROOT, true)).toEqual({ ok: true, line: "Real-file checks: ran (../shared/data found; 3 tests)" });
  });

  it("say they were skipped when the folder is not there", () => {
    expect(realFileChecks(report(["skipped", "skipped"], ["skipped"]), ROOT, false)).toEqual({ ok: true, line: "Real-file checks: skipped (no ../shared/data; the fixture-based checks ran)" });
  });

  it("fail the run when a check was skipped although the folder is there", () => {
    expect(realFileChecks(report(["passed", "skipped"], ["passed"]), ROOT, true)).toMatchObject({ ok: false, line: expect.stringContaining("1 of 3 skipped although ../shared/data is there") });
  });

  it("fail the run when a test file of theirs is not in the reports, or has no tests", () => {
    expect(realFileChecks(report(["passed"]), ROOT, true)).toMatchObject({ ok: false, line: expect.stringContaining("tests/integration/imports-real.test.ts is not in the test reports") });
    expect(realFileChecks(report(["skipped"]).slice(1), ROOT, false)).toMatchObject({ ok: false, line: expect.stringContaining("lib/import/real-files.test.ts is not in the test reports") });
  });

  it("fail the run when checks ran with no folder (they read something else)", () => {
    expect(realFileChecks(report(["passed"], ["skipped"]), ROOT, false)).toMatchObject({ ok: false });
  });
});
