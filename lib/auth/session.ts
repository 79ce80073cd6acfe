// Who is asking. Pages and Server Actions act for the session cookie only; the
// API (/api/v1, through withApi) also takes an API token. A token is not a
// password: it never opens a page or a Server Action, so it cannot mint new
// tokens or change the password. Both are re-checked against the database on
// every request: a disabled user or a bumped session version is refused.
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { encode, getToken, type JWT } from "next-auth/jwt";
import { SESSION_MAX_AGE_SECONDS } from "./options";
import { sessionUser, userForToken, type SessionUser } from "../data/users";
import { accessRefusal, type Permission } from "./permissions";
import { bearerToken } from "./tokens";
import { authSecret, publicUrl } from "../env";

/**
 * The user behind a decoded session JWT, or null when it is too old (12 h
 * from login, whatever next-auth's sliding expiry says), the user is disabled,
 * or their session version moved on (logout, role or password change).
 */
export async function userForSessionJwt(token: JWT | null, now = Date.now()): Promise<SessionUser | null> {
  if (!token?.uid || token.sv === undefined || token.loginAt === undefined) return null;
  if (now / 1000 - token.loginAt > SESSION_MAX_AGE_SECONDS) return null;
  return sessionUser(token.uid, token.sv);
}

async function userFromSessionCookie(): Promise<SessionUser | null> {
  // getToken reads the cookie from any request-like object with cookies.getAll().
  // No headers are passed: a Bearer header is an API token here, never a JWT.
  const req = { cookies: await cookies(), headers: new Headers() };
  return userForSessionJwt(await getToken({ req: req as unknown as Parameters<typeof getToken>[0]["req"], secret: authSecret() }));
}

/** The session's user, for pages and Server Actions (never an API token). Cached per request: the layout and the page ask once between them. */
export const currentUser = cache(userFromSessionCookie);

/**
 * For /api/v1 route handlers (withApi): the token's user when the request
 * sends `Authorization: Bearer`, else the session's. A bad token is refused,
 * never made up for by a cookie sent alongside it.
 */
export async function apiUser(): Promise<SessionUser | null> {
  const token = bearerToken((await headers()).get("authorization"));
  return token ? userForToken(token) : currentUser();
}

/**
 * A session cookie of two minutes for `user`, for the server's own headless
 * browser only (the snapshot PDF prints a page as its API caller, who may have
 * come with a token, which pages do not take). It never leaves the server.
 */
export async function internalSessionCookie(user: SessionUser, maxAgeSeconds = 120): Promise<{ name: string; value: string; secure: boolean }> {
  // Named as next-auth names it (and getToken reads it): __Secure- when NEXTAUTH_URL is https.
  const secure = publicUrl()?.protocol === "https:";
  const token: JWT = { uid: user.id, sv: user.sessionVersion, loginAt: Math.floor(Date.now() / 1000), email: user.email, name: user.name, role: user.role };
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, value: await encode({ token, secret: authSecret() ?? "", maxAge: maxAgeSeconds }), secure };
}

export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * For pages: the signed-in user with `permission`, else a redirect (login or
 * forbidden). A user whose password an admin reset goes to change it first.
 */
export async function requireUser(permission: Permission = "figures:read"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  const refusal = accessRefusal(user, permission);
  if (refusal === "password_change_required") redirect(CHANGE_PASSWORD_PATH);
  if (refusal === "forbidden") redirect("/forbidden");
  return user;
}

/**
 * For Server Actions, which are public endpoints: the signed-in user with
 * `permission`, or null. Like requireUser, a user who must change their
 * password can do nothing else first.
 */
export async function actionUser(permission: Permission): Promise<SessionUser | null> {
  const user = await currentUser();
  return user && !accessRefusal(user, permission) ? user : null;
}
