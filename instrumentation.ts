// Next calls onRequestError for every error thrown while rendering a page or
// running a route handler, before the 500 is sent: an unreachable database is
// noted here, so scripts/serve.mjs answers 503 instead and probes until it is back.
import { isDatabaseDown, markDatabaseDown } from "./lib/db/availability";

export function onRequestError(error: unknown): void {
  if (isDatabaseDown(error)) markDatabaseDown();
}
