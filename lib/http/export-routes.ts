// The heavy exports: the routes that run in an export slot (lib/api/export-gate.ts)
// and that scripts/serve.mjs sends to the instance's export process. A JSON
// file, so the plain-JS server reads the same list.
import routes from "./export-routes.json";

export const EXPORT_ROUTES: readonly string[] = routes;

/** Whether a request path (query string allowed) is a heavy export. */
export function isExportRoute(url: string): boolean {
  const path = url.split("?")[0] ?? "";
  return EXPORT_ROUTES.includes(path);
}
