import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

export interface AuditInput {
  userId: number | null;
  action: string;
  entity: string;
  entityId?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

export async function recordAudit(event: AuditInput): Promise<void> {
  await db().auditEvent.create({ data: event });
}
