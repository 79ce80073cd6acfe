// The order of datasets an indicator prefers, as the datasets page shows and
// changes it: its stored list, then the other datasets that hold its figures
// (ranked as the dashboards rank them, lib/domain/datasets.ts). Pure.
import { rankDatasets, type DatasetRef } from "./datasets";

/** Every dataset of the stored list or among those with figures, most preferred first. */
export function preferenceOrder(stored: readonly string[], withFigures: readonly string[], datasets: readonly DatasetRef[]): string[] {
  const wanted = new Set([...stored, ...withFigures]);
  return rankDatasets(stored, datasets.filter((d) => wanted.has(d.code))).map((d) => d.code);
}

export type Direction = "up" | "down";

/** The order with `code` one place up or down; null when it is not there or cannot move that way. */
export function moved(order: readonly string[], code: string, direction: Direction): string[] | null {
  const i = order.indexOf(code);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= order.length) return null;
  const next = [...order];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
