// Runs before every page and route handler:
// - sets the security headers, with a fresh CSP nonce per request (Next reads
//   it from the request's CSP header and puts it on its own scripts);
// - refuses (403) a state-changing request that rides on cookies unless its
//   Origin is this site (CSRF); Bearer-token calls to /api/v1 are exempt;
// - redirects anonymous visitors to /login and answers anonymous API calls
//   with 401. It only looks for a session cookie, or a Bearer header on
//   /api/v1 (the only place a token counts): the real checks (a live session,
//   the role) run in every page and route handler;
// - lets a public read-only link (/p/<token>) through without login, GET/HEAD
//   only (so no Server Action runs there), rate-limited per client IP and per
//   link, marked with x-sr-public (the root layout then renders no
//   navigation; a client's own x-sr-public is dropped everywhere) and
//   X-Robots-Tag: noindex. The page resolves the token itself.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce, HSTS, needsOriginCheck, originAllowed, TOKEN_PATHS } from "./lib/http/security-headers";
import { isProduction, publicUrl } from "./lib/env";
import { PUBLIC_LINK_HEADER } from "./lib/domain/public-link-pages";
import { clientIp } from "./lib/http/client-ip";

const PUBLIC = [/^\/login$/, /^\/api\/auth\//, /^\/api\/health$/];
const PUBLIC_LINK = /^\/p\/[^/]+$/;
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

function allowedHosts(request: NextRequest): string[] {
  const hosts = [request.headers.get("host") ?? request.nextUrl.host];
  const configured = publicUrl();
  if (configured) hosts.push(configured.host);
  return hosts;
}

function isHttps(request: NextRequest): boolean {
  return publicUrl()?.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
}

function secured(response: NextResponse, csp: string, https: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  if (https && isProduction()) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export async function proxy(request: NextRequest) {
  const https = isHttps(request);
  const csp = contentSecurityPolicy(createNonce(), { dev: !isProduction(), https });
  const { pathname, search } = request.nextUrl;

  if (needsOriginCheck(request.method, request.headers, pathname) && !originAllowed(request.headers.get("origin"), allowedHosts(request))) {
    const refusal = NextResponse.json(
      { error: { code: "forbidden_origin", message: "A request that changes data must come from this site's pages (or use Authorization: Bearer <token>)" } },
      { status: 403 },
    );
    return secured(refusal, csp, https);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.delete(PUBLIC_LINK_HEADER);
  const next = () => secured(NextResponse.next({ request: { headers: requestHeaders } }), csp, https);

  if (PUBLIC_LINK.test(pathname)) return publicLinkVisit(request, requestHeaders, csp, https);

  if (PUBLIC.some((re) => re.test(pathname))) return next();
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name.startsWith(name)));
  const hasToken = TOKEN_PATHS.test(pathname) && /^Bearer\s+\S+/i.test(request.headers.get("authorization") ?? "");
  if (hasSession || hasToken) return next();
  if (pathname.startsWith("/api/")) {
    return secured(NextResponse.json({ error: { code: "unauthorized", message: "Sign in or send Authorization: Bearer <token>" } }, { status: 401 }), csp, https);
  }
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", pathname + search);
  return secured(NextResponse.redirect(login), csp, https);
}

/** Seconds to wait, when a public link was opened too often; null when the visit may go on. */
async function publicLinkRefusal(request: NextRequest): Promise<number | null> {
  // Loaded on a public link's visit only: every other request stays free of the database.
  const { throttlePublicLinkVisit } = await import("./lib/data/public-link-throttle");
  try {
    const decision = await throttlePublicLinkVisit(clientIp(request.headers), request.nextUrl.pathname.slice("/p/".length));
    return decision.allowed ? null : decision.retryAfterSeconds;
  } catch (error) {
    // A database that cannot count (down, read-only) does not block the visit: the page says what it can.
    console.warn("Public link rate limit not checked:", error instanceof Error ? error.message : error);
    return null;
  }
}

async function publicLinkVisit(request: NextRequest, requestHeaders: Headers, csp: string, https: boolean): Promise<NextResponse> {
  const noindex = (response: NextResponse) => {
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
    response.headers.set("Cache-Control", "private, no-store");
    return secured(response, csp, https);
  };
  // Read-only: a Server Action is a POST to the page's address.
  if (request.method !== "GET" && request.method !== "HEAD") {
    return noindex(new NextResponse("A public link is read-only.", { status: 405, headers: { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" } }));
  }
  const wait = await publicLinkRefusal(request);
  if (wait !== null) {
    return noindex(new NextResponse("Too many requests for this link: try again shortly.", { status: 429, headers: { "Retry-After": String(wait), "Content-Type": "text/plain; charset=utf-8" } }));
  }
  requestHeaders.set(PUBLIC_LINK_HEADER, "1");
  return noindex(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
