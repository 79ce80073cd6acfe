// The security headers of every response and the Origin check of every
// state-changing request: pure functions, applied by proxy.ts (and, for the
// static headers, by next.config.js on the files the proxy does not see).
import staticHeaders from "./static-security-headers.json";

/**
 * Headers that do not depend on the request; next.config.js sets them on every
 * path (a JSON file, so the plain-JS config can read it): nosniff;
 * Referrer-Policy same-origin, so no URL of this app (filters, region pages)
 * leaks to the external source links; X-Frame-Options for browsers without
 * CSP frame-ancestors.
 */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = staticHeaders;

export const HSTS = "max-age=31536000; includeSubDomains";

/** A fresh, unguessable nonce (128 bits, base64) for one response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // Next puts this nonce on its own scripts (it reads it from the request's
    // CSP header); 'strict-dynamic' lets those load the page's chunks. React's
    // development build needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // 'unsafe-inline' for styles: React renders style="" attributes (recharts'
    // SVG, the map's tooltip position, Next's route announcer), and attributes
    // cannot carry a nonce. Styles cannot run code; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Where an API token is a credential (lib/auth/session.ts apiUser): the API only, never pages or Server Actions. */
export const TOKEN_PATHS = /^\/api\/v1(\/|$)/;

/**
 * True when a request must prove it comes from this site: it may change state
 * (not GET/HEAD/OPTIONS) and rides on cookies (a session, or next-auth's CSRF
 * cookie at login). A Bearer-token call to the API carries its credential
 * explicitly (the API then ignores the cookie), so a cross-site page cannot
 * forge it; elsewhere a Bearer header proves nothing, as pages read only the
 * cookie. A request with no cookie has no session to abuse.
 */
export function needsOriginCheck(method: string, headers: Headers, pathname: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (TOKEN_PATHS.test(pathname) && /^Bearer\s+\S+/i.test(headers.get("authorization") ?? "")) return false;
  return (headers.get("cookie") ?? "").trim() !== "";
}

/** True when the Origin header names one of `allowedHosts` (host[:port]); a missing or "null" Origin is not. */
export function originAllowed(origin: string | null, allowedHosts: readonly string[]): boolean {
  if (!origin || origin === "null") return false;
  try {
    const { host, protocol } = new URL(origin);
    return (protocol === "http:" || protocol === "https:") && allowedHosts.some((h) => h.toLowerCase() === host.toLowerCase());
  } catch {
    return false;
  }
}
