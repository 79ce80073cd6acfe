// One login attempt, as next-auth's credentials provider runs it. Every
// refusal looks the same to the client (next-auth answers "CredentialsSignin"):
// an unknown email, a wrong password, a locked account and a blocked IP cannot
// be told apart, and the first three cost one argon2 verification each.
import { verifyAgainstDummy, verifyPassword } from "./password";
import { findActiveUserByEmail, normaliseEmail } from "../data/users";
import { recordAudit } from "../data/audit";
import { clientIp } from "../http/client-ip";
import { ACCOUNT_POLICY, IP_POLICY, accountKey, clearKey, ipKey, pruneThrottles, releaseAttempt, reserveAttempt } from "../data/login-throttle";

export { clientIp };

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

  const user = await findActiveUserByEmail(email);
  const userId = user?.id ?? null;
  const entityId = user ? String(user.id) : undefined;
  const check = await checkAccountPassword({ email, userId, passwordHash: user?.passwordHash ?? null, password, context: { ip } });
  if (check === "locked") {
    await recordAudit({ ...audit, userId, action: "auth.login_failed", entityId, after: { email, ip, reason: "locked" } });
    return { ok: false, reason: "account_locked" };
  }
  if (check === "wrong" || !user) {
    await recordAudit({ ...audit, userId, action: "auth.login_failed", entityId });
    if (ipAttempt.reachedLimit) await recordAudit({ ...audit, userId, action: "auth.ip_blocked", entityId, after: { email, ip, minutes: IP_POLICY.lockSeconds / 60 } });
    return { ok: false, reason: "bad_credentials" };
  }

  await releaseAttempt(ipKey(ip), IP_POLICY);
  // Old rows are swept now and then, by whoever logs in.
  if (Math.random() < 0.02) await pruneThrottles();
  await recordAudit({ userId: user.id, action: "auth.login", entity: "user", entityId: String(user.id), after: { ip } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}

/**
 * One password check under the account's lockout (ACCOUNT_POLICY). Logins and
 * the change of one's own password share it (and the account's key), so the
 * current-password field is no way around the lockout. The attempt is reserved
 * before the check (see reserveAttempt); the right password forgives the
 * account's failures; the failure that reaches the limit is audited
 * `auth.lockout`. An unknown account (`passwordHash` null) and a locked one
 * cost one argon2 verification like any other.
 */
export async function checkAccountPassword(input: {
  email: string;
  userId: number | null;
  passwordHash: string | null;
  password: string;
  /** Added to the lockout's audit event: the client address, or the form that checked it. */
  context: Record<string, string>;
}): Promise<"ok" | "wrong" | "locked"> {
  const { email, userId, passwordHash, password } = input;
  const key = accountKey(email);
  const attempt = await reserveAttempt(key, ACCOUNT_POLICY);
  if (attempt.refused) {
    await verifyAgainstDummy(password);
    return "locked";
  }
  const valid = passwordHash ? await verifyPassword(passwordHash, password) : (await verifyAgainstDummy(password), false);
  if (valid) {
    await clearKey(key);
    return "ok";
  }
  // Unknown emails lock too: a lockout must not reveal which accounts exist.
  if (attempt.reachedLimit) {
    await recordAudit({ userId, action: "auth.lockout", entity: "user", entityId: userId === null ? undefined : String(userId), after: { email: normaliseEmail(email), ...input.context, minutes: ACCOUNT_POLICY.lockSeconds / 60 } });
  }
  return "wrong";
}

