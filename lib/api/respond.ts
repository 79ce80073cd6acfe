// JSON answers and the wrapper every API route handler goes through:
// authenticate, authorize, run, and never leak internals in a 500.
import { NextResponse } from "next/server";
import { apiUser } from "../auth/session";
import { accessRefusal, type Permission } from "../auth/permissions";
import type { SessionUser } from "../data/users";
import { isDatabaseDown, noteDatabaseFailure } from "../db/availability";

export { isDatabaseDown };

/** Seconds a client should wait before trying again when the database is unavailable (scripts/database-gate.mjs says the same). */
const RETRY_AFTER_SECONDS = 5;

export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): NextResponse {
  return NextResponse.json({ error: { code, message, ...extra } }, { status });
}


/**
 * The 503 for a request the database could not serve (lib/db/errors.ts tells
 * which), or null when the error is something else. Unavailable: nothing
 * works until it is back. Read-only: reads work, writes are refused.
 */
export function databaseFailureResponse(error: unknown): NextResponse | null {
  const failure = noteDatabaseFailure(error);
  if (failure === "unavailable") {
    const response = jsonError(503, "database_unavailable", "The database is unavailable; try again shortly");
    response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
    return response;
  }
  if (failure === "read_only") {
    return jsonError(503, "database_read_only", "The database is read-only at the moment: nothing can be saved, reading still works. Try the change again later");
  }
  return null;
}

type Handler<C> = (request: Request, context: C & { user: SessionUser }) => Promise<Response>;

export function withApi<C = unknown>(permission: Permission, handler: Handler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const user = await apiUser();
      if (!user) return jsonError(401, "unauthorized", "Sign in or send Authorization: Bearer <token>");
      const refusal = accessRefusal(user, permission);
      if (refusal === "password_change_required") return jsonError(403, "password_change_required", "An admin reset your password: log in to the app and choose a new one first");
      if (refusal) return jsonError(403, "forbidden", `Your role (${user.role}) may not do this`);
      return await handler(request, { ...context, user });
    } catch (error) {
      const refused = databaseFailureResponse(error);
      if (refused) return refused;
      console.error("API error", error);
      return jsonError(500, "internal_error", "Something went wrong on our side; the error was logged");
    }
  };
}

/** A JSON body of at most `maxBytes`, or the 400/413/415 answer that refuses it. */
export async function readJsonBody(request: Request, maxBytes = 64 * 1024): Promise<{ ok: true; value: unknown } | { ok: false; response: NextResponse }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    return { ok: false, response: jsonError(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json") };
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) return { ok: false, response: jsonError(413, "payload_too_large", `The body may not exceed ${maxBytes} bytes`) };
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, response: jsonError(413, "payload_too_large", `The body may not exceed ${maxBytes} bytes`) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, "invalid_json", "The body is not valid JSON") };
  }
}

/** An endpoint's { status, body } as a response (204 has no body). */
export function endpointResponse(result: { status: number; body?: unknown }): Response {
  return result.status === 204 ? new Response(null, { status: 204 }) : NextResponse.json(result.body, { status: result.status });
}
