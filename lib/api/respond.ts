// JSON answers and the wrapper every API route handler goes through:
// authenticate, authorize, run, and never leak internals in a 500.
import { NextResponse } from "next/server";
import { currentUser } from "../auth/session";
import { can, type Permission } from "../auth/permissions";
import type { SessionUser } from "../data/users";

export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): NextResponse {
  return NextResponse.json({ error: { code, message, ...extra } }, { status });
}


/** True for errors that mean the database cannot be reached. */
export function isDatabaseDown(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""} ${(error as { cause?: unknown })?.cause ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|57P0[1-3]|Connection terminated|connect timeout|Can't reach database|DatabaseNotReachable/i.test(text);
}

type Handler<C> = (request: Request, context: C & { user: SessionUser }) => Promise<Response>;

export function withApi<C = unknown>(permission: Permission, handler: Handler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const user = await currentUser();
      if (!user) return jsonError(401, "unauthorized", "Sign in or send Authorization: Bearer <token>");
      if (!can(user.role, permission)) return jsonError(403, "forbidden", `Your role (${user.role}) may not do this`);
      return await handler(request, { ...context, user });
    } catch (error) {
      if (isDatabaseDown(error)) return jsonError(503, "database_unavailable", "The database is unavailable; try again shortly");
      console.error("API error", error);
      return jsonError(500, "internal_error", "Something went wrong on our side; the error was logged");
    }
  };
}
