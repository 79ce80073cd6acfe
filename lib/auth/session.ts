// Who is asking: a session cookie (pages, Server Actions, fetches from the
// app) or an API token (scripts). Both are re-checked against the database on
// every request: a disabled user or a bumped session version is refused.
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getToken, type JWT } from "next-auth/jwt";
import { SESSION_MAX_AGE_SECONDS } from "./options";
import { sessionUser, userForToken, type SessionUser } from "../data/users";
import { can, type Permission } from "./permissions";
import { bearerToken } from "./tokens";
import { authSecret } from "../env";

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

/** Cached per request: the layout and the page ask once between them. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = bearerToken((await headers()).get("authorization"));
  if (token) return userForToken(token);
  return userFromSessionCookie();
});

export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * For pages: the signed-in user with `permission`, else a redirect (login or
 * forbidden). A user whose password an admin reset goes to change it first.
 */
export async function requireUser(permission: Permission = "figures:read"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (!can(user.role, permission)) redirect("/forbidden");
  return user;
}

/**
 * For Server Actions, which are public endpoints: the signed-in user with
 * `permission`, or null. Like requireUser, a user who must change their
 * password can do nothing else first.
 */
export async function actionUser(permission: Permission): Promise<SessionUser | null> {
  const user = await currentUser();
  return user && !user.mustChangePassword && can(user.role, permission) ? user : null;
}
