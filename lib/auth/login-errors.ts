// The codes a login sends back when the database, not the password, stopped
// it (next-auth passes an error thrown by authorize() to the client as
// `?error=<message>`). Shared by the server (lib/auth/options.ts, the auth
// route) and the login form; no imports, so the browser bundle can have it.
export const LOGIN_DATABASE_ERRORS = {
  unavailable: "DatabaseUnavailable",
  read_only: "DatabaseReadOnly",
} as const;

/** Any other error inside a login: logged on the server, never its text in the URL. */
export const LOGIN_FAILED = "LoginFailed";

export type LoginDatabaseError = (typeof LOGIN_DATABASE_ERRORS)[keyof typeof LOGIN_DATABASE_ERRORS];

export function isLoginDatabaseError(code: string | null | undefined): code is LoginDatabaseError {
  return code === LOGIN_DATABASE_ERRORS.unavailable || code === LOGIN_DATABASE_ERRORS.read_only;
}

/** The URL's `error` code of next-auth's answer to a credentials login (JSON `{ url }` or a redirect). */
export function loginErrorOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url, "http://localhost").searchParams.get("error");
  } catch {
    return null;
  }
}

/**
 * next-auth answers 401 to any refused login; one that the database stopped
 * is a 503 (Retry-After), its JSON body (`{ url }`, read by the form) kept.
 */
export async function withLoginStatus(response: Response): Promise<Response> {
  if (response.status !== 401 || !response.headers.get("content-type")?.includes("application/json")) return response;
  const body = (await response.clone().json().catch(() => null)) as { url?: unknown } | null;
  if (!isLoginDatabaseError(loginErrorOf(typeof body?.url === "string" ? body.url : null))) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", "5");
  return new Response(response.body, { status: 503, headers });
}
