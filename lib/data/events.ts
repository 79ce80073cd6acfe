// Dated events (lib/domain/events.ts): the reads of the API, the events page
// and the charts (eventsFor, cached by the dashboard version: a trigger on
// events bumps it), and one write use case for the page's Server Actions and
// the API alike. Every write checks the version the writer saw, and records
// an audit event (entity "event", before and after) in the same transaction.
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { parseIsoDate, toIsoDate } from "../domain/dates";
import { concerns, overlaps, type EventDto } from "../domain/events";
import type { Prisma } from "../generated/prisma/client";
import { eventFieldErrors, eventInputSchema, type EventInput } from "../validation/event-input";
import { cachedRead } from "./cache";
import { coversPlace, type OutsideScope, type Scope } from "../auth/scope";
import { placeOf, type Writer } from "./figure-writes";

type Tx = Prisma.TransactionClient;

const include = { region: { select: { pcode: true } }, createdBy: { select: { email: true } } } as const;
type EventRow = Prisma.EventGetPayload<{ include: typeof include }>;

function toDto(e: EventRow): EventDto {
  return {
    id: e.id,
    title: e.title,
    titleFr: e.titleFr,
    startDate: toIsoDate(e.startDate),
    endDate: e.endDate ? toIsoDate(e.endDate) : null,
    region: e.region?.pcode ?? null,
    sourceUrl: e.sourceUrl,
    note: e.note,
    version: e.version,
    createdBy: e.createdBy?.email ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

const day = (iso: string) => parseIsoDate(iso) as Date;

export interface EventFilter {
  /** A region's P-code: its events and the national ones; "ML": national ones only; absent: every event. */
  region?: string;
  from?: string;
  to?: string;
  /** Who reads: a read-scoped reader gets the national events and their regions' only (see readableBy). */
  reader?: Scope;
}

/**
 * Events overlapping [from, to], oldest first. The table holds a curated few
 * dozen rows: they are read whole and filtered by the same rules as the
 * charts' (concerns, overlaps), not by a second copy of them in SQL.
 */
export async function listEvents(filter: EventFilter = {}): Promise<EventDto[]> {
  const rows = await db().event.findMany({ include, orderBy: [{ startDate: "asc" }, { id: "asc" }] });
  const regions = filter.region === undefined ? null : filter.region === "ML" ? [] : [filter.region];
  return readableBy(filter.reader, rows.map(toDto).filter((e) => within(e, regions, filter.from, filter.to)));
}

/**
 * The events a reader may read: a read-scoped reader's regions' and the
 * national ones (the context every chart marks, theirs included); another
 * region's never, as with its figures. Without a read scope, all.
 */
async function readableBy(reader: Scope | undefined, events: EventDto[]): Promise<EventDto[]> {
  if (!reader?.readScoped) return events;
  const kept: EventDto[] = [];
  for (const e of events) if (e.region === null || coversPlace(reader, await placeOf(e.region))) kept.push(e);
  return kept;
}

/**
 * The events a time-series chart of `regions` marks (none: a national chart;
 * null: a chart of every region): the national ones and those of its
 * regions, within [from, to]. Cached with the chart's data (same dashboard version).
 */
export async function eventsFor({ regions = [], from, to }: { regions?: readonly string[] | null; from?: string; to?: string }): Promise<EventDto[]> {
  const all = await cachedRead("events", () => listEvents(), "structure");
  return all.filter((e) => within(e, regions, from, to));
}

/** An event of these regions (null: any) touching [from, to]. */
const within = (e: EventDto, regions: readonly string[] | null, from?: string, to?: string) => (regions === null || concerns(e, regions)) && overlaps(e, from, to);

/** One event; null too when `reader` may not read it (readableBy). */
export async function getEvent(id: number, reader?: Scope): Promise<EventDto | null> {
  const row = await db().event.findUnique({ where: { id }, include });
  return row ? ((await readableBy(reader, [toDto(row)]))[0] ?? null) : null;
}

export type EventCommand =
  | { op: "create"; values: unknown }
  /** `partial`: `values` holds only the fields to change (the API's PATCH); else the whole event (the form). */
  | { op: "update"; id: number; version: number; values: unknown; partial?: boolean }
  /** Without a version, deletes whatever version is stored. */
  | { op: "delete"; id: number; version?: number };

export type EventWriteOutcome =
  | { status: "saved"; event: EventDto; created: boolean }
  | { status: "deleted"; event: EventDto }
  /** Field → message key (messages admin.errors). */
  | { status: "invalid"; errors: Record<string, string> }
  | { status: "duplicate" }
  | { status: "conflict"; current: EventDto }
  | { status: "not_found" }
  /** The event's region (stored, or as it would be written) lies outside the writer's scope; a national event needs a scope without regions. */
  | { status: "outside_scope"; outside: OutsideScope };

/** Who writes an event (lib/data/figure-writes.ts's Writer): its region must lie in their scope. */
export type EventWriter = Pick<Writer, "id" | "scope">;

class Refused extends Error {
  constructor(readonly outcome: Exclude<EventWriteOutcome, { status: "saved" | "deleted" }>) {
    super(outcome.status);
  }
}

/** The fields a writer sends, from an event as read. */
function writable(e: EventDto) {
  return { title: e.title, titleFr: e.titleFr, startDate: e.startDate, endDate: e.endDate, region: e.region, sourceUrl: e.sourceUrl, note: e.note };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export async function writeEvent(command: EventCommand, writer: EventWriter): Promise<EventWriteOutcome> {
  try {
    if (command.op === "delete") {
      const current = await getEvent(command.id);
      if (current) await assertInScope(writer, current.region);
      return await remove(command.id, command.version, writer.id);
    }
    return await save(command, writer);
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    if (isUniqueViolation(error)) return { status: "duplicate" };
    throw error;
  }
}

async function columnsOf(tx: Tx, input: EventInput) {
  let regionId: number | null = null;
  if (input.region !== null) {
    const region = await tx.region.findUnique({ where: { pcode: input.region }, select: { id: true, level: true } });
    if (!region || region.level !== 1) throw new Refused({ status: "invalid", errors: { region: "eventRegion" } });
    regionId = region.id;
  }
  return { title: input.title, titleFr: input.titleFr, startDate: day(input.startDate), endDate: input.endDate ? day(input.endDate) : null, regionId, sourceUrl: input.sourceUrl, note: input.note };
}

/**
 * An event has no dataset: the scope's regions alone decide. Checked before
 * the transaction (placeOf reads cached reference data). An unknown region
 * passes here: the write refuses it as invalid.
 */
async function assertInScope(writer: EventWriter, region: string | null): Promise<void> {
  if (!writer.scope.regions.length) return;
  const place = region === null ? { pcode: "ML", level: 0, parent: null } : await placeOf(region);
  if (!coversPlace(writer.scope, place)) throw new Refused({ status: "outside_scope", outside: { kind: "region", code: place.pcode } });
}

async function save(command: Extract<EventCommand, { op: "create" | "update" }>, writer: EventWriter): Promise<EventWriteOutcome> {
  const userId = writer.id;
  const current = command.op === "update" ? await getEvent(command.id) : null;
  if (command.op === "update" && !current) return { status: "not_found" };
  // Where the event is and where it would go: a partner neither takes an event out of its scope nor brings one in.
  if (current) await assertInScope(writer, current.region);
  const values = current && command.op === "update" && command.partial && isRecord(command.values) ? { ...writable(current), ...command.values } : command.values;
  const parsed = eventInputSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", errors: eventFieldErrors(parsed.error) };
  await assertInScope(writer, parsed.data.region);
  return db().$transaction(async (tx) => {
    const data = await columnsOf(tx, parsed.data);
    if (command.op === "create") {
      const row = await tx.event.create({ data: { ...data, createdById: userId }, include });
      const event = toDto(row);
      await audit(tx, userId, "event.create", event.id, null, event);
      return { status: "saved" as const, event, created: true };
    }
    const before = await readDto(tx, command.id);
    if (!before) throw new Refused({ status: "not_found" });
    if (before.version !== command.version) throw new Refused({ status: "conflict", current: before });
    const { count } = await tx.event.updateMany({ where: { id: command.id, version: command.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new Refused({ status: "conflict", current: (await readDto(tx, command.id)) ?? before });
    const event = (await readDto(tx, command.id)) as EventDto;
    await audit(tx, userId, "event.update", event.id, before, event);
    return { status: "saved" as const, event, created: false };
  });
}

async function remove(id: number, version: number | undefined, userId: number | null): Promise<EventWriteOutcome> {
  return db().$transaction(async (tx) => {
    const before = await readDto(tx, id);
    if (!before) throw new Refused({ status: "not_found" });
    if (version !== undefined && before.version !== version) throw new Refused({ status: "conflict", current: before });
    const { count } = await tx.event.deleteMany({ where: { id, version: before.version } });
    if (count === 0) throw new Refused({ status: "conflict", current: (await readDto(tx, id)) ?? before });
    await audit(tx, userId, "event.delete", id, before, null);
    return { status: "deleted" as const, event: before };
  });
}

async function readDto(tx: Tx, id: number): Promise<EventDto | null> {
  const row = await tx.event.findUnique({ where: { id }, include });
  return row ? toDto(row) : null;
}

async function audit(tx: Tx, userId: number | null, action: string, id: number, before: EventDto | null, after: EventDto | null): Promise<void> {
  await tx.auditEvent.create({
    data: {
      userId,
      action,
      entity: "event",
      entityId: String(id),
      ...(before ? { before: before as unknown as Prisma.InputJsonValue } : {}),
      ...(after ? { after: after as unknown as Prisma.InputJsonValue } : {}),
    },
  });
}
