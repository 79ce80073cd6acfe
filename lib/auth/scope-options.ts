// What a write form offers a scoped writer: only the places and datasets
// their scope covers (lib/auth/scope.ts), so that the form never proposes
// what the server would refuse. Pure.
import { coversDataset, coversPlace, type RecordPlace, type Scope } from "./scope";

/** The places the scope covers: its regions and their cercles; the country only without a region limit. */
export function writablePlaces<T extends RecordPlace>(scope: Scope, places: readonly T[]): T[] {
  return places.filter((p) => coversPlace(scope, p));
}

/** The datasets the scope covers. */
export function writableDatasets<T extends { code: string }>(scope: Scope, datasets: readonly T[]): T[] {
  return datasets.filter((d) => coversDataset(scope, d.code));
}

/**
 * Whether a figure may go to its source organisation's dataset without naming
 * one: that dataset may be new, and a dataset-scoped writer creates none.
 */
export function mayLeaveDatasetToSource(scope: Scope): boolean {
  return scope.datasets.length === 0;
}
