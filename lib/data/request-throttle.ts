// Requests per key within a sliding window, in PostgreSQL so that every app
// instance shares the count (public links: per client IP and per link). It
// reuses the login throttle's table (lib/data/login-throttle.ts) under its
// own key prefixes, so no new table: `failures` holds the times of the
// requests let through within the window (at most `limit` of them), and
// pruneThrottles clears idle rows with the rest.
import { db } from "../db/client";

export interface RatePolicy {
  limit: number;
  windowSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one request on `key` unless the window is full. One statement: ON
 * CONFLICT takes the row lock, so concurrent requests from any instance are
 * counted one after the other and never pass the limit together.
 */
export async function takeRequest(key: string, policy: RatePolicy): Promise<RateDecision> {
  const { limit, windowSeconds } = policy;
  const rows = await db().$queryRaw<{ allowed: boolean; retry_after: number | null }[]>`
    INSERT INTO login_throttles AS t (key, failures, locked_until, updated_at)
    VALUES (${key}, ARRAY[now()], NULL, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE
        WHEN cardinality(ARRAY(SELECT f FROM unnest(t.failures) f WHERE f > now() - ${windowSeconds}::int * interval '1 second')) >= ${limit}::int
          THEN ARRAY(SELECT f FROM unnest(t.failures) f WHERE f > now() - ${windowSeconds}::int * interval '1 second' ORDER BY f)
        ELSE ARRAY(SELECT f FROM unnest(t.failures) f WHERE f > now() - ${windowSeconds}::int * interval '1 second' ORDER BY f) || now() END,
      updated_at = now()
    -- Let through when this request's time is the newest entry; else wait until the oldest leaves the window.
    RETURNING (t.failures[cardinality(t.failures)] = now()) AS allowed,
              ceil(extract(epoch FROM (t.failures[1] + ${windowSeconds}::int * interval '1 second' - now())))::int AS retry_after`;
  const row = rows[0]!;
  return row.allowed ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, row.retry_after ?? windowSeconds) };
}
