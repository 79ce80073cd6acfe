// Writing single figures: one use case, writeFigure, for the form's Server
// Actions, the write API and restore. It validates, checks the version and
// duplicates, applies the outlier policy, writes, recomputes the funding
// figures derived from the one written, and records an audit event per
// figure changed, all in one transaction, and answers with one outcome type
// that each caller only translates. The audit event holds the figure as it
// was before and after: that is the figure's history, and the delete event's
// "before" is what a restore brings back.
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { parseIsoDate } from "../domain/dates";
import { disaggregationKey } from "../domain/disaggregation";
import { derivedFundingChanges, DERIVED_FUNDING, FUNDING_COVERAGE, FUNDING_FUNDED, FUNDING_REQUIRED, FUNDING_UNMET, isDerivedIndicator, isFundingInput } from "../domain/funding";
import { outlierChange, type OutlierChange } from "../domain/outlier";
import { Prisma } from "../generated/prisma/client";
import { sourceHref } from "../validation/source-url";
import { fieldErrors, figureInputSchema, type FieldErrors, type FigureInput, type IndicatorRule } from "../validation/figure-input";
import { toFigureDto, figureInclude, type FigureDto } from "./figures";
import { datasetCatalogue, DatasetError, resolveDatasetId } from "./datasets";
import { sourceIds } from "./sources";
import { indicatorIndex, regionIndex } from "./reference";
import { outsideScope, type OutsideScope, type Scope } from "../auth/scope";
import type { Role } from "../auth/permissions";

type Tx = Prisma.TransactionClient;

export type FigureCommand =
  | { op: "create"; values: unknown; outliers: OutlierPolicy }
  /** `partial`: `values` holds only the fields to change (the API's PATCH); else the whole figure (the form). */
  | { op: "update"; id: number; version: number; values: unknown; partial?: boolean; outliers: OutlierPolicy }
  /** Without a version, deletes whatever version is stored. */
  | { op: "delete"; id: number; version?: number }
  | { op: "restore"; id: number };

/**
 * "ask": a value far from the previous figure is not written, the caller asks
 * first (the form); "confirmed": the analyst saw that and saves anyway;
 * "warn": written, with a warning in the outcome (the API).
 */
export type OutlierPolicy = "ask" | "confirmed" | "warn";

export interface OutlierWarning {
  code: "outlier";
  change: OutlierChange;
  previous: FigureDto;
}

export type FigureWriteOutcome =
  | { status: "saved"; figure: FigureDto; created: boolean; warnings: OutlierWarning[] }
  | { status: "deleted"; figure: FigureDto }
  | { status: "invalid"; errors: FieldErrors }
  | { status: "outlier"; change: OutlierChange; previous: FigureDto }
  | { status: "duplicate"; existingId: number | null }
  | { status: "conflict"; current: FigureDto }
  | { status: "not_found" }
  | { status: "not_deleted" }
  /** Unmet requirements and coverage are recomputed from funding, never written by hand. */
  | { status: "derived"; indicator: string }
  /** The figure (as stored, or as it would be written) lies outside the writer's scope. */
  | { status: "outside_scope"; outside: OutsideScope };

/** Who writes: the figure's region and dataset must lie within their scope (lib/auth/scope.ts). */
export interface Writer {
  id: number;
  role: Role;
  scope: Scope;
}

type Refusal = Exclude<FigureWriteOutcome, { status: "saved" } | { status: "deleted" }>;

/** Ends a transaction without writing, carrying the outcome to answer. */
class Refused extends Error {
  constructor(readonly outcome: Refusal) {
    super(outcome.status);
  }
}

/** The catalogue that the figure schema validates against. */
export async function figureRules(): Promise<{ indicators: Map<string, IndicatorRule>; regions: Set<string>; datasets: Set<string> }> {
  const [indicators, regions, catalogue] = await Promise.all([indicatorIndex(), regionIndex(), datasetCatalogue()]);
  return {
    indicators: new Map([...indicators].map(([code, i]) => [code, { unit: i.unit as IndicatorRule["unit"], disaggregation: i.disaggregation as IndicatorRule["disaggregation"] }])),
    regions: new Set(regions.keys()),
    datasets: new Set(catalogue.byCode.keys()),
  };
}

export async function writeFigure(command: FigureCommand, writer: Writer): Promise<FigureWriteOutcome> {
  try {
    switch (command.op) {
      case "create":
      case "update":
        return await save(command, writer);
      case "delete":
        return await remove(command.id, command.version, writer);
      case "restore":
        return await restore(command.id, writer);
    }
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    throw error;
  }
}

/** The fields of a figure that a writer may send (the read API's shape without id and version). */
function writable(f: FigureDto) {
  // A snapshot from before datasets has none: its source's organisation says.
  return { indicator: f.indicator, region: f.region, periodStart: f.periodStart, periodEnd: f.periodEnd, disaggregation: f.disaggregation, value: f.value, source: f.source, note: f.note, dataset: f.dataset?.code ?? null };
}

/** Refuses a figure outside the writer's scope, named by region or dataset. */
async function assertInScope(writer: Writer, figure: Pick<FigureDto, "region" | "dataset">): Promise<void> {
  const outside = outsideScope(writer.scope, { place: await placeOf(figure.region), dataset: figure.dataset.code });
  if (outside) throw new Refused({ status: "outside_scope", outside });
}

/** Where an area lies, for the scope rule: its level and its parent. */
export async function placeOf(pcode: string): Promise<{ pcode: string; level: number; parent: string | null }> {
  const region = (await regionIndex()).get(pcode);
  return { pcode, level: region?.level ?? 0, parent: region?.parent ?? null };
}

async function save(command: Extract<FigureCommand, { op: "create" | "update" }>, writer: Writer): Promise<FigureWriteOutcome> {
  const userId = writer.id;
  const current = command.op === "update" ? await getFigure(command.id) : null;
  if (command.op === "update" && !current) return { status: "not_found" };
  // Both where the figure is and where it would go: a partner can neither take a figure out of its scope nor bring one in.
  if (current) await assertInScope(writer, current);
  const values = current && command.op === "update" && command.partial && isRecord(command.values) ? { ...writable(current), ...command.values } : command.values;
  const rules = await figureRules();
  const parsed = figureInputSchema(rules.indicators, rules.regions, { storedValue: current?.value, datasets: rules.datasets }).safeParse(values);
  if (!parsed.success) return { status: "invalid", errors: fieldErrors(parsed.error) };
  const input = parsed.data;
  const id = command.op === "update" ? command.id : undefined;
  // Checked before the transaction: its lookups (cached reference data) must not wait for a pool connection while it holds one.
  const target = await writeTarget(input);
  if (target.datasetId === null) outsideNewDataset(writer, input);
  await assertInScope(writer, { region: input.region, dataset: { code: target.datasetCode, name: "" } });
  try {
    return await db().$transaction(async (tx) => {
      const before = id === undefined ? null : await readDto(tx, id);
      if (id !== undefined && !before) throw new Refused({ status: "not_found" });
      if (before && command.op === "update" && before.version !== command.version) throw new Refused({ status: "conflict", current: before });
      const key = await keyOf(tx, input);
      if (key.datasetId !== target.datasetId) outsideNewDataset(writer, input);
      const same = await tx.figure.findUnique({ where: keyWhere(key), select: { id: true } });
      if (same && same.id !== id) throw new Refused({ status: "duplicate", existingId: same.id });
      const warnings: OutlierWarning[] = [];
      if (!before || before.value !== input.value) {
        const previous = await previousFigure(tx, input, key.datasetId, id);
        const change = previous ? outlierChange(input.value, previous.value) : null;
        if (previous && change) {
          if (command.outliers === "ask") throw new Refused({ status: "outlier", change, previous });
          if (command.outliers === "warn") warnings.push({ code: "outlier", change, previous });
        }
      }
      const columns = { ...key, ...(await sourceAndValue(tx, input, key.datasetId)) };
      let figure: FigureDto;
      if (id === undefined) {
        const row = await tx.figure.create({ data: { ...columns, createdById: userId, updatedById: userId }, include: figureInclude });
        figure = toFigureDto(row);
        await audit(tx, userId, "figure.create", row.id, null, figure);
      } else {
        const { count } = await tx.figure.updateMany({
          where: { id, version: (before as FigureDto).version },
          data: { ...columns, importId: null, updatedById: userId, version: { increment: 1 } },
        });
        if (count === 0) throw new Refused({ status: "conflict", current: (await readDto(tx, id)) ?? (before as FigureDto) });
        figure = (await readDto(tx, id)) as FigureDto;
        await audit(tx, userId, "figure.update", id, before, figure);
      }
      await syncDerivedOf(tx, [before, figure], userId, columns.sourceId);
      return { status: "saved" as const, figure, created: id === undefined, warnings };
    });
  } catch (error) {
    // Two simultaneous writes of the same figure: the unique key lets one win.
    if (isUniqueViolation(error)) return { status: "duplicate", existingId: await findSameFigure(input, id) };
    throw error;
  }
}

async function remove(id: number, version: number | undefined, writer: Writer): Promise<FigureWriteOutcome> {
  const userId = writer.id;
  const current = await getFigure(id);
  if (current) await assertInScope(writer, current);
  return db().$transaction(async (tx) => {
    const before = await readDto(tx, id);
    if (!before) throw new Refused({ status: "not_found" });
    // It moved since (another write changed its region or dataset): checked again, with the cached lookups done before.
    if (before.region !== current?.region || before.dataset.code !== current.dataset.code) throw new Refused({ status: "conflict", current: before });
    if (isDerivedIndicator(before.indicator)) throw new Refused({ status: "derived", indicator: before.indicator });
    if (version !== undefined && before.version !== version) throw new Refused({ status: "conflict", current: before });
    const { count } = await tx.figure.deleteMany({ where: { id, version: before.version } });
    if (count === 0) throw new Refused({ status: "conflict", current: (await readDto(tx, id)) ?? before });
    await audit(tx, userId, "figure.delete", id, before, null);
    await syncDerivedOf(tx, [before], userId);
    return { status: "deleted" as const, figure: before };
  });
}

/** Brings a deleted figure back under its old id (admins only; checked by the caller). */
async function restore(id: number, writer: Writer): Promise<FigureWriteOutcome> {
  const userId = writer.id;
  const snapshot = await deletedFigure(id);
  if (!snapshot) return { status: "not_found" };
  if (snapshot.dataset) await assertInScope(writer, snapshot);
  if (isDerivedIndicator(snapshot.indicator)) return { status: "derived", indicator: snapshot.indicator };
  // The snapshot may predate the URL rule (an import wrote javascript: links): the figure comes back, such a link does not.
  const input: FigureInput = { ...writable(snapshot), source: { ...snapshot.source, url: sourceHref(snapshot.source.url) ?? "" } };
  try {
    return await db().$transaction(async (tx) => {
      if (await tx.figure.findUnique({ where: { id }, select: { id: true } })) throw new Refused({ status: "not_deleted" });
      const key = await keyOf(tx, input);
      const same = await tx.figure.findUnique({ where: keyWhere(key), select: { id: true } });
      if (same) throw new Refused({ status: "duplicate", existingId: same.id });
      const columns = { ...key, ...(await sourceAndValue(tx, input, key.datasetId)) };
      await tx.figure.create({ data: { id, ...columns, createdById: userId, updatedById: userId, version: snapshot.version + 1 } });
      const figure = (await readDto(tx, id)) as FigureDto;
      await audit(tx, userId, "figure.restore", id, null, figure);
      await syncDerivedOf(tx, [figure], userId, columns.sourceId);
      return { status: "saved" as const, figure, created: true, warnings: [] };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "duplicate", existingId: await findSameFigure(input) };
    throw error;
  }
}

const day = (iso: string): Date => parseIsoDate(iso) as Date;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The dataset a figure is written to: the one it names, else its source organisation's, created for it when it has none (lib/data/datasets.ts). */
async function datasetIdOf(tx: Tx, input: FigureInput): Promise<number> {
  try {
    const id = await resolveDatasetId(tx, input.dataset, input.source?.organisation, { create: true });
    if (id === null) throw new Refused({ status: "invalid", errors: { dataset: "datasetRequired" } });
    return id;
  } catch (error) {
    if (error instanceof DatasetError) throw new Refused({ status: "invalid", errors: { dataset: "unknownDataset" } });
    throw error;
  }
}

/** The columns of the figure's unique key, and its breakdown. */
async function keyOf(tx: Tx, input: FigureInput) {
  // One after the other: a transaction is one connection.
  const indicator = await tx.indicator.findUniqueOrThrow({ where: { code: input.indicator }, select: { id: true } });
  const region = await tx.region.findUniqueOrThrow({ where: { pcode: input.region }, select: { id: true } });
  const datasetId = await datasetIdOf(tx, input);
  const d = input.disaggregation;
  return {
    datasetId,
    indicatorId: indicator.id,
    regionId: region.id,
    periodStart: day(input.periodStart),
    periodEnd: day(input.periodEnd),
    chPhase: d?.chPhase ?? null,
    chStatus: d?.chStatus ?? null,
    sector: d?.sector ?? null,
    disaggregationKey: disaggregationKey(d),
  };
}

type Key = Awaited<ReturnType<typeof keyOf>>;

/** The stored dataset a figure would be written to (null: its organisation's, made by the write). */
async function writeTarget(input: FigureInput): Promise<{ datasetId: number | null; datasetCode: string }> {
  const datasetId = await resolveDatasetId(db() as unknown as Tx, input.dataset, input.source?.organisation).catch(() => null);
  // A new dataset covers no dataset scope but passes an unscoped one: outsideNewDataset refuses the scoped.
  return { datasetId, datasetCode: datasetId === null ? "" : ((await datasetCatalogue()).byId.get(datasetId)?.code ?? "") };
}

/** A dataset-scoped writer never creates a dataset by writing a figure (an unscoped one may; the region is checked apart). */
function outsideNewDataset(writer: Writer, input: FigureInput): void {
  if (writer.scope.datasets.length) throw new Refused({ status: "outside_scope", outside: { kind: "dataset", code: input.dataset ?? input.source.organisation } });
}

async function sourceAndValue(tx: Tx, input: FigureInput, datasetId: number) {
  const { organisation, title, url, date } = input.source;
  const [sourceId] = await sourceIds(tx, [{ datasetId, organisation, title, url, publishedOn: day(date) }]);
  return { sourceId: sourceId!, value: new Prisma.Decimal(input.value), note: input.note };
}

function keyWhere(c: Pick<Key, "indicatorId" | "regionId" | "periodStart" | "periodEnd" | "disaggregationKey" | "datasetId">) {
  return {
    indicatorId_regionId_periodStart_periodEnd_disaggregationKey_datasetId: {
      indicatorId: c.indicatorId,
      regionId: c.regionId,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      disaggregationKey: c.disaggregationKey,
      datasetId: c.datasetId,
    },
  };
}

async function readDto(tx: Tx, id: number): Promise<FigureDto | null> {
  const row = await tx.figure.findUnique({ where: { id }, include: figureInclude });
  return row ? toFigureDto(row) : null;
}


async function audit(tx: Tx, userId: number | null, action: string, id: number, before: FigureDto | null, after: FigureDto | null): Promise<void> {
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

/** The figure with the same indicator, region, period, disaggregation and dataset, if any. */
async function findSameFigure(input: FigureInput, exceptId?: number): Promise<number | null> {
  const datasetId = await resolveDatasetId(db() as unknown as Tx, input.dataset, input.source?.organisation).catch(() => null);
  const row = await db().figure.findFirst({
    where: {
      ...(datasetId !== null ? { datasetId } : {}),
      indicator: { code: input.indicator },
      region: { pcode: input.region },
      periodStart: day(input.periodStart),
      periodEnd: day(input.periodEnd),
      disaggregationKey: disaggregationKey(input.disaggregation),
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** The latest earlier figure of the same series (indicator, region, disaggregation, dataset), for the outlier check. */
async function previousFigure(tx: Tx, input: FigureInput, datasetId: number, exceptId?: number): Promise<FigureDto | null> {
  const row = await tx.figure.findFirst({
    where: {
      datasetId,
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

// ---------------------------------------------------------------- derived funding

/** One dataset, region, period and breakdown: the figures that derive from each other. */
export interface FundingGroup {
  datasetId: number;
  regionId: number;
  periodStart: Date;
  periodEnd: Date;
  disaggregationKey: string;
}

/**
 * Recomputes the groups of the funding inputs among `figures` (before and
 * after a change); the last is the figure written, whose source (`writtenSourceId`)
 * its group's derived figures cite when they change.
 */
async function syncDerivedOf(tx: Tx, figures: (FigureDto | null)[], userId: number, writtenSourceId?: number): Promise<void> {
  const seen = new Set<string>();
  for (const f of figures) {
    if (!f || !isFundingInput(f.indicator)) continue;
    const region = await tx.region.findUniqueOrThrow({ where: { pcode: f.region }, select: { id: true } });
    const dataset = await tx.dataset.findUniqueOrThrow({ where: { code: f.dataset.code }, select: { id: true } });
    const group = { datasetId: dataset.id, regionId: region.id, periodStart: day(f.periodStart), periodEnd: day(f.periodEnd), disaggregationKey: disaggregationKey(f.disaggregation) };
    const id = JSON.stringify(group);
    if (seen.has(id)) continue;
    seen.add(id);
    await syncFundingGroup(tx, group, userId, f === figures.at(-1) ? writtenSourceId : undefined);
  }
}

/**
 * Makes the stored unmet requirement and coverage of `group` what its stored
 * requirement and funding give (lib/domain/funding.ts): created, updated or
 * deleted, each change audited as "figure.derive". A derived figure that
 * changes cites the source of the write that changed it (`sourceId`), else
 * that of the funding it follows.
 *
 * Called after the transaction's own figure write. Funding writers take turns
 * on one transaction lock (held until commit; funding is written rarely, and
 * one lock cannot deadlock nor fill the lock table on a large import), and
 * each statement reads what was committed before it: so the second of two
 * simultaneous edits (requirement and funding) reads the first's amount, not
 * the one before it (tests/integration/funding-derived.test.ts). The lock is
 * the rule's own; today the data_versions trigger serialises figure writers
 * too, but that is the cache's business and may change.
 */
export async function syncFundingGroup(tx: Tx, group: FundingGroup, userId: number | null, sourceId?: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('situation-room:funding-derivation'))`;
  // Derived funding follows published inputs only: a submitted amount changes nothing until approved (its revision waits apart).
  const rows = await tx.figure.findMany({
    where: { ...group, OR: [{ indicator: { code: { in: [...DERIVED_FUNDING] } } }, { indicator: { code: { in: [FUNDING_REQUIRED, FUNDING_FUNDED] } }, status: "published" }] },
    include: figureInclude,
  });
  const of = (code: string) => rows.find((r) => r.indicator.code === code);
  const amount = (code: string) => of(code)?.value.toFixed() ?? null;
  const changes = derivedFundingChanges({ required: amount(FUNDING_REQUIRED), funded: amount(FUNDING_FUNDED), unmet: amount(FUNDING_UNMET), coverage: amount(FUNDING_COVERAGE) });
  for (const { indicator: code, value } of changes) {
    const stored = of(code);
    if (value === null) {
      // A change to "none" only comes for a stored figure.
      await tx.figure.delete({ where: { id: stored!.id } });
      await audit(tx, userId, "figure.derive", stored!.id, toFigureDto(stored!), null);
      continue;
    }
    // A value is derived from both amounts: the figure it follows is the funding.
    const basis = of(FUNDING_FUNDED)!;
    const data = { value: new Prisma.Decimal(value), sourceId: sourceId ?? basis.sourceId, updatedById: userId };
    if (stored) {
      const row = await tx.figure.update({ where: { id: stored.id }, data: { ...data, importId: null, version: { increment: 1 } }, include: figureInclude });
      await audit(tx, userId, "figure.derive", row.id, toFigureDto(stored), toFigureDto(row));
    } else {
      const indicator = await tx.indicator.findUniqueOrThrow({ where: { code }, select: { id: true } });
      const row = await tx.figure.create({
        data: { ...group, ...data, indicatorId: indicator.id, chPhase: basis.chPhase, chStatus: basis.chStatus, sector: basis.sector, createdById: userId },
        include: figureInclude,
      });
      await audit(tx, userId, "figure.derive", row.id, null, toFigureDto(row));
    }
  }
}

/**
 * Brings every stored unmet requirement and coverage in step with its stored
 * requirement and funding, by the same rule and the same sync as every write.
 * A database written before every write kept them in step (form and API edits
 * of funding left them stale) is put right at start (prepareDatabase). Reads
 * the funding figures once and rewrites only the groups that differ; returns
 * how many it rewrote.
 */
export async function reconcileDerivedFunding(): Promise<number> {
  const rows = await db().figure.findMany({
    where: { OR: [{ indicator: { code: { in: [...DERIVED_FUNDING] } } }, { indicator: { code: { in: [FUNDING_REQUIRED, FUNDING_FUNDED] } }, status: "published" }] },
    select: { datasetId: true, regionId: true, periodStart: true, periodEnd: true, disaggregationKey: true, value: true, indicator: { select: { code: true } } },
  });
  const groups = new Map<string, { group: FundingGroup; amounts: Map<string, string> }>();
  for (const r of rows) {
    const key = [r.datasetId, r.regionId, r.periodStart.toISOString(), r.periodEnd.toISOString(), r.disaggregationKey].join("|");
    const entry = groups.get(key) ?? { group: { datasetId: r.datasetId, regionId: r.regionId, periodStart: r.periodStart, periodEnd: r.periodEnd, disaggregationKey: r.disaggregationKey }, amounts: new Map() };
    entry.amounts.set(r.indicator.code, r.value.toFixed());
    groups.set(key, entry);
  }
  let rewritten = 0;
  for (const { group, amounts } of groups.values()) {
    const amount = (code: string) => amounts.get(code) ?? null;
    if (!derivedFundingChanges({ required: amount(FUNDING_REQUIRED), funded: amount(FUNDING_FUNDED), unmet: amount(FUNDING_UNMET), coverage: amount(FUNDING_COVERAGE) }).length) continue;
    await db().$transaction((tx) => syncFundingGroup(tx, group, null));
    rewritten += 1;
  }
  return rewritten;
}

// ---------------------------------------------------------------- reads

/**
 * The figure as its last delete left it (by hand, or a derived figure whose
 * funding went), or null if it was never deleted.
 */
export async function deletedFigure(id: number): Promise<FigureDto | null> {
  const event = await db().auditEvent.findFirst({
    where: { entity: "figure", entityId: String(id), action: { in: ["figure.delete", "figure.derive"] } },
    orderBy: { id: "desc" },
  });
  return event && event.after === null ? (event.before as unknown as FigureDto) : null;
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
