// Dashboard reads are cached in memory per app instance and keyed by the
// versions of what they read, which triggers move on every write
// (migrations 20261124181957 and 20261202170000): the structure (regions,
// indicators, datasets, events, edited sources: every page reads them), a
// counter per indicator, and one for the review queue. A write to funding
// thus leaves the displacement pages' entries warm. Each request reads the
// versions once (one primary-key lookup), so every instance behind a load
// balancer sees a write at its next request; stale entries age out of the LRU.
import { cache } from "react";
import { db } from "../db/client";

const MAX_ENTRIES = 2_000;
const entries = new Map<string, Promise<unknown>>();

/**
 * What a cached read depends on, besides the structure (always part of it):
 * the figures of some indicators (by code, with their pending revisions),
 * the review queue, nothing else ("structure"), or every write ("any": the
 * default, for reads across indicators).
 */
export type ReadsFrom = { indicators: readonly string[] } | "review" | "structure" | "any";

export interface DataVersions {
  /** Moves on every write. */
  version: string;
  structure: string;
  counters: Record<string, number>;
}

/** The current versions, read once per request (React cache) and at most once per call elsewhere. */
export const dataVersions = cache(async (): Promise<DataVersions> => {
  const rows = await db().$queryRaw<{ version: bigint; structure: bigint; counters: Record<string, number> }[]>`
    SELECT version, structure, counters FROM data_versions WHERE name = 'dashboard'`;
  const row = rows[0];
  return { version: String(row?.version ?? "0"), structure: String(row?.structure ?? "0"), counters: row?.counters ?? {} };
});

/** The version a read of `from` is cached under: two reads of the same data under the same version give the same answer. */
export function versionOf(versions: DataVersions, from: ReadsFrom): string {
  if (from === "any") return `a${versions.version}`;
  const counter = (name: string) => versions.counters[name] ?? 0;
  if (from === "structure") return `s${versions.structure}`;
  if (from === "review") return `s${versions.structure}:r${counter("review")}`;
  return `s${versions.structure}:${[...new Set(from.indicators)].sort().map((code) => `${code}=${counter(`i:${code}`)}`).join(",")}`;
}

/** Any write's version, e.g. for a response's freshness. */
export async function dashboardVersion(): Promise<string> {
  return (await dataVersions()).version;
}

export async function cachedRead<T>(key: string, read: () => Promise<T>, from: ReadsFrom = "any"): Promise<T> {
  const full = `${versionOf(await dataVersions(), from)}:${key}`;
  const hit = entries.get(full);
  if (hit) {
    // Refresh its place in the LRU order.
    entries.delete(full);
    entries.set(full, hit);
    return hit as Promise<T>;
  }
  const pending = read();
  entries.set(full, pending);
  pending.catch(() => entries.delete(full)); // never cache a failure
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return pending;
}

/** For tests. */
export function clearReadCache(): void {
  entries.clear();
}
