// @ts-check
// The production server: WEB_CONCURRENCY Next.js workers (default: one per
// CPU) sharing one port through node:cluster. One Node process renders on one
// core; on this 2-core machine two workers nearly double the pages served
// under load (bench/RESULTS.md). Started by scripts/start.ts.
//
// Heavy exports (lib/http/export-routes.json: figure files, the audit CSV,
// the PDF) run in one more worker of their own, at a lower CPU priority, with
// their own database connections: the web workers pass those requests to it
// over a Unix socket. A burst of exports then slows the exports, not
// everyone's pages (bench/RESULTS.md). EXPORT_WORKER=false turns it off.
//
// Plain JavaScript on purpose: run under tsx, the workers served ~25% fewer
// pages (its loader and source-map hooks sit on every render's hot path).
import cluster from "node:cluster";
import { readdirSync, rmSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import os from "node:os";
import path from "node:path";
import next from "next";
import { answeredWhileDatabaseDown, reportDatabaseErrorsAs503 } from "./database-gate.mjs";
import { isExportRoute } from "./export-routes.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY) || os.availableParallelism());
const exportWorker = process.env.EXPORT_WORKER !== "false";
/** Nice value of the export process: the least share of a busy CPU, all of an idle one. */
const EXPORT_NICENESS = 19;

if (cluster.isPrimary && (workers > 1 || exportWorker)) {
  const socket = path.join(os.tmpdir(), `situation-room-exports-${process.pid}.sock`);
  /** @type {Map<number, "web" | "export">} */
  const roles = new Map();
  /** @param {"web" | "export"} role */
  const fork = (role) => {
    const worker = cluster.fork({ SR_WORKER_ROLE: role, SR_EXPORT_SOCKET: exportWorker ? socket : "" });
    roles.set(worker.id, role);
  };
  const expected = workers + (exportWorker ? 1 : 0);
  let ready = 0;
  let stopping = false;
  for (let i = 0; i < workers; i++) fork("web");
  if (exportWorker) fork("export");
  cluster.on("message", (_worker, message) => {
    if (message === "ready" && ++ready === expected) {
      console.log(`✓ Ready: ${workers} workers on http://${hostname}:${port}${exportWorker ? ", exports in their own process" : ""}`);
    }
  });
  cluster.on("exit", (worker, code) => {
    const role = roles.get(worker.id) ?? "web";
    roles.delete(worker.id);
    if (stopping) return;
    console.error(`${role} worker ${worker.process.pid} exited (${code}); starting another`);
    fork(role);
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5_000).unref();
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        rmSync(socket, { force: true });
        process.exit(0);
      }
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  const role = process.env.SR_WORKER_ROLE === "export" ? "export" : "web";
  const exportSocket = process.env.SR_EXPORT_SOCKET || "";
  if (role === "export") lowerPriority(EXPORT_NICENESS);
  const app = next({ dev: false, dir: ROOT, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The client's address for the login rate limit (lib/auth/login.ts):
  // always set here, so a value sent by the client never counts. The export
  // process takes it from the web worker that passed the request on (only
  // this user's processes can open its socket).
  const trustProxy = process.env.TRUST_PROXY === "true";
  const server = createServer((req, res) => {
    if (role === "web") {
      const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").at(-1)?.trim();
      req.headers["x-client-ip"] = (trustProxy && forwarded) || req.socket.remoteAddress || "unknown";
      if (exportSocket && isExportRoute(req.url ?? "")) return passToExports(req, res, exportSocket);
    }
    reportDatabaseErrorsAs503(res);
    void answeredWhileDatabaseDown(req, res).then((answered) => answered || handle(req, res));
  });
  const onListening = () => {
    if (cluster.isWorker) process.send?.("ready");
    else console.log(`✓ Ready on http://${hostname}:${port}`);
  };
  if (role === "export") {
    rmSync(exportSocket, { force: true });
    const previous = process.umask(0o077); // the socket: this user only
    server.listen(exportSocket, () => {
      process.umask(previous);
      onListening();
    });
  } else {
    server.listen(port, hostname, onListening);
  }
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

/**
 * Sends one request to the export process and its answer back, streamed both
 * ways; a client that goes away cancels the export.
 * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res @param {string} socketPath
 */
function passToExports(req, res, socketPath) {
  const upstream = httpRequest({ socketPath, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    // Hop-by-hop headers describe the socket to the export process, not the client's connection.
    const headers = { ...answer.headers };
    for (const name of ["connection", "keep-alive", "transfer-encoding"]) delete headers[name];
    res.writeHead(answer.statusCode ?? 502, headers);
    answer.pipe(res);
  });
  upstream.on("error", () => {
    if (res.headersSent) return void res.destroy();
    // The export process is restarting: the primary starts another at once.
    res.writeHead(503, { "Content-Type": "application/json", "Retry-After": "5", "Cache-Control": "no-store" });
    res.end(JSON.stringify({ error: { code: "exports_unavailable", message: "Exports are restarting; try again in a few seconds" } }));
  });
  res.on("close", () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

/**
 * Lowers this process's CPU priority. Linux keeps a nice value per thread, so
 * every thread already running (V8's, libuv's) is lowered; threads and
 * processes started later (Chromium for the PDF) inherit it.
 * @param {number} niceness
 */
function lowerPriority(niceness) {
  let threads = ["0"];
  try {
    threads = readdirSync("/proc/self/task");
  } catch {
    // not Linux: the process as a whole
  }
  for (const tid of threads) {
    try {
      os.setPriority(Number(tid), niceness);
    } catch {
      // a thread that ended meanwhile, or a system that refuses: run as is
    }
  }
}
