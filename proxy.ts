// Redirects anonymous visitors to /login and answers anonymous API calls with
// 401. It only looks for a session cookie or a Bearer header: the real checks
// (a live session, the role) run in every page and route handler.
import { NextResponse, type NextRequest } from "next/server";

const PUBLIC = [/^\/login$/, /^\/api\/auth\//, /^\/api\/health$/];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC.some((re) => re.test(pathname))) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name.startsWith(name)));
  const hasToken = /^Bearer\s+\S+/i.test(request.headers.get("authorization") ?? "");
  if (hasSession || hasToken) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "unauthorized", message: "Sign in or send Authorization: Bearer <token>" } }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
