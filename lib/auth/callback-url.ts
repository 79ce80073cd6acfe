// Where the browser goes after login: only a path on this site. The one rule
// for the login page, the login form and next-auth's redirect callback.

/** Any stand-in origin serves to resolve a path: only "is it still this origin" is asked of it. */
const STAND_IN_ORIGIN = "http://callback.invalid";
const MAX_LENGTH = 2048;

/**
 * `value` as a same-origin path (`/figures?x=1#y`), or "/" when it could lead
 * anywhere else. Browsers read a backslash as a slash and drop tabs and
 * newlines, so `/\evil.example` and `/<tab>/evil.example` become
 * `//evil.example`, another site: such characters refuse the value outright.
 * What is left is resolved with the URL parser browsers use and must keep the
 * origin; the result is re-serialised from the parsed URL, so the browser gets
 * a path it cannot read differently, and one that never starts with `//`.
 * Only values that start with `/` are read, and, given `origin` (next-auth's
 * base URL), an absolute http(s) URL on that origin.
 */
export function safeCallbackPath(value: unknown, origin?: string): string {
  return sameOriginPath(value, origin) ?? "/";
}

/**
 * The rule behind `safeCallbackPath`, for callers that refuse rather than
 * fall back (a saved view's page): the same-origin path, or null.
 */
export function sameOriginPath(value: unknown, origin?: string): string | null {
  if (typeof value !== "string" || value === "" || value.length > MAX_LENGTH) return null;
  // C0 controls, DEL and the backslash: none belongs in a path this app writes.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  if (!value.startsWith("/") && !(origin && /^https?:\/\//i.test(value))) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin ?? STAND_IN_ORIGIN);
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.username || url.password) return null;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("/") && !path.startsWith("//") ? path : null;
}
