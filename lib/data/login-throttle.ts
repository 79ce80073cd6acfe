// Failed-login counters in PostgreSQL, so that every app instance on the
// database shares them (process memory would give each instance its own).
// A key is an account or a client IP. An attempt is *reserved* before the
// password is checked, in one atomic upsert: a burst of parallel guesses can
// never get more checks than the limit, whatever the number of instances.
import { createHash } from "node:crypto";
import { db } from "../db/client";

export interface ThrottlePolicy {
  /** Failures within `windowSeconds` that lock the key… */
  limit: number;
  windowSeconds: number;
  /** …for this long, counted from the failure that reached the limit. */
  lockSeconds: number;
}

/** 5 failed logins on one account within 15 minutes lock it for 15 minutes. */
export const ACCOUNT_POLICY: ThrottlePolicy = { limit: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 };
/**
 * 20 failed logins from one IP within 15 minutes block it for 15 minutes.
 * Failures only: an office behind one NAT address logs in many times each
 * morning, and must not be blocked by its own successful logins.
 */
export const IP_POLICY: ThrottlePolicy = { limit: 20, windowSeconds: 15 * 60, lockSeconds: 15 * 60 };

export interface Reservation {
  /** The key was already locked: refuse without checking the password. */
  refused: boolean;
  /** This attempt reached the limit: if it fails, the key is now locked. */
  reachedLimit: boolean;
}

/** The account's key: a hash, so that mistyped passwords in the email field are never stored. */
export function accountKey(email: string): string {
  return `account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

export function ipKey(ip: string): string {
  return `ip:${ip.slice(0, 64)}`;
}

/**
 * Records an attempt as a failure until `release` says otherwise, unless the
 * key is locked. One statement: ON CONFLICT takes the row lock, so concurrent
 * attempts (from any instance) are counted one after the other.
 */
export async function reserveAttempt(key: string, policy: ThrottlePolicy): Promise<Reservation> {
  const { limit, windowSeconds, lockSeconds } = policy;
  const rows = await db().$queryRaw<{ refused: boolean; reached_limit: boolean }[]>`
    INSERT INTO login_throttles AS t (key, failures, locked_until, updated_at)
    VALUES (${key}, ARRAY[now()], CASE WHEN ${limit}::int <= 1 THEN now() + ${lockSeconds}::int * interval '1 second' END, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.locked_until > now() THEN t.failures
        ELSE ARRAY(SELECT f FROM unnest(t.failures) f WHERE f > now() - ${windowSeconds}::int * interval '1 second' ORDER BY f) || now() END,
      locked_until = CASE WHEN t.locked_until > now() THEN t.locked_until
        WHEN cardinality(ARRAY(SELECT f FROM unnest(t.failures) f WHERE f > now() - ${windowSeconds}::int * interval '1 second')) + 1 >= ${limit}::int
          THEN now() + ${lockSeconds}::int * interval '1 second'
        ELSE NULL END,
      updated_at = now()
    -- now() is fixed for the statement: a lock ending exactly now() + lockSeconds was set by this attempt.
    RETURNING (locked_until > now() AND locked_until <> now() + ${lockSeconds}::int * interval '1 second') AS refused,
              coalesce(locked_until = now() + ${lockSeconds}::int * interval '1 second', false) AS reached_limit`;
  const row = rows[0]!;
  return { refused: row.refused ?? false, reachedLimit: row.reached_limit };
}

/** A successful login on an account: its failures are forgiven and any lock this attempt set is lifted. */
export async function clearKey(key: string): Promise<void> {
  await db().$executeRaw`DELETE FROM login_throttles WHERE key = ${key}`;
}

/**
 * A successful login from an IP: its reserved attempt is taken back (the
 * latest entry), and a lock stays only if the other failures still reach the limit.
 */
export async function releaseAttempt(key: string, policy: ThrottlePolicy): Promise<void> {
  // In SET, every column reads the row as it was before this update.
  await db().$executeRaw`
    UPDATE login_throttles SET
      failures = failures[1:cardinality(failures) - 1],
      locked_until = CASE WHEN cardinality(failures) - 1 >= ${policy.limit}::int THEN locked_until END,
      updated_at = now()
    WHERE key = ${key}`;
}

/** Rows untouched for a day hold no live failure or lock. */
export async function pruneThrottles(): Promise<number> {
  return db().$executeRaw`DELETE FROM login_throttles WHERE updated_at < now() - interval '1 day'`;
}
