// A login as the login form makes it, over HTTP (next-auth's CSRF cookie, then
// the credentials with json=true), for scripts that load pages: pages take a
// session, never an API token. Used by test-db-restart.ts and the bench.
export interface HttpLogin {
  status: number;
  /** next-auth's error code (CredentialsSignin, DatabaseUnavailable…), or null. */
  error: string | null;
  /** "name=value" of the session cookie, or null when the login failed. */
  cookie: string | null;
}

export async function httpLogin(base: string, email: string, password: string): Promise<HttpLogin> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: base },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/`, json: "true" }),
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url).searchParams.get("error") : null;
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token"));
  return { status: res.status, error, cookie: session ? session.split(";")[0]! : null };
}
