import { withExportSlot } from "@/lib/api/export-gate";
import { jsonError, withApi } from "@/lib/api/respond";
import { listAuditEvents, recordReadAudit } from "@/lib/data/audit";
import { csvLine, UTF8_BOM } from "@/lib/export/csv";
import { textStream } from "@/lib/export/text-stream";
import { auditQueryInput, auditQuerySchema, type AuditQuery } from "@/lib/validation/audit-query";
import { queryIssue } from "@/lib/validation/query-issue";

export const dynamic = "force-dynamic";

/** Every event the filters match, newest first, 1,000 per keyset page. */
async function* auditCsv(query: AuditQuery): AsyncGenerator<string> {
  yield UTF8_BOM + csvLine(["id", "at", "user", "action", "entity", "entity_id", "before", "after"]);
  let before = query.before;
  for (;;) {
    const page = await listAuditEvents({ ...query, before });
    yield page.data.map((e) => csvLine([e.id, e.at, e.user, e.action, e.entity, e.entityId, e.before === null ? null : JSON.stringify(e.before), e.after === null ? null : JSON.stringify(e.after)])).join("");
    if (page.next === null) return;
    before = page.next;
  }
}

/** The audit log with the audit page's filters, as CSV: all of it, streamed (an import alone writes an event per figure). */
export const GET = withApi("audit:read", (request, { user }) => withExportSlot(user.id, () => auditCsvResponse(request, user.id)));

async function auditCsvResponse(request: Request, userId: number): Promise<Response> {
  const parsed = auditQuerySchema.safeParse({ ...auditQueryInput(new URL(request.url).searchParams), limit: 1000 });
  if (!parsed.success) {
    const { parameter, message } = queryIssue(parsed.error);
    return jsonError(400, "invalid_parameter", message, { parameter });
  }
  const exportId = await recordReadAudit({ userId, action: "export.audit_csv", entity: "audit_events", after: { filters: parsed.data } });
  // The log as it stood when asked for: events after this export's own are not in the file
  // (a read-only database records no export, and no other event either).
  const before = exportId === null ? parsed.data.before : Math.min(parsed.data.before ?? exportId, exportId);
  return new Response(textStream(auditCsv({ ...parsed.data, before })), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="audit-log_${new Date().toISOString().slice(0, 10)}.csv"`, "cache-control": "private, no-store" },
  });
}
