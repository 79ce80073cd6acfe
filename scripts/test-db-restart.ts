// `npm run test:db-restart` (part of `npm test`): the database stopped and
// restarted under load. The built app runs (one worker, so one process) on its
// own embedded PostgreSQL; clients keep loading pages and API routes while the
// database goes away for 5 s and comes back on the same port. Checks: only 200
// or 503 answers, no internals in any body, the same app process throughout,
// and every route back to 200 within 5 s of the database's return.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { freePort, startEmbeddedPostgres, type RunningDatabase } from "../lib/db/embedded";

const ROUTES = ["/", "/displacement", "/login", "/api/v1/regions", "/api/v1/figures?indicator=idps&region=ML05&limit=50", "/api/health"];
const CLIENTS = 4;
const LEAKS = /prisma|ECONNREFUSED|ECONNRESET|\n\s+at |SELECT |pg_|stack/i;
const RECOVERY_LIMIT_MS = 5_000;

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
  let database: RunningDatabase = await startEmbeddedPostgres(path.join(dir, "db"), undefined, { port: dbPort });
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
    const tokenRun = spawnSync("node", ["--import", "tsx", "scripts/cli.ts", "token", "create", "viewer@example.org"], { env, encoding: "utf8" });
    const token = tokenRun.stdout.trim().split("\n").pop() ?? "";
    if (!token.startsWith("sr_")) throw new Error(`no token: ${tokenRun.stderr}`);
    const appPid = app.pid;

    const samples: Sample[] = [];
    let running = true;
    const client = async (offset: number) => {
      for (let i = offset; running; i++) {
        const route = ROUTES[i % ROUTES.length]!;
        const sample: Sample = { at: Date.now(), route, status: 0 };
        try {
          // The login page anonymously (signed in, it redirects); the rest with the token.
          const headers: Record<string, string> = route === "/login" ? {} : { Authorization: `Bearer ${token}` };
          const res = await fetch(base + route, { headers, redirect: "manual", signal: AbortSignal.timeout(10_000) });
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
    const pageFr = await fetch(`${base}/figures`, { headers: { ...auth, "Accept-Language": "fr-FR,fr;q=0.9" } });
    const pageFrText = await pageFr.text();
    check(pageFr.status === 503 && pageFrText.includes("La base de données est indisponible") && pageFrText.includes('lang="fr"'), `a page answers 503 with the French page (${pageFr.status})`);
    const pageEn = await fetch(`${base}/map`, { headers: auth });
    check(pageEn.status === 503 && (await pageEn.text()).includes("The database is unavailable"), `a page answers 503 with the English page (${pageEn.status})`);
    const api = await fetch(`${base}/api/v1/indicators`, { headers: auth });
    const apiBody = (await api.json().catch(() => null)) as { error?: { code?: string } } | null;
    check(api.status === 503 && apiBody?.error?.code === "database_unavailable", `the API answers 503 database_unavailable (${api.status} ${apiBody?.error?.code})`);
    await sleep(3_000);
    database = await startEmbeddedPostgres(path.join(dir, "db"), undefined, { port: dbPort });
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
    check(app.exitCode === null && app.pid === appPid && !/exited \(/.test(appLog), "the same app process served throughout (no crash, no restart)");
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => (app.exitCode === null ? app.once("exit", r) : r(null)));
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
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
