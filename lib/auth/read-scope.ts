// Which places a reader's pages offer: a read-scoped reader meets only their
// regions (and their cercles), never the country; everyone else every place.
// Pure; the figures themselves are filtered by lib/data/visibility-sql.ts.
import { coversPlace, type RecordPlace } from "./scope";
import type { Visibility } from "./visibility";

/** Whether `v` may read figures of a place (pickers, region tables, national tiles). */
export function readablePlace(v: Visibility, place: RecordPlace): boolean {
  return !v.scope.readScoped || coversPlace(v.scope, place);
}

/** Whether `v` reads national figures: unless read-scoped to regions. */
export function readsNational(v: Visibility): boolean {
  return readablePlace(v, { pcode: "ML", level: 0, parent: null });
}
