// @ts-check
// While the database is down, the HTTP server (scripts/serve.mjs) answers 503
// itself (a friendly page in the reader's language, or the API's JSON error)
// and probes the database, at most four times a second, until it answers
// again: the app recovers by itself, in the same process. A page that fails
// because the database just went away is answered 503, not 500.
// The "down" flag is shared in-process with the app (lib/db/availability.ts).
import pg from "pg";
import en from "../messages/en.json" with { type: "json" };
import fr from "../messages/fr.json" with { type: "json" };

const KEY = "__situationRoomDatabase";
/** @type {{ downSince: number }} */
const state = /** @type {any} */ (globalThis)[KEY] ??= { downSince: 0 };

// next-auth's client fetches these before it posts a login; they need no
// database, and without them it would leave the login page for a bare error.
const WITHOUT_DATABASE = new Set(["/api/auth/csrf", "/api/auth/providers"]);
const PROBE_INTERVAL_MS = 250;
const RETRY_AFTER_SECONDS = 5;
let lastProbeAt = 0;
let lastProbeUp = false;
/** @type {Promise<boolean> | null} */
let probing = null;

/** One probe at a time for all requests; its answer is reused for PROBE_INTERVAL_MS. */
function databaseAnswers() {
  if (Date.now() - lastProbeAt < PROBE_INTERVAL_MS) return Promise.resolve(lastProbeUp);
  probing ??= (async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 1_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch {
      return false;
    } finally {
      client.end().catch(() => {});
    }
  })().then((up) => {
    lastProbeAt = Date.now();
    lastProbeUp = up;
    probing = null;
    return up;
  });
  return probing;
}

const PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Retry-After": String(RETRY_AFTER_SECONDS),
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
};

/** @param {import("node:http").IncomingMessage} req */
function locale(req) {
  const cookie = /(?:^|;\s*)NEXT_LOCALE=(en|fr)\b/.exec(req.headers.cookie ?? "")?.[1];
  if (cookie) return cookie;
  for (const part of String(req.headers["accept-language"] ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (tag === "en" || tag === "fr") return tag;
  }
  return "en";
}

/** @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res */
function answerUnavailable(req, res) {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === "/api/health") {
    res.writeHead(503, { ...PAGE_HEADERS, "Content-Type": "application/json" }).end(JSON.stringify({ status: "error", db: "unavailable" }));
  } else if (path.startsWith("/api/auth/callback/")) {
    // A login: next-auth's client reads `url`, whose error code the login form shows
    // (lib/auth/login-errors.ts: DatabaseUnavailable), as when authorize() meets the outage.
    const url = `http://${req.headers.host ?? "localhost"}/api/auth/error?error=DatabaseUnavailable`;
    const error = { code: "database_unavailable", message: "The database is unavailable; try again shortly" };
    res.writeHead(503, { ...PAGE_HEADERS, "Content-Type": "application/json" }).end(JSON.stringify({ url, error }));
  } else if (path.startsWith("/api/")) {
    const error = { code: "database_unavailable", message: "The database is unavailable; try again shortly" };
    res.writeHead(503, { ...PAGE_HEADERS, "Content-Type": "application/json" }).end(JSON.stringify({ error }));
  } else {
    const lang = locale(req);
    const t = (lang === "fr" ? fr : en).unavailable;
    res.writeHead(503, PAGE_HEADERS).end(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"><title>${t.title} · Situation Room</title>` +
        `<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}a{color:#0b5cad}</style></head>` +
        `<body><main><h1>${t.title}</h1><p>${t.body}</p><p><a href="">${t.retry}</a></p></main></body></html>`,
    );
  }
}

/**
 * Answers the request with a 503 when the database is known to be down and
 * still does not answer; returns true when it did. Static files always pass.
 * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
 */
export async function answeredWhileDatabaseDown(req, res) {
  if (!state.downSince || (req.url ?? "").startsWith("/_next/static/") || WITHOUT_DATABASE.has((req.url ?? "").split("?")[0] ?? "")) return false;
  if (await databaseAnswers()) {
    state.downSince = 0;
    return false;
  }
  answerUnavailable(req, res);
  return true;
}

/**
 * Turns the 500 of a page that failed because the database went away into a
 * 503 (Next renders app/error.tsx as its body: no internals, EN/FR).
 * @param {import("node:http").ServerResponse} res
 */
export function reportDatabaseErrorsAs503(res) {
  const writeHead = res.writeHead;
  /** @type {any} */ (res).writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
    if (status === 500 && state.downSince) {
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      return writeHead.call(this, 503, ...rest);
    }
    return writeHead.call(this, status, ...rest);
  };
}
