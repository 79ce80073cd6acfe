// @ts-check
// The production server: WEB_CONCURRENCY Next.js workers (default: one per
// CPU) sharing one port through node:cluster. One Node process renders on one
// core; on this 2-core machine two workers nearly double the pages served
// under load (bench/RESULTS.md). Started by scripts/start.ts.
// Plain JavaScript on purpose: run under tsx, the workers served ~25% fewer
// pages (its loader and source-map hooks sit on every render's hot path).
import cluster from "node:cluster";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import next from "next";
import { answeredWhileDatabaseDown, reportDatabaseErrorsAs503 } from "./database-gate.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY) || os.availableParallelism());

if (cluster.isPrimary && workers > 1) {
  let ready = 0;
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("message", (_worker, message) => {
    if (message === "ready" && ++ready === workers) console.log(`✓ Ready: ${workers} workers on http://${hostname}:${port}`);
  });
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} exited (${code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5_000).unref();
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  const app = next({ dev: false, dir: ROOT, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The client's address for the login rate limit (lib/auth/login.ts):
  // always set here, so a value sent by the client never counts.
  const trustProxy = process.env.TRUST_PROXY === "true";
  const server = createServer((req, res) => {
    const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").at(-1)?.trim();
    req.headers["x-client-ip"] = (trustProxy && forwarded) || req.socket.remoteAddress || "unknown";
    reportDatabaseErrorsAs503(res);
    void answeredWhileDatabaseDown(req, res).then((answered) => answered || handle(req, res));
  }).listen(port, hostname, () => {
    if (cluster.isWorker) process.send?.("ready");
    else console.log(`✓ Ready on http://${hostname}:${port}`);
  });
  // Finish in-flight requests, then exit (a normal exit, so profilers and
  // exit hooks run); give up after 5 s.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
