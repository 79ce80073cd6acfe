// `npm start`: database (embedded unless DATABASE_URL), migrations, demo data
// on first start, a production build if the sources changed, then `next start`.
// SIGINT/SIGTERM stop the app and then the embedded database, cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { openDatabase } from "../lib/db/runtime";
import { migrate, MigrationError } from "../lib/db/migrate";
import { disconnectDb } from "../lib/db/client";
import { isEmpty, seed, DEMO_USERS } from "../lib/data/seed";
import { readEnv } from "../lib/env";
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

/** A build is stale when any source it is made from is newer than it. */
function needsBuild(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
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

async function authSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  const env = readEnv();
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
    const applied = await migrate(database.url);
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
    if (await isEmpty()) {
      const report = await seed({ demoUsers: env.SEED_DEMO_USERS === "true" });
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
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? (await authSecret(env.DATA_DIR)),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
  };
  const next = path.join(ROOT, "node_modules", ".bin", "next");
  if (!dev && needsBuild()) {
    log("Building the app (first start or changed sources)…");
    const code = await run(next, ["build"], { ...childEnv, NODE_ENV: "production" });
    if (code !== 0) {
      console.error("The build failed; the app was not started.");
      await shutdown(code);
      return;
    }
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
  console.error(error);
  process.exit(1);
});
