// `npm run test:db-restart` (part of `npm test`): the database misbehaving
// under the built app, which runs (one web worker, beside the primary and the
// export process) on its own embedded PostgreSQL.
// 1. Stopped and restarted under load: clients keep loading pages and API
//    routes while the database goes away for 5 s and comes back on the same
//    port. Checks: only 200 or 503 answers, no internals in any body, the same
//    app process throughout, and every route back to 200 within 5 s.
// 2. Every connection taken (max_connections): a login with the right
//    password answers 503 "DatabaseUnavailable" (not "wrong password"),
//    pages and the API 503, all back once connections are free.
// 3. Read-only (default_transaction_read_only): reads and a token's first
//    use 200, writes 503 database_read_only, a login 503 "DatabaseReadOnly",
//    /api/health "read_only".
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { DATABASE_NAME, freePort, startEmbeddedPostgres, type RunningDatabase } from "../lib/db/embedded";
import { httpLogin } from "./http-login";
import { codeOf, takeEveryConnection } from "../tests/take-every-connection";

const ROUTES = ["/", "/displacement", "/login", "/api/v1/regions", "/api/v1/figures?indicator=idps&region=ML05&limit=50", "/api/health"];
const CLIENTS = 4;
const LEAKS = /prisma|ECONNREFUSED|ECONNRESET|\n\s+at |SELECT |pg_|stack/i;
const RECOVERY_LIMIT_MS = 5_000;
// Small, so filling it is cheap; the app's web worker and export process keep at most 10 each.
const DB_SETTINGS = { max_connections: "30" };

interface Sample {
  at: number;
  route: string;
  status: number; // 0: no HTTP answer at all
  leak?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const failures: string[] = [];
let passed = 0;
function check(ok: boolean, what: string): void {
  if (ok) passed++;
  else failures.push(what);
  console.log(`${ok ? "✓" : "✗"} ${what}`);
}

async function main(): Promise<void> {
  await mkdir(".data-test", { recursive: true });
  const dir = await mkdtemp(path.resolve(".data-test/db-restart-"));
  await chmod(dir, 0o755); // run as root, PostgreSQL runs as `postgres` and must reach its data
  const dbPort = await freePort();
  const appPort = Number(process.env.DB_RESTART_PORT) || (await freePort());
  const base = `http://127.0.0.1:${appPort}`;
  let database: RunningDatabase = await startEmbeddedPostgres(path.join(dir, "db"), undefined, { port: dbPort, settings: DB_SETTINGS });
  const env = { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), PORT: String(appPort), WEB_CONCURRENCY: "1", DATA_DIR: path.join(dir, "app"), NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1" };
  const app = spawn("node", ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let appLog = "";
  app.stdout.on("data", (d: Buffer) => (appLog += d.toString()));
  app.stderr.on("data", (d: Buffer) => (appLog += d.toString()));
  try {
    const readyBy = Date.now() + 240_000;
    while (!(await fetch(`${base}/api/health`).then((r) => r.ok, () => false))) {
      if (Date.now() > readyBy || app.exitCode !== null) throw new Error(`the app did not start:\n${appLog}`);
      await sleep(500);
    }
    const newToken = (email: string, name: string) => {
      const run = spawnSync("node", ["--import", "tsx", "scripts/cli.ts", "token", "create", email, "--name", name], { env, encoding: "utf8" });
      const created = run.stdout.trim().split("\n").pop() ?? "";
      if (!created.startsWith("sr_")) throw new Error(`no token: ${run.stderr}`);
      return created;
    };
    const token = newToken("viewer@example.org", "load");
    const unusedToken = newToken("viewer@example.org", "first used on a read-only database");
    const analystToken = newToken("analyst@example.org", "writes");
    const appPid = app.pid;
    // Pages take a session, the API a token (a token opens /api/v1 only).
    const viewer = await httpLogin(base, "viewer@example.org", "sr-demo-viewer-pass");
    if (!viewer.cookie) throw new Error(`the viewer could not log in (${viewer.status} ${viewer.error ?? ""})`);
    const credentials = (route: string): Record<string, string> =>
      route === "/login" || route === "/api/health" ? {} : route.startsWith("/api/") ? { Authorization: `Bearer ${token}` } : { cookie: viewer.cookie! };

    const samples: Sample[] = [];
    let running = true;
    const client = async (offset: number) => {
      for (let i = offset; running; i++) {
        const route = ROUTES[i % ROUTES.length]!;
        const sample: Sample = { at: Date.now(), route, status: 0 };
        try {
          // The login page anonymously (signed in, it redirects); pages with the session, the API with the token.
          const res = await fetch(base + route, { headers: credentials(route), redirect: "manual", signal: AbortSignal.timeout(10_000) });
          sample.status = res.status;
          const body = await res.text();
          if (res.status !== 200) sample.leak = LEAKS.exec(body)?.[0];
        } catch (error) {
          sample.leak = String(error);
        }
        samples.push(sample);
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, i) => client(i));

    await sleep(4_000);
    const downAt = Date.now();
    await database.stop();
    console.log(`database stopped; ${samples.length} answers so far`);
    await sleep(2_000);
    // What a reader and an API client see meanwhile.
    const auth = { Authorization: `Bearer ${token}` };
    const pageFr = await fetch(`${base}/figures`, { headers: { ...credentials("/figures"), "Accept-Language": "fr-FR,fr;q=0.9" } });
    const pageFrText = await pageFr.text();
    check(pageFr.status === 503 && pageFrText.includes("La base de données est indisponible") && pageFrText.includes('lang="fr"'), `a page answers 503 with the French page (${pageFr.status})`);
    const pageEn = await fetch(`${base}/map`, { headers: credentials("/map") });
    check(pageEn.status === 503 && (await pageEn.text()).includes("The database is unavailable"), `a page answers 503 with the English page (${pageEn.status})`);
    const api = await fetch(`${base}/api/v1/indicators`, { headers: auth });
    const apiBody = (await api.json().catch(() => null)) as { error?: { code?: string } } | null;
    check(api.status === 503 && apiBody?.error?.code === "database_unavailable", `the API answers 503 database_unavailable (${api.status} ${apiBody?.error?.code})`);
    await sleep(3_000);
    database = await startEmbeddedPostgres(path.join(dir, "db"), undefined, { port: dbPort, settings: DB_SETTINGS });
    const upAt = Date.now();
    console.log(`database back after ${((upAt - downAt) / 1000).toFixed(1)} s`);
    await sleep(RECOVERY_LIMIT_MS + 3_000);
    running = false;
    await Promise.all(clients);

    const statuses = new Map<number, number>();
    for (const s of samples) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
    console.log(`${samples.length} answers: ${[...statuses].map(([s, n]) => `${s || "no answer"} ×${n}`).join(", ")}`);
    const unexpected = samples.filter((s) => s.status !== 200 && s.status !== 503);
    check(unexpected.length === 0, `only 200 or 503 answers${unexpected.length ? ` (got ${unexpected.slice(0, 5).map((s) => `${s.route} ${s.status || s.leak}`).join("; ")})` : ""}`);
    const whileDown = samples.filter((s) => s.at > downAt + 500 && s.at < upAt);
    check(whileDown.length > 0 && whileDown.some((s) => s.status === 503), `503 while the database is down (${whileDown.filter((s) => s.status === 503).length} of ${whileDown.length})`);
    const leaks = samples.filter((s) => s.leak && s.status !== 0);
    check(leaks.length === 0, `no internals in any answer${leaks.length ? ` (found "${leaks[0]!.leak}" in ${leaks[0]!.route})` : ""}`);
    for (const route of ROUTES) {
      const after = samples.filter((s) => s.route === route && s.at >= upAt);
      const firstOk = after.find((s) => s.status === 200);
      const lastFail = after.filter((s) => s.status !== 200).at(-1);
      const recovered = firstOk ? firstOk.at - upAt : Infinity;
      const settled = !lastFail || lastFail.at - upAt <= RECOVERY_LIMIT_MS;
      check(recovered <= RECOVERY_LIMIT_MS && settled, `${route} back to 200 within 5 s (first 200 after ${(recovered / 1000).toFixed(1)} s${lastFail ? `, last failure after ${((lastFail.at - upAt) / 1000).toFixed(1)} s` : ""})`);
    }
    await connectionsExhausted(base, database.url);
    await readOnly(base, database.url, { unusedToken, analystToken });

    check(app.exitCode === null && app.pid === appPid && !/exited \(/.test(appLog), "the same app process served throughout (no crash, no restart)");
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => (app.exitCode === null ? app.once("exit", r) : r(null)));
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `sql` on a connection of its own, whatever the database's default for writes. */
async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET default_transaction_read_only = off");
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Ends the app's connections: its pool must open new ones (which then meet the fault). */
const dropAppConnections = (url: string) => admin(url, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${DATABASE_NAME}' AND pid <> pg_backend_pid()`);

async function waitFor(what: () => Promise<boolean>, limitMs: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    if (await what().catch(() => false)) return Date.now() - start;
    await sleep(250);
  }
  return Infinity;
}

async function connectionsExhausted(base: string, url: string): Promise<void> {
  console.log("\nEvery connection taken (max_connections):");
  await dropAppConnections(url);
  const { held, refusal: error, release } = await takeEveryConnection(url);
  const refusal = codeOf(error);
  check(refusal === "53300", `the server refuses more connections (${refusal}, ${held.length} held)`);
  try {
    const refused = await httpLogin(base, "viewer@example.org", "sr-demo-viewer-pass");
    check(refused.status === 503 && refused.error === "DatabaseUnavailable" && !refused.cookie, `a login with the right password answers 503 DatabaseUnavailable, not "wrong password" (${refused.status} ${refused.error})`);
    const page = await fetch(`${base}/figures`);
    const pageText = await page.text();
    check(page.status === 503 && pageText.includes("The database is unavailable") && !LEAKS.test(pageText), `a page answers 503 with the unavailable page (${page.status})`);
    const api = await fetch(`${base}/api/v1/indicators`);
    const apiBody = (await api.json().catch(() => null)) as { error?: { code?: string } } | null;
    check(api.status === 503 && apiBody?.error?.code === "database_unavailable", `the API answers 503 database_unavailable (${api.status} ${apiBody?.error?.code})`);
  } finally {
    await release();
  }
  const back = await waitFor(async () => (await fetch(`${base}/api/health`)).ok && (await fetch(`${base}/figures`, { redirect: "manual" })).status !== 503, 10_000);
  check(back <= RECOVERY_LIMIT_MS, `pages back within 5 s of connections being free (${(back / 1000).toFixed(1)} s)`);
  const again = await httpLogin(base, "viewer@example.org", "sr-demo-viewer-pass");
  check(again.status === 200 && !!again.cookie, `the same login succeeds once connections are free (${again.status} ${again.error ?? ""})`);
}

async function readOnly(base: string, url: string, tokens: { unusedToken: string; analystToken: string }): Promise<void> {
  console.log("\nRead-only (default_transaction_read_only = on):");
  const session = await httpLogin(base, "viewer@example.org", "sr-demo-viewer-pass"); // while writable
  await admin(url, `ALTER DATABASE ${DATABASE_NAME} SET default_transaction_read_only = on`);
  await dropAppConnections(url);
  try {
    await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 10_000);
    const health = (await (await fetch(`${base}/api/health`)).json()) as { db?: string };
    check(health.db === "read_only", `/api/health says "db":"${health.db}"`);
    const read = await fetch(`${base}/api/v1/regions`, { headers: { Authorization: `Bearer ${tokens.unusedToken}` } });
    check(read.status === 200, `a token's first GET answers 200 though its last use cannot be recorded (${read.status})`);
    const csv = await fetch(`${base}/api/v1/figures.csv?indicator=idps&region=ML05`, { headers: { Authorization: `Bearer ${tokens.unusedToken}` } });
    check(csv.status === 200 && (await csv.text()).includes("ML05"), `an export answers 200 though its audit event cannot be recorded (${csv.status})`);
    const page = await fetch(`${base}/figures`, { headers: session.cookie ? { cookie: session.cookie } : {}, redirect: "manual" });
    check(page.status === 200, `a signed-in page answers 200 (${page.status})`);
    const figure = { indicator: "idps", region: "ML05", periodStart: "2035-01-31", periodEnd: "2035-01-31", disaggregation: null, value: 1000, source: { organisation: "IOM DTM", title: "Read-only check", url: "https://dtm.iom.int/mali", date: "2035-02-01" }, note: null };
    const write = await fetch(`${base}/api/v1/figures`, { method: "POST", headers: { Authorization: `Bearer ${tokens.analystToken}`, "content-type": "application/json" }, body: JSON.stringify(figure) });
    const writeBody = (await write.json().catch(() => null)) as { error?: { code?: string } } | null;
    check(write.status === 503 && writeBody?.error?.code === "database_read_only", `a write answers 503 database_read_only (${write.status} ${writeBody?.error?.code})`);
    const refused = await httpLogin(base, "analyst@example.org", "sr-demo-analyst-pass");
    check(refused.status === 503 && refused.error === "DatabaseReadOnly", `a login answers 503 DatabaseReadOnly (${refused.status} ${refused.error})`);
  } finally {
    await admin(url, `ALTER DATABASE ${DATABASE_NAME} SET default_transaction_read_only = off`);
    await dropAppConnections(url);
  }
  const back = await waitFor(async () => ((await (await fetch(`${base}/api/health`)).json()) as { db?: string }).db === "ok", 10_000);
  check(back <= RECOVERY_LIMIT_MS, `writable again: /api/health "ok" (${(back / 1000).toFixed(1)} s)`);
}

main().then(
  () => {
    console.log(`\n${passed} passed, ${failures.length} failed`);
    process.exit(failures.length ? 1 : 0);
  },
  (error: unknown) => {
    console.error(error);
    console.log(`\n${passed} passed, ${failures.length + 1} failed`);
    process.exit(1);
  },
);
