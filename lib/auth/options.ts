// next-auth (v4): email + password, JWT sessions of at most 12 hours from
// login. The JWT carries the user's session version; every request re-checks
// it against the database (lib/auth/session.ts), so logout, disable, role and
// password changes end sessions.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeCallbackPath } from "./callback-url";
import { attemptLogin, clientIp, type LoginInput, type LoginOutcome } from "./login";
import { LOGIN_DATABASE_ERRORS, LOGIN_FAILED } from "./login-errors";
import { noteDatabaseFailure } from "../db/availability";
import { isRole } from "./permissions";
import { endSessions } from "../data/users";
import { authSecret } from "../env";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * A login attempt; when the database stops it (unreachable, or read-only: the
 * attempt counters of the lockout cannot be written, and a login is not let
 * through without them) the error's message is the code the login form shows
 * (lib/auth/login-errors.ts) instead of "wrong email or password".
 */
export async function loginOrSayWhy(input: LoginInput): Promise<LoginOutcome> {
  try {
    return await attemptLogin(input);
  } catch (error) {
    const failure = noteDatabaseFailure(error);
    if (failure) throw new Error(LOGIN_DATABASE_ERRORS[failure]);
    console.error("login failed", error);
    throw new Error(LOGIN_FAILED);
  }
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const outcome = await loginOrSayWhy({ email: credentials?.email ?? "", password: credentials?.password ?? "", ip: clientIp(req?.headers) });
        if (!outcome.ok) return null;
        const { user } = outcome;
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  events: {
    // Logout bumps the session version: the cookie, and any copy of it, stops working at once.
    async signOut({ token }) {
      if (token?.uid) await endSessions(token.uid, "auth.logout");
    },
  },
  callbacks: {
    // Where next-auth sends the browser after login or logout: only a path on this site.
    redirect({ url, baseUrl }) {
      return baseUrl + safeCallbackPath(url, baseUrl);
    },
    jwt({ token, user }) {
      if (user) {
        const u = user as typeof user & { role: string; sessionVersion: number };
        token.uid = Number(u.id);
        token.role = isRole(u.role) ? u.role : "viewer";
        token.sv = u.sessionVersion;
        token.loginAt = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.name = token.name ?? null;
        session.user.email = token.email ?? null;
      }
      return session;
    },
  },
};
