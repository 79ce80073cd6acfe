// @ts-check
// The heavy exports: the routes that run in an export slot
// (lib/api/export-gate.ts) and that scripts/serve.mjs sends to the instance's
// export process. Plain JavaScript, so the server uses the same check the
// tests do (lib/http/export-routes.test.ts).
import routes from "../lib/http/export-routes.json" with { type: "json" };

/** @type {readonly string[]} */
export const EXPORT_ROUTES = routes;

/**
 * Whether a request path (query string allowed) is a heavy export.
 * @param {string} url
 */
export function isExportRoute(url) {
  return EXPORT_ROUTES.includes(url.split("?")[0] ?? "");
}
