// Writing single figures: create, edit, delete and restore, each in one
// transaction with its audit event. The audit event holds the figure as it
// was before and after the change: that is the figure's history, and the
// delete event's "before" is what a restore brings back.
import { db } from "../db/client";
import { parseIsoDate } from "../domain/dates";
import { disaggregationKey } from "../domain/disaggregation";
import { Prisma } from "../generated/prisma/client";
import type { FigureInput, IndicatorRule } from "../validation/figure-input";
import { toFigureDto, figureInclude, type FigureDto } from "./figures";
import { indicatorIndex, regionIndex } from "./reference";

type Tx = Prisma.TransactionClient;

export type FigureWriteErrorKind = "not_found" | "conflict" | "duplicate" | "not_deleted";

/** A refused write, with what the caller needs to explain it. */
export class FigureWriteError extends Error {
  override name = "FigureWriteError";
  constructor(
    readonly kind: FigureWriteErrorKind,
    message: string,
    readonly detail: { current?: FigureDto; existingId?: number } = {},
  ) {
    super(message);
  }
}

/** The catalogue that the figure schema validates against. */
export async function figureRules(): Promise<{ indicators: Map<string, IndicatorRule>; regions: Set<string> }> {
  const [indicators, regions] = await Promise.all([indicatorIndex(), regionIndex()]);
  return {
    indicators: new Map([...indicators].map(([code, i]) => [code, { unit: i.unit as IndicatorRule["unit"], disaggregation: i.disaggregation as IndicatorRule["disaggregation"] }])),
    regions: new Set(regions.keys()),
  };
}

const day = (iso: string): Date => parseIsoDate(iso) as Date;

async function columnsFor(tx: Tx, input: FigureInput) {
  // One after the other: a transaction is one connection.
  const indicator = await tx.indicator.findUniqueOrThrow({ where: { code: input.indicator }, select: { id: true } });
  const region = await tx.region.findUniqueOrThrow({ where: { pcode: input.region }, select: { id: true } });
  const s = input.source;
  const publishedOn = day(s.date);
  const source = await tx.source.upsert({
    where: { organisation_title_url_publishedOn: { organisation: s.organisation, title: s.title, url: s.url, publishedOn } },
    create: { organisation: s.organisation, title: s.title, url: s.url, publishedOn },
    update: {},
    select: { id: true },
  });
  const d = input.disaggregation;
  return {
    indicatorId: indicator.id,
    regionId: region.id,
    sourceId: source.id,
    periodStart: day(input.periodStart),
    periodEnd: day(input.periodEnd),
    chPhase: d?.chPhase ?? null,
    chStatus: d?.chStatus ?? null,
    sector: d?.sector ?? null,
    disaggregationKey: disaggregationKey(d),
    value: new Prisma.Decimal(input.value),
    note: input.note,
  };
}

function keyWhere(c: Awaited<ReturnType<typeof columnsFor>>) {
  return {
    indicatorId_regionId_periodStart_periodEnd_disaggregationKey: {
      indicatorId: c.indicatorId,
      regionId: c.regionId,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      disaggregationKey: c.disaggregationKey,
    },
  };
}

async function readDto(tx: Tx, id: number): Promise<FigureDto | null> {
  const row = await tx.figure.findUnique({ where: { id }, include: figureInclude });
  return row ? toFigureDto(row) : null;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function audit(tx: Tx, userId: number, action: string, id: number, before: FigureDto | null, after: FigureDto | null): Promise<void> {
  await tx.auditEvent.create({
    data: {
      userId,
      action,
      entity: "figure",
      entityId: String(id),
      ...(before ? { before: before as unknown as Prisma.InputJsonValue } : {}),
      ...(after ? { after: after as unknown as Prisma.InputJsonValue } : {}),
    },
  });
}

/** The figure with the same indicator, region, period and disaggregation, if any. */
export async function findSameFigure(input: FigureInput, exceptId?: number): Promise<number | null> {
  const [indicator, region] = await Promise.all([
    db().indicator.findUnique({ where: { code: input.indicator }, select: { id: true } }),
    db().region.findUnique({ where: { pcode: input.region }, select: { id: true } }),
  ]);
  if (!indicator || !region) return null;
  const row = await db().figure.findFirst({
    where: {
      indicatorId: indicator.id,
      regionId: region.id,
      periodStart: day(input.periodStart),
      periodEnd: day(input.periodEnd),
      disaggregationKey: disaggregationKey(input.disaggregation),
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** The latest earlier figure of the same series (indicator, region, disaggregation), for the outlier check. */
export async function previousFigure(input: FigureInput, exceptId?: number): Promise<FigureDto | null> {
  const row = await db().figure.findFirst({
    where: {
      indicator: { code: input.indicator },
      region: { pcode: input.region },
      disaggregationKey: disaggregationKey(input.disaggregation),
      periodEnd: { lt: day(input.periodStart) },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    orderBy: [{ periodEnd: "desc" }, { periodStart: "desc" }],
    include: figureInclude,
  });
  return row ? toFigureDto(row) : null;
}

export async function createFigure(input: FigureInput, userId: number): Promise<FigureDto> {
  try {
    return await db().$transaction(async (tx) => {
      const columns = await columnsFor(tx, input);
      const existing = await tx.figure.findUnique({ where: keyWhere(columns), select: { id: true } });
      if (existing) throw duplicate(existing.id);
      const row = await tx.figure.create({ data: { ...columns, createdById: userId, updatedById: userId }, include: figureInclude });
      const after = toFigureDto(row);
      await audit(tx, userId, "figure.create", row.id, null, after);
      return after;
    });
  } catch (error) {
    // Two simultaneous creates of the same figure: the unique key lets one win.
    if (isUniqueViolation(error)) throw duplicate(await findSameFigure(input));
    throw error;
  }
}

function duplicate(existingId: number | null): FigureWriteError {
  return new FigureWriteError("duplicate", "A figure for this indicator, region, period and disaggregation already exists", existingId ? { existingId } : {});
}

function conflict(current: FigureDto): FigureWriteError {
  return new FigureWriteError("conflict", `The figure was changed by someone else (now version ${current.version})`, { current });
}

function notFound(id: number): FigureWriteError {
  return new FigureWriteError("not_found", `There is no figure ${id}`);
}

/**
 * Replaces figure `id` with `input` if it is still at `version`. The UPDATE
 * checks the version itself, so of two simultaneous saves only one matches.
 */
export async function updateFigure(id: number, input: FigureInput, version: number, userId: number): Promise<FigureDto> {
  try {
    return await db().$transaction(async (tx) => {
      const before = await readDto(tx, id);
      if (!before) throw notFound(id);
      if (before.version !== version) throw conflict(before);
      const columns = await columnsFor(tx, input);
      const { count } = await tx.figure.updateMany({
        where: { id, version },
        data: { ...columns, importId: null, updatedById: userId, version: { increment: 1 } },
      });
      if (count === 0) throw conflict((await readDto(tx, id)) ?? before);
      const after = (await readDto(tx, id)) as FigureDto;
      await audit(tx, userId, "figure.update", id, before, after);
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(await findSameFigure(input, id));
    throw error;
  }
}

/** Deletes figure `id` (at `version`, when given); the audit event keeps it for a restore. */
export async function deleteFigure(id: number, version: number | undefined, userId: number): Promise<FigureDto> {
  return db().$transaction(async (tx) => {
    const before = await readDto(tx, id);
    if (!before) throw notFound(id);
    if (version !== undefined && before.version !== version) throw conflict(before);
    const { count } = await tx.figure.deleteMany({ where: { id, version: before.version } });
    if (count === 0) throw conflict((await readDto(tx, id)) ?? before);
    await audit(tx, userId, "figure.delete", id, before, null);
    return before;
  });
}

/** The figure as its last delete left it, or null if it was never deleted. */
export async function deletedFigure(id: number): Promise<FigureDto | null> {
  const event = await db().auditEvent.findFirst({
    where: { entity: "figure", entityId: String(id), action: "figure.delete" },
    orderBy: { id: "desc" },
  });
  return event ? (event.before as unknown as FigureDto) : null;
}

/** Brings a deleted figure back under its old id (admins only; checked by the caller). */
export async function restoreFigure(id: number, userId: number): Promise<FigureDto> {
  const snapshot = await deletedFigure(id);
  if (!snapshot) throw notFound(id);
  try {
    return await db().$transaction(async (tx) => {
      if (await tx.figure.findUnique({ where: { id }, select: { id: true } })) {
        throw new FigureWriteError("not_deleted", `Figure ${id} is not deleted`);
      }
      const input: FigureInput = { ...snapshot, disaggregation: snapshot.disaggregation, note: snapshot.note };
      const columns = await columnsFor(tx, input);
      const existing = await tx.figure.findUnique({ where: keyWhere(columns), select: { id: true } });
      if (existing) throw duplicate(existing.id);
      await tx.figure.create({ data: { id, ...columns, createdById: userId, updatedById: userId, version: snapshot.version + 1 } });
      const after = (await readDto(tx, id)) as FigureDto;
      await audit(tx, userId, "figure.restore", id, null, after);
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(await findSameFigure(snapshot));
    throw error;
  }
}

export interface HistoryEntry {
  id: number;
  action: string;
  at: string;
  user: { name: string; email: string } | null;
  before: FigureDto | null;
  after: FigureDto | null;
}

/** Every recorded change to figure `id`, oldest first. */
export async function figureHistory(id: number): Promise<HistoryEntry[]> {
  const events = await db().auditEvent.findMany({
    where: { entity: "figure", entityId: String(id) },
    orderBy: { id: "asc" },
    include: { user: { select: { name: true, email: true } } },
  });
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    at: e.createdAt.toISOString(),
    user: e.user,
    before: (e.before as unknown as FigureDto | null) ?? null,
    after: (e.after as unknown as FigureDto | null) ?? null,
  }));
}

export async function getFigure(id: number): Promise<FigureDto | null> {
  return readDto(db() as unknown as Tx, id);
}
