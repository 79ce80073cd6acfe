import { db } from "../db/client";
import { bookkeeping } from "../db/availability";
import type { Prisma } from "../generated/prisma/client";
import type { AuditQuery } from "../validation/audit-query";

export interface AuditInput {
  userId: number | null;
  action: string;
  entity: string;
  entityId?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/** The insert of one event, to run in a batch transaction with the change it records. */
export function auditInsert(event: AuditInput) {
  return db().auditEvent.create({ data: event, select: { id: true } });
}

/** Records one event; its id orders it among the others. */
export async function recordAudit(event: AuditInput): Promise<number> {
  return (await auditInsert(event)).id;
}

/**
 * Records the event of a read (an export): on a database that cannot take it
 * (read-only) the read is served anyway and the event skipped, with a
 * warning in the log; null then.
 */
export async function recordReadAudit(event: AuditInput): Promise<number | null> {
  return bookkeeping(`the audit event ${event.action}`, () => recordAudit(event));
}

export interface AuditRow {
  id: number;
  at: string;
  user: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** Newest first, `query.limit` at a time; `next` is the `before` of the following page. */
export async function listAuditEvents(query: AuditQuery): Promise<{ data: AuditRow[]; next: number | null }> {
  const action = query.action?.endsWith(".") ? { startsWith: query.action } : query.action;
  const rows = await db().auditEvent.findMany({
    where: {
      action,
      entity: query.entity,
      entityId: query.entityId,
      user: query.user ? { email: { contains: query.user.toLowerCase() } } : undefined,
      createdAt: { gte: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined, lt: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000) : undefined },
      id: query.before ? { lt: query.before } : undefined,
    },
    include: { user: { select: { email: true } } },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((e) => ({ id: e.id, at: e.createdAt.toISOString(), user: e.user?.email ?? null, action: e.action, entity: e.entity, entityId: e.entityId, before: e.before, after: e.after })),
    next: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** The distinct actions recorded, for the filter's choices. */
export async function auditActions(): Promise<string[]> {
  // A loose index scan on (action, id): one index probe per distinct action, not a scan of the log.
  const rows = await db().$queryRaw<{ action: string }[]>`
    WITH RECURSIVE a AS (
      SELECT min(action) AS action FROM audit_events
      UNION ALL
      SELECT (SELECT min(e.action) FROM audit_events e WHERE e.action > a.action) FROM a WHERE a.action IS NOT NULL
    )
    SELECT action FROM a WHERE action IS NOT NULL`;
  return rows.map((r) => r.action);
}
