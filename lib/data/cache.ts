// Dashboard reads are cached in memory per app instance and keyed by the
// database's dashboard version, which a trigger bumps on every write to
// figures, sources, regions or indicators (migration 20261124181957). Each
// request reads the version once (one primary-key lookup), so every instance
// behind a load balancer sees a write at its next request; stale entries just
// age out of the LRU.
import { cache } from "react";
import { db } from "../db/client";

const MAX_ENTRIES = 2_000;
const entries = new Map<string, Promise<unknown>>();

/** The current version, read once per request (React cache) and at most once per call elsewhere. */
export const dashboardVersion = cache(async (): Promise<string> => {
  const rows = await db().$queryRaw<{ version: bigint }[]>`SELECT version FROM data_versions WHERE name = 'dashboard'`;
  return String(rows[0]?.version ?? "0");
});

export async function cachedRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  const full = `${await dashboardVersion()}:${key}`;
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
