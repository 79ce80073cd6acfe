// What an import refuses to protect the server and the people who read its
// figures, said the same way on every path: the API (the upload form posts
// to it) and the CLI. The bombs are built here, at run time.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { importEndpoint } from "../../lib/api/imports-endpoint";
import { runImport } from "../../lib/data/import-run";
import { listImportMappings } from "../../lib/data/import-mappings";
import { REGEX_REFUSED } from "../../lib/import/mapping";
import { zerosEntry, zipArchive } from "../../lib/import/test-zip";

let url: string;
let writer: SessionUser;
let dir: string;

function api(file: Buffer, name: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(file)], name));
  form.set("dryRun", "true");
  form.set("sourceOrganisation", "Limits test");
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return importEndpoint(form, writer);
}

function cli(file: Buffer, name: string, args: string[] = []) {
  const at = path.join(dir, name);
  writeFileSync(at, file);
  const result = spawnSync("node", ["--import", "tsx", "scripts/cli.ts", "import", at, "--dry-run", "--source-org", "Limits test", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const reasonOf = (answer: Awaited<ReturnType<typeof api>>) => ("data" in answer.body && answer.body.data.status === "invalid_file" ? answer.body.data.reason : undefined);

beforeAll(async () => {
  url = await createTestDatabase("import_limits");
  process.env.DATABASE_URL = url;
  await migrate(url);
  await seed({ demoUsers: false });
  writer = await createUser({ email: "limits@test.org", role: "analyst", password: "a-long-enough-password" });
  dir = mkdtempSync(path.join(os.tmpdir(), "import-limits-"));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await disconnectDb();
});

describe("imports refuse", () => {
  it("a decompression bomb: 422 from the API, exit 1 from the CLI, both naming the limit", async () => {
    const bomb = zipArchive([await zerosEntry("xl/worksheets/sheet1.xml", 64 * 1024 * 1024)]);
    const answer = await api(bomb, "bomb.xlsx");
    expect(answer.status).toBe(422);
    expect(reasonOf(answer)).toMatch(/^bomb\.xlsx unpacks to more than 64 MB, more than the 40 MB a workbook may hold here/);
    const run = cli(bomb, "bomb.xlsx");
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain("bomb.xlsx: bomb.xlsx unpacks to more than 64 MB, more than the 40 MB");
  });

  it("a CSV of 2 million columns, with a short answer", async () => {
    const wide = Buffer.from(`${"a,".repeat(2_000_000)}a\n1\n`);
    const answer = await api(wide, "wide.csv");
    expect(answer.status).toBe(422);
    expect(reasonOf(answer)).toMatch(/^wide\.csv has a row of more than 500 columns \(line 1\)/);
    expect(JSON.stringify(answer.body).length).toBeLessThan(500);
  });

  it("a file whose every row is invalid: the first 1,000 errors are listed, the others counted, in a short answer", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `ML99,2037-01-31,${i}`);
    const answer = await api(Buffer.from(`#adm1+code,#date,#affected+idps+ind\n${rows.join("\n")}\n`), "all-bad.csv");
    expect(answer.status).toBe(422);
    if (!("data" in answer.body) || answer.body.data.status === "invalid_file") throw new Error(JSON.stringify(answer.body).slice(0, 300));
    const report = answer.body.data;
    expect(report.counts.invalid).toBe(20_000);
    expect(report.errors).toHaveLength(1_000);
    expect(report.errors[0]).toEqual({ line: 2, column: "#adm1+code", reason: 'unknown region P-code "ML99"' });
    expect(report.errorsOmitted).toBe(19_000);
    expect(JSON.stringify(answer.body).length).toBeLessThan(150_000);
  });

  it("a source URL that is not http(s): in the import's fields (API, CLI) and in a URL column (a row error); nothing is written", async () => {
    const file = Buffer.from("#adm1+code,#date,#affected+idps+ind,#meta+source+url\nML05,2037-01-31,10,https://example.org\nML04,2037-01-31,11,javascript:alert(1)\n");
    const before = await db().figure.count();
    const field = await api(Buffer.from("#adm1+code,#date,#affected+idps+ind\nML05,2037-01-31,10\n"), "f.csv", { sourceUrl: "javascript:alert(document.cookie)", dryRun: "false" });
    expect(field.status).toBe(422);
    expect(reasonOf(field)).toBe(`The import's source URL: "javascript:alert(document.cookie)" is not a web address: a source URL starts with http:// or https://`);
    const run = cli(Buffer.from("#adm1+code,#date,#affected+idps+ind\nML05,2037-01-31,10\n"), "f.csv", ["--source-url", "data:text/html,x"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(`The import's source URL: "data:text/html,x" is not a web address`);

    const column = await api(file, "c.csv", { dryRun: "false" });
    expect(column.status).toBe(422);
    expect(column.body).toMatchObject({ data: { status: "invalid_rows", errors: [{ line: 3, column: "#meta+source+url", reason: '"javascript:alert(1)" is not a web address: a source URL starts with http:// or https://' }] } });
    expect(await db().figure.count()).toBe(before);
  });

  it("a regular expression in a saved mapping: plain patterns saved before still work, others are refused at once", async () => {
    const header = "Zone,Jour,Déplacés,Note";
    const file = (note: string) => Buffer.from(`${header}\nMopti,2037-01-31,120,keep\nGao,2037-01-31,7,${note}\n`);
    const mapping = (matches: string) => ({ filters: [{ column: "Note", matches, reason: "not kept" }], region: { name: "Zone" }, period: { date: "Jour" }, values: [{ column: "Déplacés", indicator: "idps" }] });
    // As a database from before the change holds them.
    const old = await db().importMapping.create({ data: { name: "Old plain", signature: "zone|jour|déplacés|note", mapping: mapping("^keep$") } });
    const plain = await runImport({ data: file("drop"), fileName: "p.csv", commit: false, source: { organisation: "Partner" }, writer });
    expect(plain).toMatchObject({ status: "preview", mappingName: "Old plain", counts: { create: 1, skipped: 1 }, skipped: [{ line: 3, reason: 'not kept (Note is "drop")' }] });

    await db().importMapping.update({ where: { id: old.id }, data: { mapping: mapping("^(a+)+$") } });
    const started = performance.now();
    const evil = await api(file(`${"a".repeat(40)}!`), "p.csv");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(evil.status).toBe(422);
    expect(reasonOf(evil)).toContain(REGEX_REFUSED);

    // Saved through the API: a plain pattern is stored as its comparison, a real one refused.
    const refused = await api(file("x"), "p.csv", { mapping: JSON.stringify(mapping("^(x|y)+$")), saveMappingAs: "Evil" });
    expect(reasonOf(refused)).toContain(REGEX_REFUSED);
    const saved = await api(file("x"), "p.csv", { mapping: JSON.stringify(mapping("^keep$")), saveMappingAs: "Plain" });
    expect(saved.status).toBe(200);
    expect((await listImportMappings()).find((m) => m.name === "Plain")?.mapping).toMatchObject({ filters: [{ column: "Note", equals: "keep", reason: "not kept" }] });
    expect(JSON.stringify((await listImportMappings()).map((m) => m.name === "Plain" && m.mapping))).not.toContain("matches");
  });
});
