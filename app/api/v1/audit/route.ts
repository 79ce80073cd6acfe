import { NextResponse } from "next/server";
import { jsonError, withApi } from "@/lib/api/respond";
import { listAuditEvents } from "@/lib/data/audit";
import { auditQueryInput, auditQuerySchema } from "@/lib/validation/audit-query";
import { queryIssue } from "@/lib/validation/query-issue";

export const dynamic = "force-dynamic";

/** The audit log, newest first, with the audit page's filters; `next` pages on with `before`. */
export const GET = withApi("audit:read", async (request) => {
  const parsed = auditQuerySchema.safeParse(auditQueryInput(new URL(request.url).searchParams));
  if (!parsed.success) {
    const { parameter, message } = queryIssue(parsed.error);
    return jsonError(400, "invalid_parameter", message, { parameter });
  }
  const { data, next } = await listAuditEvents(parsed.data);
  return NextResponse.json({ data, meta: { next } });
});
