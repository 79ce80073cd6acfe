import { jsonError, withApi } from "@/lib/api/respond";
import { listAuditEvents, recordAudit } from "@/lib/data/audit";
import { csvLine, UTF8_BOM } from "@/lib/export/csv";
import { auditQueryInput, auditQuerySchema } from "@/lib/validation/audit-query";

export const dynamic = "force-dynamic";

const MAX_ROWS = 100_000;

/** The audit log with the audit page's filters, as CSV (newest first, at most 100,000 events). */
export const GET = withApi("audit:read", async (request, { user }) => {
  const parsed = auditQuerySchema.safeParse({ ...auditQueryInput(new URL(request.url).searchParams), limit: 1000 });
  if (!parsed.success) return jsonError(400, "invalid_query", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  let text = UTF8_BOM + csvLine(["id", "at", "user", "action", "entity", "entity_id", "before", "after"]);
  let before = parsed.data.before;
  for (let rows = 0; rows < MAX_ROWS; ) {
    const page = await listAuditEvents({ ...parsed.data, before });
    for (const e of page.data) text += csvLine([e.id, e.at, e.user, e.action, e.entity, e.entityId, e.before === null ? null : JSON.stringify(e.before), e.after === null ? null : JSON.stringify(e.after)]);
    rows += page.data.length;
    if (page.next === null) break;
    before = page.next;
  }
  await recordAudit({ userId: user.id, action: "export.audit_csv", entity: "audit_events", after: { filters: parsed.data } });
  return new Response(text, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="audit-log_${new Date().toISOString().slice(0, 10)}.csv"`, "cache-control": "private, no-store" } });
});
