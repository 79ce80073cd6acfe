import { NextResponse } from "next/server";
import { jsonError, withApi } from "@/lib/api/respond";
import { listAuditEvents } from "@/lib/data/audit";
import { auditQueryInput, auditQuerySchema } from "@/lib/validation/audit-query";

export const dynamic = "force-dynamic";

/** The audit log, newest first, with the audit page's filters; `next` pages on with `before`. */
export const GET = withApi("audit:read", async (request) => {
  const parsed = auditQuerySchema.safeParse(auditQueryInput(new URL(request.url).searchParams));
  if (!parsed.success) return jsonError(400, "invalid_query", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const { data, next } = await listAuditEvents(parsed.data);
  return NextResponse.json({ data, meta: { next } });
});
