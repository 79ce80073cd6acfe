// Ad-hoc: time to headers, total time and the server's peak RSS for downloads
// from one Next worker on the bench database (npm run bench makes it).
// Usage: npx tsx bench/measure-download.mts "figures.xlsx?indicator=idps" ["figures.csv?…" …]
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { startEmbeddedPostgres } from "../lib/db/embedded";
const db = await startEmbeddedPostgres("/work/main/.data-bench");
process.env.DATABASE_URL = db.url;
const { createApiToken } = await import("../lib/data/user-admin");
const { disconnectDb } = await import("../lib/db/client");
const token = await createApiToken("bench@example.org", "measure-download", 1);
await disconnectDb();
const port = 3991;
const app = spawn(process.execPath, ["scripts/serve.mjs"], {
  env: { ...process.env, NODE_ENV: "production", WEB_CONCURRENCY: "1", EXPORT_WORKER: "false", PORT: String(port), HOST: "127.0.0.1", NEXTAUTH_SECRET: "profile-secret-profile-secret", NEXTAUTH_URL: `http://127.0.0.1:${port}` },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve) => app.stdout!.on("data", (c) => /Ready/.test(String(c)) && resolve()));
const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, "utf8"))![1]) / 1024;
const headers = { authorization: `Bearer ${token}` };
await fetch(`http://127.0.0.1:${port}/api/v1/figures.xlsx?indicator=idps&region=ML05&limit=10`, { headers }).then((r) => r.arrayBuffer());
const before = hwm();
for (const q of process.argv.slice(2)) {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/${q}`, { headers });
  const first = performance.now() - t0;
  const bytes = (await res.arrayBuffer()).byteLength;
  console.log(`${q}: ${res.status}, ${(bytes / 1e6).toFixed(1)} MB, headers after ${first.toFixed(0)} ms, total ${(performance.now() - t0).toFixed(0)} ms, server peak RSS ${before.toFixed(0)} → ${hwm().toFixed(0)} MB`);
}
app.kill("SIGTERM");
await new Promise((r) => app.on("exit", r));
await db.stop();
