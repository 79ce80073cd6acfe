// One login attempt, as next-auth's credentials provider runs it. Every
// refusal looks the same to the client (next-auth answers "CredentialsSignin"):
// an unknown email, a wrong password, a locked account and a blocked IP cannot
// be told apart, and the first three cost one argon2 verification each.
import { verifyAgainstDummy, verifyPassword } from "./password";
import { findActiveUserByEmail, normaliseEmail } from "../data/users";
import { recordAudit } from "../data/audit";
import { ACCOUNT_POLICY, IP_POLICY, accountKey, clearKey, ipKey, pruneThrottles, releaseAttempt, reserveAttempt } from "../data/login-throttle";

export interface LoginInput {
  email: string;
  password: string;
  /** The client's address (see clientIp); "unknown" shares one budget. */
  ip: string;
}

export interface LoggedInUser {
  id: number;
  email: string;
  name: string;
  role: string;
  sessionVersion: number;
}

export type LoginOutcome =
  | { ok: true; user: LoggedInUser }
  | { ok: false; reason: "invalid_input" | "ip_blocked" | "account_locked" | "bad_credentials" };

const MAX_EMAIL = 320;
const MAX_PASSWORD = 1024;

export async function attemptLogin({ email: rawEmail, password, ip }: LoginInput): Promise<LoginOutcome> {
  const email = normaliseEmail(rawEmail);
  if (!email || !password || email.length > MAX_EMAIL || password.length > MAX_PASSWORD) return { ok: false, reason: "invalid_input" };
  const audit = { userId: null, entity: "user", after: { email, ip } };

  // A blocked IP is refused before any hashing: the block is what keeps a
  // flood of guesses from costing one argon2 run each.
  const ipAttempt = await reserveAttempt(ipKey(ip), IP_POLICY);
  if (ipAttempt.refused) return { ok: false, reason: "ip_blocked" };

  const account = accountKey(email);
  const accountAttempt = await reserveAttempt(account, ACCOUNT_POLICY);
  const user = await findActiveUserByEmail(email);
  if (accountAttempt.refused) {
    // Same cost as a real check, so a locked account answers like any other refusal.
    await verifyAgainstDummy(password);
    await recordAudit({ ...audit, userId: user?.id ?? null, action: "auth.login_failed", entityId: user ? String(user.id) : undefined, after: { email, ip, reason: "locked" } });
    return { ok: false, reason: "account_locked" };
  }

  const valid = user ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstDummy(password), false);
  if (!user || !valid) {
    const userId = user?.id ?? null;
    const entityId = user ? String(user.id) : undefined;
    await recordAudit({ ...audit, userId, action: "auth.login_failed", entityId });
    // Unknown emails lock too: a lockout must not reveal which accounts exist.
    if (accountAttempt.reachedLimit) await recordAudit({ ...audit, userId, action: "auth.lockout", entityId, after: { email, ip, minutes: ACCOUNT_POLICY.lockSeconds / 60 } });
    if (ipAttempt.reachedLimit) await recordAudit({ ...audit, userId, action: "auth.ip_blocked", entityId, after: { email, ip, minutes: IP_POLICY.lockSeconds / 60 } });
    return { ok: false, reason: "bad_credentials" };
  }

  await clearKey(account);
  await releaseAttempt(ipKey(ip), IP_POLICY);
  // Old rows are swept now and then, by whoever logs in.
  if (Math.random() < 0.02) await pruneThrottles();
  await recordAudit({ userId: user.id, action: "auth.login", entity: "user", entityId: String(user.id), after: { ip } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}

/**
 * The client's address. scripts/serve.mjs sets `x-client-ip` from the socket
 * (or, with TRUST_PROXY=true, from the proxy's X-Forwarded-For) and drops any
 * value a client sent; without it (next dev) the last X-Forwarded-For hop.
 */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.at(-1) : value;
  };
  const ip = get("x-client-ip") ?? get("x-forwarded-for")?.split(",").at(-1);
  return ip?.trim().slice(0, 64) || "unknown";
}
