// Types of scripts/export-routes.mjs (plain JavaScript, run by scripts/serve.mjs) for the tests.
export const EXPORT_ROUTES: readonly string[];
export function isExportRoute(url: string): boolean;
