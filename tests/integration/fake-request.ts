// The request a route handler or Server Action sees through next/headers,
// set by each test: an Authorization header, a session cookie, or neither.
// A test file installs it with
//   vi.mock("next/headers", async () => (await import("./fake-request")).nextHeaders);
//   vi.mock("next/cache", async () => (await import("./fake-request")).nextCache);
// so the real session code (lib/auth/session.ts) reads these credentials.
import type { SessionUser } from "../../lib/data/users";

const current: { authorization: string | null; cookies: { name: string; value: string }[] } = { authorization: null, cookies: [] };

/** The next request carries only `Authorization: Bearer <token>`. */
export function asToken(token: string): void {
  current.authorization = `Bearer ${token}`;
  current.cookies = [];
}

/** The next request carries only a session cookie for `user`, as a login just made it. */
export async function asSession(user: SessionUser): Promise<void> {
  // The app's own session cookie (imported here, not above: lib/auth/session.ts reads next/headers, which this module stands in for).
  const { internalSessionCookie } = await import("../../lib/auth/session");
  const { name, value } = await internalSessionCookie(user);
  current.authorization = null;
  current.cookies = [{ name, value }];
}

/** Adds `Authorization: Bearer <token>` to whatever the next request already carries. */
export function withBearer(token: string): void {
  current.authorization = `Bearer ${token}`;
}

export function anonymous(): void {
  current.authorization = null;
  current.cookies = [];
}

export const nextHeaders = {
  headers: async () => new Headers(current.authorization ? { authorization: current.authorization } : {}),
  cookies: async () => ({ getAll: () => current.cookies, get: (name: string) => current.cookies.find((c) => c.name === name) }),
};

export const nextCache = { revalidatePath: () => undefined, revalidateTag: () => undefined };
