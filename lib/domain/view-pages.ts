// Which pages "Save view" is offered on: the pages that show data under
// filters (dashboards, lists, the audit log), not forms or one record; there
// a saved view has nothing to keep, and a second "Save…" button would sit
// beside the form's own.
/**
 * The longest name of a saved view. Here, not beside the zod schema, so the
 * header's "Save view" form (on every page) does not ship zod: defining a zod
 * object probes `new Function`, which the CSP refuses and reports.
 */
export const VIEW_NAME_MAX = 100;

const EXACT = new Set(["/", "/displacement", "/food-security", "/funding", "/map", "/compare", "/snapshot", "/regions", "/figures", "/imports", "/admin/audit", "/admin/datasets"]);
const UNDER = ["/regions/"];

export function isViewPage(pathname: string): boolean {
  return EXACT.has(pathname) || UNDER.some((prefix) => pathname.startsWith(prefix) && pathname.length > prefix.length && !pathname.slice(prefix.length).includes("/"));
}
