// A user's scope: the regions and datasets they may write for (and, when
// read-scoped, the only ones they may read). The one rule every write path,
// read path and review step asks, on the record itself. Pure: callers pass
// the record's region with its parent, so no lookup hides here.

export interface Scope {
  /** Region P-codes (level 1); a region grants its cercles. Empty: everywhere, national figures included. */
  regions: string[];
  /** Dataset codes. Empty: every dataset. */
  datasets: string[];
  /** The scope limits reading too. */
  readScoped: boolean;
}

/** No limit: the scope of every user until an admin sets one. */
export const UNSCOPED: Scope = Object.freeze({ regions: [], datasets: [], readScoped: false }) as Scope;

/** Where a record is: its area's P-code and level, and the P-code of the region it lies in (a cercle's parent). */
export interface RecordPlace {
  pcode: string;
  level: number;
  /** The area's parent P-code (a cercle's region); null for the country and for regions. */
  parent: string | null;
}

export type OutsideScope = { kind: "region"; code: string } | { kind: "dataset"; code: string };

export function isScoped(scope: Scope): boolean {
  return scope.regions.length > 0 || scope.datasets.length > 0;
}

/**
 * Whether the scope covers an area: a listed region, or a cercle of one. A
 * national figure is covered only by a scope without regions: a partner in
 * Mopti does not write Mali's total.
 */
export function coversPlace(scope: Scope, place: RecordPlace): boolean {
  if (!scope.regions.length) return true;
  if (place.level === 0) return false;
  return scope.regions.includes(place.pcode) || (place.parent !== null && scope.regions.includes(place.parent));
}

export function coversDataset(scope: Scope, dataset: string): boolean {
  return !scope.datasets.length || scope.datasets.includes(dataset);
}

/** What of a record lies outside the scope (its region first), or null when the scope covers it. */
export function outsideScope(scope: Scope, record: { place: RecordPlace; dataset: string }): OutsideScope | null {
  if (!coversPlace(scope, record.place)) return { kind: "region", code: record.place.pcode };
  if (!coversDataset(scope, record.dataset)) return { kind: "dataset", code: record.dataset };
  return null;
}

/** Whether a user with this scope may read a record: everything unless read-scoped. */
export function mayRead(scope: Scope, record: { place: RecordPlace; dataset: string }): boolean {
  return !scope.readScoped || outsideScope(scope, record) === null;
}

/** A scope as stored on the user row (lists of codes), normalised: sorted, unique, upper-case P-codes. */
export function toScope(row: { scopeRegions: string[] | null; scopeDatasets: string[] | null; readScoped: boolean }): Scope {
  const unique = (values: string[]) => [...new Set(values)].sort();
  return {
    regions: unique((row.scopeRegions ?? []).map((p) => p.trim().toUpperCase()).filter(Boolean)),
    datasets: unique((row.scopeDatasets ?? []).map((d) => d.trim()).filter(Boolean)),
    readScoped: row.readScoped,
  };
}
