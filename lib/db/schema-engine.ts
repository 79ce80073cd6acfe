// Prisma's schema engine compiled to WebAssembly, used offline to compute
// migration SQL (the native engine cannot be downloaded here, see README
// "Migrations"). Node 20 cannot import the package's .wasm entry, so the
// module is instantiated by hand with the package's own glue code.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
export type DiffTarget = import("@prisma/schema-engine-wasm").DiffTarget;

let gluePromise: Promise<Glue> | null = null;

async function loadGlue(): Promise<Glue> {
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Glue;
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
  const compiled = await WebAssembly.compile(bytes);
  const imports: WebAssembly.Imports = { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports };
  const instance = await WebAssembly.instantiate(compiled, imports);
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as unknown as { __wbindgen_start: () => void }).__wbindgen_start();
  return glue;
}

export function schemaTarget(content: string, file = "schema.prisma"): DiffTarget {
  return { tag: "schemaDatamodel", files: [{ path: file, content }] };
}

/**
 * SQL that takes a database from `from` to `to`. The engine connects to
 * `databaseUrl` even for schema-to-schema diffs, so it must be reachable.
 */
export async function diffSql(databaseUrl: string, from: DiffTarget, to: DiffTarget): Promise<string> {
  gluePromise ??= loadGlue();
  const glue = await gluePromise;
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const engine = await glue.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from,
      to,
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
