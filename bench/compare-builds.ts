// Two builds of the app on one database, compared page by page: each page at
// 20 clients on A, then B, B, A (10 s each, AB_SECONDS), so that the host's
// drift weighs on both alike. Reports each build's p97.5 (autocannon's
// nearest to p95) and the machine's busy CPU per request, which the host's
// scheduling moves far less than latency. How it was used for issue 17:
//   git worktree add --detach ../old <commit>; build it (npx next build --webpack)
//   start both on the bench database (scripts/serve.mjs, PORT=3401 and 3402,
//   the same DATABASE_URL and NEXTAUTH_SECRET), then:
//   npx tsx bench/compare-builds.ts http://127.0.0.1:3401 http://127.0.0.1:3402
// The bench user (bench@example.org) must exist: `npm run bench` creates it.
import autocannon from "autocannon";
import { httpLogin } from "../scripts/http-login";
import { cpuTimes } from "./stats";

const [oldBase, newBase] = process.argv.slice(2) as [string, string];
if (!oldBase || !newBase) throw new Error("usage: npx tsx bench/compare-builds.ts <base URL of build A> <base URL of build B>");
const PAGES = ["/", "/displacement", "/food-security", "/funding"];
const SECONDS = Number(process.env.AB_SECONDS ?? 10);

async function load(url: string, cookie: string, seconds: number) {
  const b0 = await cpuTimes();
  const r = await autocannon({ url, connections: 20, duration: seconds, headers: { cookie } });
  const b1 = await cpuTimes();
  if (!b0 || !b1) throw new Error("no /proc/stat: CPU per request needs Linux");
  return { p95: r.latency.p97_5 /* autocannon reports p97.5, not p95 */, p50: r.latency.p50, requests: r.requests.total, errors: r.errors + r.non2xx, cpuMs: ((b1.busy - b0.busy) * 10) / Math.max(1, r.requests.total) };
}

const cookies: Record<string, string> = {};
for (const base of [oldBase, newBase]) {
  const s = await httpLogin(base, "bench@example.org", "bench-only-password");
  if (!s.cookie) throw new Error(`login failed at ${base}: ${s.status} ${s.error}`);
  cookies[base] = s.cookie;
}
const rows: string[] = [];
for (const p of PAGES) {
  for (const base of [oldBase, newBase]) await load(base + p, cookies[base]!, 4);
  const seen: Record<string, { p95: number[]; cpu: number; req: number; errors: number }> = {};
  for (const base of [oldBase, newBase, newBase, oldBase]) {
    const r = await load(base + p, cookies[base]!, SECONDS);
    const s = (seen[base] ??= { p95: [], cpu: 0, req: 0, errors: 0 });
    s.p95.push(r.p95);
    s.cpu += r.cpuMs * r.requests;
    s.req += r.requests;
    s.errors += r.errors;
    console.error(p, base === oldBase ? "A" : "B", JSON.stringify(r));
  }
  const o = seen[oldBase]!, n = seen[newBase]!;
  const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  rows.push(`| ${p} | ${mean(o.p95).toFixed(1)} (${o.p95.join(", ")}) | ${mean(n.p95).toFixed(1)} (${n.p95.join(", ")}) | ${(mean(n.p95) / mean(o.p95)).toFixed(2)} | ${(o.cpu / o.req).toFixed(1)} | ${(n.cpu / n.req).toFixed(1)} | ${((n.cpu / n.req) / (o.cpu / o.req)).toFixed(2)} | ${o.errors + n.errors} |`);
}
console.log("| page | A p97.5 ms (runs) | B p97.5 ms (runs) | ratio B/A | A CPU ms/request | B CPU ms/request | CPU ratio B/A | errors |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
console.log(rows.join("\n"));
