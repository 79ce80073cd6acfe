// `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the schema.prisma of the last commit (or --from FILE)
// to the working copy, computed by Prisma's own (WebAssembly) schema engine.
// `npm run db:diff -- --print` prints the full schema script instead.
// The engine cannot read a live database here, hence schema-to-schema diffs;
// tests/integration/migrations.test.ts proves that the result has no drift.
import { execFileSync } from "node:child_process";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { diffSql, schemaTarget, type DiffTarget } from "../lib/db/schema-engine";
import { MIGRATIONS_DIR } from "../lib/db/migrate";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: "string" }, print: { type: "boolean" } },
});

async function fromTarget(): Promise<DiffTarget> {
  if (values.print) return { tag: "empty" };
  if (values.from) return schemaTarget(await readFile(values.from, "utf8"));
  try {
    const content = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: ROOT, encoding: "utf8" });
    return schemaTarget(content);
  } catch {
    return { tag: "empty" };
  }
}

async function main() {
  const name = positionals[0];
  if (!values.print && (!name || !/^[a-z0-9_]+$/.test(name))) {
    console.error("usage: npm run db:diff -- <snake_case_name> [--from old-schema.prisma] | --print");
    process.exit(2);
  }
  const from = await fromTarget();
  const to = schemaTarget(await readFile(path.join(ROOT, "prisma/schema.prisma"), "utf8"));

  // The engine insists on connecting somewhere: a throwaway embedded server.
  const dir = await mkdtemp(path.join(os.tmpdir(), "sr-diff-"));
  const server = await startEmbeddedPostgres(dir);
  try {
    const sql = await diffSql(server.url, from, to);
    if (values.print) {
      process.stdout.write(sql);
      return;
    }
    if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
      console.log("schema.prisma has no changes since the last commit: nothing to write.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const target = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(ROOT, target)}/migration.sql: review it, then commit it with schema.prisma.`);
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
