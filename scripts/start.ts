// `npm start`: database (embedded unless DATABASE_URL), migrations, demo data
// on first start, a production build if the sources changed, then `next start`.
// SIGINT/SIGTERM stop the app and then the embedded database, cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { openDatabase } from "../lib/db/runtime";
import { MigrationError } from "../lib/db/migrate";
import { disconnectDb } from "../lib/db/client";
import { prepareDatabase, DEMO_USERS } from "../lib/data/seed";
import { readEnv, type Env } from "../lib/env";
import { hasChromium, INSTALL_HINT } from "./ensure-chromium";

const ROOT = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const startedAt = Date.now();
const log = (message: string) => console.log(`[situation-room] ${message}`);

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

// The Server Actions key salts the action ids at build time (every instance
// must serve the same ids): a build made with another key is stale too.
const BUILD_INFO = path.join(ROOT, ".next", "situation-room-build.json");
const keyFingerprint = (key: string | undefined) => (key ? createHash("sha256").update(key).digest("hex") : "");

function builtWithKey(): string {
  try {
    return (JSON.parse(readFileSync(BUILD_INFO, "utf8")) as { actionsKey?: string }).actionsKey ?? "";
  } catch {
    return ""; // a build by `next build` itself: made without a key given
  }
}

/** A build is stale when any source it is made from is newer than it, or it was made with another Server Actions key. */
function needsBuild(actionsKey: string | undefined): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  if (builtWithKey() !== keyFingerprint(actionsKey)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "messages", "i18n", "proxy.ts", "next.config.js", "package-lock.json"];
  return sources.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** Thrown before anything starts: the message says what to set. */
class ConfigurationError extends Error {}

/**
 * The secret that signs session cookies. With DATABASE_URL the database may
 * be shared by several instances, and a secret generated here would be this
 * instance's alone (its sessions would fail on the others): it must be given.
 */
async function authSecret(env: Env): Promise<string> {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.DATABASE_URL) {
    throw new ConfigurationError(
      "DATABASE_URL is set but NEXTAUTH_SECRET is not. Instances sharing a database must sign sessions with one secret, " +
        "or a session opened on one fails on the others: set NEXTAUTH_SECRET to the same random value on every instance " +
        '(e.g. `openssl rand -base64 32`). See "Running several instances" in the README for the other shared settings ' +
        "(NEXTAUTH_URL, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, TRUST_PROXY).",
    );
  }
  const file = path.join(env.DATA_DIR, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(env.DATA_DIR, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  const env = readEnv();
  const secret = await authSecret(env);
  const database = await openDatabase(log);
  log(env.DATABASE_URL ? "Using the database in DATABASE_URL" : `Embedded PostgreSQL running (data in ${path.resolve(env.DATA_DIR)})`);
  const running: { app?: ChildProcess } = {};
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const { app } = running;
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((r) => app.once("exit", r));
    }
    await disconnectDb();
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    process.env.DATABASE_URL = database.url;
    const { applied, seeded: report, fundingGroupsRewritten } = await prepareDatabase(database.directUrl, { demoUsers: env.SEED_DEMO_USERS === "true" });
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
    if (fundingGroupsRewritten) log(`Recomputed unmet requirements and coverage in ${fundingGroupsRewritten} funding groups left stale by earlier edits`);
    if (report) {
      log(`Empty database: loaded ${report.regions} regions, ${report.indicators} indicators and ${report.figuresCreated} figures from ${report.sources} sources`);
    }
    await disconnectDb();
  } catch (error) {
    console.error(error instanceof MigrationError ? `\n${error.message}\nThe app was not started.\n` : error);
    await shutdown(1);
    return;
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    DATABASE_DIRECT_URL: database.directUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
  };
  const next = path.join(ROOT, "node_modules", ".bin", "next");
  if (!dev && needsBuild(env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY)) {
    log("Building the app (first start, changed sources or a new Server Actions key)…");
    const code = await run(next, ["build"], { ...childEnv, NODE_ENV: "production" });
    if (code !== 0) {
      console.error("The build failed; the app was not started.");
      await shutdown(code);
      return;
    }
    await writeFile(BUILD_INFO, JSON.stringify({ actionsKey: keyFingerprint(env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) }));
  }
  if (!hasChromium()) installChromiumInBackground();
  // Production: scripts/serve.mjs runs one Next.js worker per CPU on the port.
  const [command, args] = dev ? [next, ["dev", "-p", String(env.PORT), "-H", env.HOST]] : [process.execPath, [path.join(ROOT, "scripts", "serve.mjs")]];
  const app = spawn(command, args, { cwd: ROOT, env: { ...childEnv, NODE_ENV: dev ? "development" : "production", PORT: String(env.PORT), HOST: env.HOST }, stdio: ["ignore", "pipe", "inherit"] });
  app.stdout?.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (/Ready in|started server|✓ Ready/i.test(chunk.toString())) {
      log(`Ready at ${childEnv.NEXTAUTH_URL} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
      if (env.SEED_DEMO_USERS === "true") {
        log(`Log in as ${DEMO_USERS.map((u) => `${u.email} / ${u.password}`).join(", ")}`);
      }
    }
  });
  running.app = app;
  app.on("exit", (code) => void shutdown(code ?? 0));
}

/**
 * The PDF snapshot prints with Chromium. Without one the app starts anyway
 * (the PDF answers 503 with what to install) while it is installed beside it.
 */
function installChromiumInBackground(): void {
  log("No Chromium for the PDF snapshot: installing it in the background…");
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const child = spawn(tsx, [path.join(ROOT, "scripts", "ensure-chromium.ts"), "--quiet"], { cwd: ROOT, stdio: "ignore" });
  child.on("exit", (code) => log(code === 0 ? "Chromium installed: the PDF snapshot is ready." : `Could not install Chromium; the PDF snapshot answers 503 until one is there. ${INSTALL_HINT}`));
}

main().catch(async (error: unknown) => {
  console.error(error instanceof ConfigurationError ? `\n${error.message}\nThe app was not started.\n` : error);
  process.exit(1);
});
