// Ad-hoc: CPU-profile one Next worker serving a page on the bench database.
// Usage: npx tsx bench/profile-page.mts /path [connections] [seconds]
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import autocannon from "autocannon";
import { startEmbeddedPostgres } from "../lib/db/embedded";

const target = process.argv[2] ?? "/";
const connections = Number(process.argv[3] ?? 10);
const seconds = Number(process.argv[4] ?? 10);
const db = await startEmbeddedPostgres("/work/main/.data-bench");
process.env.DATABASE_URL = db.url;
rmSync("/tmp/prof", { recursive: true, force: true });
mkdirSync("/tmp/prof");
const port = 3990;
const app = spawn(process.execPath, [...(process.env.NO_PROF ? [] : ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"]), "scripts/serve.mjs"], {
  env: { ...process.env, NODE_ENV: "production", WEB_CONCURRENCY: "1", EXPORT_WORKER: "false", PORT: String(port), HOST: "127.0.0.1", NEXTAUTH_SECRET: "profile-secret-profile-secret", NEXTAUTH_URL: `http://127.0.0.1:${port}` },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve) => app.stdout!.on("data", (c) => /Ready/.test(String(c)) && resolve()));
const url = `http://127.0.0.1:${port}${target}`;
// Pages take a session, never an API token.
const { httpLogin } = await import("../scripts/http-login");
const session = await httpLogin(`http://127.0.0.1:${port}`, "bench@example.org", "bench-only-password");
if (!session.cookie) throw new Error(`no session: ${session.status} ${session.error}`);
const headers = { cookie: session.cookie };
if (process.env.SAVE_HTML) {
  const { writeFileSync } = await import("node:fs");
  writeFileSync(process.env.SAVE_HTML, await (await fetch(url, { headers })).text());
}
await autocannon({ url, connections, duration: 3, headers }); // warm-up
const cpuOf = () => {
  const f = readFileSync(`/proc/${app.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(f[11]) + Number(f[12])) * 10; // utime + stime, in ms (100 Hz ticks)
};
const cpu0 = cpuOf();
const r = await autocannon({ url, connections, duration: seconds, headers });
console.log(`server CPU per request: ${((cpuOf() - cpu0) / r.requests.total).toFixed(2)} ms`);
console.log(`${target} c=${connections}: ${r.requests.total} req, p50 ${r.latency.p50} p97.5 ${r.latency.p97_5} ms, non2xx ${r.non2xx}, ${Math.round(r.throughput.average / r.requests.average)} B/resp`);
app.kill("SIGTERM");
await new Promise((resolve) => app.on("exit", resolve));
const file = readdirSync("/tmp/prof")[0];
if (file) {
  const profile = JSON.parse(readFileSync(`/tmp/prof/${file}`, "utf8"));
  const self = new Map<number, number>();
  const dt: number[] = profile.timeDeltas;
  profile.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const t = self.get(node.id) ?? 0;
    total += t;
    const { functionName, url: u, lineNumber } = node.callFrame;
    const key = `${functionName || "(anon)"} ${String(u).replace(/.*node_modules\//, "").replace("/work/main/", "")}:${lineNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    const pkg = !u ? functionName : u.includes("node_modules") ? u.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, "$1") + (u.includes("/compiled/") ? "/" + u.replace(/.*\/compiled\/([^/]+).*/, "$1") : "") : u.startsWith("node:") ? "node-core" : u.replace("file:///work/main/", "").split("/").slice(0, 3).join("/");
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}% ${k}`).join("\n");
  if (process.env.SAVE_PROFILE) {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(process.env.SAVE_PROFILE, JSON.stringify({ requests: r.requests.total + 0, byFn: Object.fromEntries(byFn), byPkg: Object.fromEntries(byPkg) }));
  }
  console.log(`-- by package\n${top(byPkg, 25)}\n-- by function\n${top(byFn, 40)}`);
}
await db.stop();
