// next-auth (v4): email + password, JWT sessions of at most 12 hours. The JWT
// carries the user's session version; every request re-checks it against the
// database (lib/auth/session.ts), so disable or role change ends sessions.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { findActiveUserByEmail } from "../data/users";
import { recordAudit } from "../data/audit";
import { isRole } from "./permissions";
import { authSecret } from "../env";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const email = credentials?.email ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password || email.length > 320 || password.length > 1024) return null;
        const user = await findActiveUserByEmail(email);
        if (!user) {
          await verifyAgainstDummy(password);
          await recordAudit({ userId: null, action: "auth.login_failed", entity: "user", after: { email: email.slice(0, 320) } });
          return null;
        }
        if (!(await verifyPassword(user.passwordHash, password))) {
          await recordAudit({ userId: user.id, action: "auth.login_failed", entity: "user", entityId: String(user.id) });
          return null;
        }
        await recordAudit({ userId: user.id, action: "auth.login", entity: "user", entityId: String(user.id) });
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as typeof user & { role: string; sessionVersion: number };
        token.uid = Number(u.id);
        token.role = isRole(u.role) ? u.role : "viewer";
        token.sv = u.sessionVersion;
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
