// Column mappings users save for files nothing else recognises, so the next
// file laid out the same way (same headers or tags, in the same order) is
// read without mapping its columns again. Saving under an existing name
// replaces that mapping; each save and delete is in the audit log.
import { z } from "zod";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { importMappingSchema } from "../import/mapping";

export const mappingNameSchema = z.string().trim().min(1, "give the mapping a name").max(100, "at most 100 characters");

export interface SavedMapping {
  id: number;
  name: string;
  signature: string;
  mapping: unknown;
  user: string | null;
  createdAt: string;
}

export class MappingError extends Error {
  override name = "MappingError";
}

export async function saveImportMapping(input: { name: string; signature: string; mapping: unknown; userId: number | null }): Promise<SavedMapping> {
  const name = mappingNameSchema.safeParse(input.name);
  if (!name.success) throw new MappingError(`mapping name: ${name.error.issues[0]?.message}`);
  const parsed = importMappingSchema.safeParse(input.mapping);
  if (!parsed.success) throw new MappingError(`the mapping is invalid: ${z.prettifyError(parsed.error)}`);
  // What was checked is what is stored: a saved plain pattern is stored as the comparison it meant.
  const mapping = parsed.data as Prisma.InputJsonValue;
  return db().$transaction(async (tx) => {
    const before = await tx.importMapping.findUnique({ where: { name: name.data } });
    const row = await tx.importMapping.upsert({
      where: { name: name.data },
      create: { name: name.data, signature: input.signature, mapping, userId: input.userId },
      update: { signature: input.signature, mapping, userId: input.userId, createdAt: new Date() },
      include: { user: { select: { name: true } } },
    });
    await tx.auditEvent.create({
      data: {
        userId: input.userId,
        action: "import_mapping.save",
        entity: "import_mapping",
        entityId: String(row.id),
        ...(before ? { before: { name: before.name, signature: before.signature, mapping: before.mapping as Prisma.InputJsonValue } } : {}),
        after: { name: row.name, signature: row.signature, mapping },
      },
    });
    return toSaved(row);
  });
}

export async function listImportMappings(): Promise<SavedMapping[]> {
  const rows = await db().importMapping.findMany({ orderBy: { createdAt: "desc" }, include: { user: { select: { name: true } } } });
  return rows.map(toSaved);
}

/** The saved mappings by layout signature; of two for the same layout, the latest wins. */
export async function importMappingsBySignature(): Promise<Map<string, { name: string; mapping: unknown }>> {
  const byLayout = new Map<string, { name: string; mapping: unknown }>();
  for (const m of (await listImportMappings()).reverse()) byLayout.set(m.signature, { name: m.name, mapping: m.mapping });
  return byLayout;
}

export async function getImportMappingByName(name: string): Promise<SavedMapping | null> {
  const row = await db().importMapping.findUnique({ where: { name: name.trim() }, include: { user: { select: { name: true } } } });
  return row ? toSaved(row) : null;
}

export async function deleteImportMapping(id: number, userId: number): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await tx.importMapping.findUnique({ where: { id } });
    if (!row) throw new MappingError(`There is no saved mapping ${id}`);
    await tx.importMapping.delete({ where: { id } });
    await tx.auditEvent.create({
      data: { userId, action: "import_mapping.delete", entity: "import_mapping", entityId: String(id), before: { name: row.name, signature: row.signature, mapping: row.mapping as Prisma.InputJsonValue } },
    });
  });
}

function toSaved(r: Prisma.ImportMappingGetPayload<{ include: { user: { select: { name: true } } } }>): SavedMapping {
  return { id: r.id, name: r.name, signature: r.signature, mapping: r.mapping, user: r.user?.name ?? null, createdAt: r.createdAt.toISOString() };
}
