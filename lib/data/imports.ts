// Bulk imports on the database side: the preview and the commit run the same
// code in one transaction (the preview rolls it back), so what a user is
// shown is what a commit does. A commit is all or nothing, and a file that
// changes nothing writes nothing (importing it twice is harmless).
import { db } from "../db/client";
import { disaggregationKey, type Disaggregation } from "../domain/disaggregation";
import { parseIsoDate } from "../domain/dates";
import { FUNDING_FUNDED, FUNDING_REQUIRED } from "../domain/funding";
import { Prisma } from "../generated/prisma/client";
import { placeOf, syncFundingGroup, type FundingGroup } from "./figure-writes";
import { coversPlace, outsideScope, UNSCOPED, type OutsideScope, type Scope } from "../auth/scope";
import { regionIndex } from "./reference";
import { withDerivedFunding } from "./import-funding";
import { resolveDatasetId } from "./datasets";
import { changeKind, type ChangeKind } from "../import/change-words";
import { sourceIds, type SourceRow } from "./sources";
import { ACTION, BLOCKED, SNAPSHOT, SNAPSHOT_JOINS, stageRows, type ImportRow } from "./import-sql";
import type { RowError } from "../import/apply-mapping";

type Tx = Prisma.TransactionClient;

export interface ImportSource {
  organisation: string;
  title: string;
  url: string;
  date: string;
}

/** One figure a file asks for, validated, with its source resolved. */
export interface PlannedFigure {
  lines: number[];
  indicator: string;
  region: string;
  periodStart: string;
  periodEnd: string;
  disaggregation: Disaggregation | null;
  value: string;
  /**
   * The dataset's code: the figure is matched, and written, within it only.
   * Null: the dataset of its source's organisation (created for it if it has none).
   */
  dataset: string | null;
  source: ImportSource;
  note: string | null;
}

export interface PlannedChange {
  action: "create" | "update";
  /** What it changes: the value (a new figure too), else the source, else only the note. */
  kind: ChangeKind;
  lines: number[];
  indicator: string;
  /** The indicator's, region's and dataset's names (English; the page says them in the reader's language). */
  indicatorName: string;
  region: string;
  regionName: string;
  periodStart: string;
  periodEnd: string;
  disaggregation: Disaggregation | null;
  value: number;
  unit: string;
  dataset: string;
  datasetName: string;
  /** "Organisation — title", as before; `sourceDetail` has all of it. */
  source: string;
  sourceDetail: ImportSource;
  /** The figure's note after the change (a row without a note keeps the stored one). */
  note: string | null;
  old: { id: number; value: number; source: string; sourceDetail: ImportSource; note: string | null } | null;
}

/** What an import does in one dataset: an import never writes outside the datasets its rows name. */
export interface DatasetCounts {
  code: string;
  name: string;
  create: number;
  update: number;
  unchanged: number;
  /** Rows created or changed here that wait for review (the dataset needs it): 0 or create + update. */
  held: number;
}

export interface ImportOutcome {
  counts: { create: number; update: number; unchanged: number };
  /** Per dataset the rows go to, by code. */
  datasets: DatasetCounts[];
  /** The first changes, in file order, for the preview. */
  changes: PlannedChange[];
  importId: number | null;
  /** Rows created or changed in datasets that need review: they wait for the import's review. */
  held: number;
  /**
   * Rows that would change a figure waiting for someone else's review (their
   * unpublished figure, or their pending change): the import is refused with
   * these as row errors, and nothing is written.
   */
  errors: RowError[];
}

export interface ImportMeta {
  fileName: string;
  fileSha256: string;
  mappingName: string;
  userId: number | null;
}

/** Why an import or a rollback was refused: callers tell the cases apart by `kind`, never by the message. */
export type ImportErrorKind = "invalid" | "not_found" | "refused" | "outside_scope";

export class ImportError extends Error {
  override name = "ImportError";
  constructor(
    message: string,
    readonly kind: ImportErrorKind = "invalid",
    /** For "outside_scope": the region or dataset of a figure the import touched that the writer may not write. */
    readonly outside?: OutsideScope,
  ) {
    super(message);
  }
}

const PREVIEW_LIMIT = 500;
/** Row errors an outcome lists (as runImport's): a file of a million rows must not answer with a million lines. */
const ERRORS_LIMIT = 1_000;
/** The row error for a row that would change a figure waiting for someone else's review. */
export const WAITING_FOR_OTHERS =
  "this figure is waiting for review of someone else's change: leave it out of the file until that review is done, or ask its author or a reviewer";
/** Large files take a while; the default 5 s would cut them off. */
const TX_OPTIONS = { timeout: 10 * 60_000, maxWait: 30_000 };

class PreviewOnly extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super("preview");
  }
}

/** `importerId`: who would commit it (their own unpublished figures they may rewrite, others' not). */
export async function previewImport(figures: PlannedFigure[], importerId: number | null = null): Promise<ImportOutcome> {
  try {
    await db().$transaction((tx) => run(tx, figures, null, importerId), TX_OPTIONS);
  } catch (error) {
    if (error instanceof PreviewOnly) return error.outcome;
    throw error;
  }
  throw new Error("unreachable: a preview always rolls back");
}

/**
 * Commits (and rollbacks) run one at a time across every instance: a
 * transaction-level advisory lock, taken before anything is read. The same
 * file committed twice at once: the second waits for the first, then finds
 * every figure already there ("unchanged") instead of failing on a duplicate key.
 */
const IMPORT_LOCK_KEY = 72_707_002;

export async function lockImports(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`;
}

export async function commitImport(figures: PlannedFigure[], meta: ImportMeta): Promise<ImportOutcome> {
  return db().$transaction(async (tx) => {
    await lockImports(tx);
    return run(tx, figures, meta, meta.userId);
  }, TX_OPTIONS);
}

async function run(tx: Tx, planned: PlannedFigure[], meta: ImportMeta | null, importerId: number | null): Promise<ImportOutcome> {
  const figures = await withDerivedFunding(tx, planned);
  const rows = await resolveRows(tx, figures);
  await stageRows(tx, rows, importerId);
  const counts = { create: 0, update: 0, unchanged: 0 };
  const perDataset = new Map<string, DatasetCounts>();
  let held = 0;
  for (const c of await tx.$queryRaw<{ code: string; name: string; needs_review: boolean; action: keyof typeof counts; n: number }[]>`
      SELECT d.code, d.name, d.needs_review, ${ACTION} AS action, count(*)::int AS n FROM import_rows x JOIN datasets d ON d.id = x.dataset_id GROUP BY 1, 2, 3, 4 ORDER BY 1`) {
    counts[c.action] += c.n;
    const entry = perDataset.get(c.code) ?? { code: c.code, name: c.name, create: 0, update: 0, unchanged: 0, held: 0 };
    entry[c.action] += c.n;
    if (c.needs_review && c.action !== "unchanged") {
      held += c.n;
      entry.held += c.n;
    }
    perDataset.set(c.code, entry);
  }
  const errors = (await tx.$queryRaw<{ n: number }[]>`SELECT x.n FROM import_rows x WHERE ${BLOCKED} ORDER BY x.n LIMIT ${ERRORS_LIMIT}`).map(
    ({ n }): RowError => ({ line: (figures[n] as PlannedFigure).lines[0] as number, column: "", reason: WAITING_FOR_OTHERS }),
  );
  const examples = await tx.$queryRaw<
    { n: number; action: "create" | "update"; figure_id: number | null; old_value: string | null; old_note: string | null; old_organisation: string | null; old_title: string | null; old_url: string | null; old_date: string | null }[]
  >`
    SELECT x.n, ${ACTION} AS action, x.figure_id, x.old_value::text AS old_value, x.old_note,
           s.organisation AS old_organisation, s.title AS old_title, s.url AS old_url, to_char(s.published_on, 'YYYY-MM-DD') AS old_date
    FROM import_rows x LEFT JOIN sources s ON s.id = x.old_source_id
    WHERE ${ACTION} <> 'unchanged' ORDER BY x.n LIMIT ${PREVIEW_LIMIT}`;
  const names = await namesOf(tx);
  const changes = examples.map((e): PlannedChange => {
    const f = figures[e.n] as PlannedFigure;
    const old =
      e.figure_id === null
        ? null
        : {
            id: e.figure_id,
            value: Number(e.old_value),
            source: `${e.old_organisation} — ${e.old_title}`,
            sourceDetail: { organisation: e.old_organisation ?? "", title: e.old_title ?? "", url: e.old_url ?? "", date: e.old_date ?? "" },
            note: e.old_note,
          };
    const facts = { value: Number(f.value), sourceDetail: { ...f.source }, note: f.note ?? old?.note ?? null, old };
    const indicator = names.indicators.get(f.indicator);
    return {
      action: e.action,
      kind: changeKind(facts),
      lines: f.lines,
      indicator: f.indicator,
      indicatorName: indicator?.name ?? f.indicator,
      region: f.region,
      regionName: names.regions.get(f.region) ?? f.region,
      periodStart: f.periodStart,
      periodEnd: f.periodEnd,
      disaggregation: f.disaggregation,
      value: facts.value,
      unit: indicator?.unit ?? "count",
      dataset: f.dataset as string,
      datasetName: perDataset.get(f.dataset as string)?.name ?? (f.dataset as string),
      source: `${f.source.organisation} — ${f.source.title}`,
      sourceDetail: facts.sourceDetail,
      note: facts.note,
      old,
    };
  });
  const datasets = [...perDataset.values()];
  const outcome = { counts, datasets, changes, importId: null, held, errors };
  if (!meta) throw new PreviewOnly(outcome);
  if (errors.length || counts.create + counts.update === 0) return outcome;
  const importId = await write(tx, meta, counts, datasets, held);
  // Normally a no-op (the plan held them): a requirement brought to 0 loses its
  // coverage. Published figures only: held ones are derived when approved.
  for (const group of await fundingGroupsOf(tx, Prisma.sql`SELECT id FROM figures WHERE import_id = ${importId} AND status = 'published'`)) {
    await syncFundingGroup(tx, group, meta.userId);
  }
  return { ...outcome, importId };
}

/** English names of the indicators (with units) and regions, for the report. */
async function namesOf(tx: Tx): Promise<{ indicators: Map<string, { name: string; unit: string }>; regions: Map<string, string> }> {
  const indicators = await tx.indicator.findMany({ select: { code: true, nameEn: true, unit: true } });
  const regions = await tx.region.findMany({ select: { pcode: true, nameEn: true } });
  return { indicators: new Map(indicators.map((i) => [i.code, { name: i.nameEn, unit: i.unit }])), regions: new Map(regions.map((r) => [r.pcode, r.nameEn])) };
}

/** Indicator, region and source ids for every planned figure (sources are created as needed). */
async function resolveRows(tx: Tx, figures: PlannedFigure[]): Promise<ImportRow[]> {
  // One after the other: a transaction is one connection, which runs one query at a time.
  const indicators = await tx.indicator.findMany({ select: { id: true, code: true } });
  const regions = await tx.region.findMany({ select: { id: true, pcode: true } });
  const indicatorIds = new Map(indicators.map((i) => [i.code, i.id]));
  const regionIds = new Map(regions.map((r) => [r.pcode, r.id]));
  await resolveDatasets(tx, figures);
  const datasets = await tx.dataset.findMany({ select: { id: true, code: true } });
  const datasetIds = new Map(datasets.map((d) => [d.code, d.id]));
  const unknown = [...new Set(figures.map((f) => f.dataset as string).filter((code) => !datasetIds.has(code)))];
  if (unknown.length) throw new ImportError(`unknown dataset ${unknown.map((c) => `"${c}"`).join(", ")}: create it first (POST /api/v1/datasets) or choose another`);
  const sourceIds = await resolveSources(tx, figures, datasetIds);
  return figures.map((f) => {
    const indicatorId = indicatorIds.get(f.indicator);
    const regionId = regionIds.get(f.region);
    if (indicatorId === undefined || regionId === undefined) throw new ImportError(`line ${f.lines[0]}: unknown indicator or region`);
    return {
      datasetId: datasetIds.get(f.dataset as string) as number,
      indicatorId,
      regionId,
      periodStart: f.periodStart,
      periodEnd: f.periodEnd,
      chPhase: f.disaggregation?.chPhase ?? null,
      chStatus: f.disaggregation?.chStatus ?? null,
      sector: f.disaggregation?.sector ?? null,
      disaggregationKey: disaggregationKey(f.disaggregation),
      value: f.value,
      sourceId: sourceIds.get(JSON.stringify([f.dataset, f.source])) as number,
      note: f.note,
    };
  });
}

/** Gives each figure without a dataset its source organisation's (created as needed, inside the transaction: a preview creates nothing). */
async function resolveDatasets(tx: Tx, figures: PlannedFigure[]): Promise<void> {
  const byOrganisation = new Map<string, string>();
  for (const f of figures) {
    if (f.dataset) continue;
    let code = byOrganisation.get(f.source.organisation);
    if (code === undefined) {
      // A new dataset is created under the import lock (a commit holds it already): a preview
      // racing a commit of the same file then finds the commit's dataset instead of a duplicate code.
      let id = await resolveDatasetId(tx, null, f.source.organisation);
      if (id === null) {
        await lockImports(tx);
        id = (await resolveDatasetId(tx, null, f.source.organisation, { create: true })) as number;
      }
      code = (await tx.dataset.findUniqueOrThrow({ where: { id }, select: { code: true } })).code;
      byOrganisation.set(f.source.organisation, code);
    }
    f.dataset = code;
  }
}

/** The id of each source the figures name (keyed by JSON.stringify([dataset, source])), created as needed. */
async function resolveSources(tx: Tx, figures: PlannedFigure[], datasetIds: Map<string, number>): Promise<Map<string, number>> {
  const distinct = new Map<string, SourceRow>();
  for (const f of figures) {
    const key = JSON.stringify([f.dataset, f.source]);
    if (distinct.has(key)) continue;
    const publishedOn = parseIsoDate(f.source.date);
    if (!publishedOn) throw new ImportError(`source date "${f.source.date}" is not a date`);
    distinct.set(key, { datasetId: datasetIds.get(f.dataset as string) as number, organisation: f.source.organisation, title: f.source.title, url: f.source.url, publishedOn });
  }
  const ids = await sourceIds(tx, [...distinct.values()]);
  return new Map([...distinct.keys()].map((key, i) => [key, ids[i]!]));
}

/**
 * Applies the staged rows: updates, then inserts, then one audit event per
 * figure written. A held row (its dataset needs review) waits for the
 * import's review: a new figure is inserted `submitted`, a change to a
 * published figure becomes its pending revision (the published row is left
 * as it is), a change to the importer's own unpublished figure rewrites it,
 * submitted again. The import's review is `submitted` when any row was held.
 */
async function write(tx: Tx, meta: ImportMeta, counts: ImportOutcome["counts"], datasets: DatasetCounts[], held: number): Promise<number> {
  const created = await tx.import.create({
    data: {
      fileName: meta.fileName,
      fileSha256: meta.fileSha256,
      mappingName: meta.mappingName,
      userId: meta.userId,
      created: counts.create,
      updated: counts.update,
      unchanged: counts.unchanged,
      review: held > 0 ? "submitted" : "published",
    },
    select: { id: true },
  });
  const importId = created.id;
  const userId = meta.userId;
  await tx.$executeRaw`CREATE TEMP TABLE import_before ON COMMIT DROP AS
    SELECT f.id, ${SNAPSHOT} AS snap FROM import_rows x JOIN figures f ON f.id = x.figure_id ${SNAPSHOT_JOINS} WHERE ${ACTION} = 'update'`;
  // Each statement writes the figures and, from the rows it returns, their
  // history: the figures are not read a second time.
  await tx.$executeRaw`WITH f AS (
      UPDATE figures f
      SET value = x.value, source_id = x.source_id, note = COALESCE(x.note, f.note), version = f.version + 1,
          import_id = ${importId}, updated_by_id = ${userId}, updated_at = now(),
          status = CASE WHEN x.held THEN 'submitted' ELSE 'published' END::"FigureStatus",
          submitted_at = CASE WHEN x.held THEN now() ELSE f.submitted_at END,
          review_comment = CASE WHEN x.held THEN NULL ELSE f.review_comment END
      FROM import_rows x WHERE x.figure_id = f.id AND ${ACTION} = 'update' AND NOT (x.held AND x.old_status = 'published')
      RETURNING f.*)
    INSERT INTO audit_events (user_id, action, entity, entity_id, before, after)
    SELECT ${userId}, 'figure.import', 'figure', f.id::text, b.snap, ${SNAPSHOT}
    FROM f ${SNAPSHOT_JOINS} JOIN import_before b ON b.id = f.id`;
  // A held change to a published figure: its pending revision (the importer's
  // own earlier one, if any, is replaced). Its history entry shows the figure
  // as the revision proposes it.
  await tx.$executeRaw`WITH v AS (
      INSERT INTO figure_revisions AS v (figure_id, status, indicator_id, region_id, period_start, period_end, ch_phase, ch_status, sector,
        disaggregation_key, value, dataset_id, source_id, note, author_id, submitted_at, import_id, updated_at)
      SELECT x.figure_id, 'submitted', x.indicator_id, x.region_id, x.period_start, x.period_end, x.ch_phase, x.ch_status, x.sector,
        x.disaggregation_key, x.value, x.dataset_id, x.source_id, COALESCE(x.note, x.old_note), ${userId}, now(), ${importId}, now()
      FROM import_rows x WHERE ${ACTION} = 'update' AND x.held AND x.old_status = 'published'
      ON CONFLICT (figure_id) DO UPDATE SET status = 'submitted', value = EXCLUDED.value, source_id = EXCLUDED.source_id, note = EXCLUDED.note,
        author_id = EXCLUDED.author_id, submitted_at = EXCLUDED.submitted_at, import_id = EXCLUDED.import_id, updated_at = now(),
        review_comment = NULL, reviewed_by_id = NULL, reviewed_at = NULL, version = v.version + 1
      RETURNING v.*),
    f AS (SELECT figure_id AS id, indicator_id, region_id, period_start, period_end, disaggregation_key, ch_phase, ch_status, sector,
        value, dataset_id, source_id, note, version, updated_at, import_id, status, review_comment FROM v)
    INSERT INTO audit_events (user_id, action, entity, entity_id, before, after)
    SELECT ${userId}, 'figure.revise', 'figure', f.id::text, b.snap, ${SNAPSHOT}
    FROM f ${SNAPSHOT_JOINS} JOIN import_before b ON b.id = f.id`;
  await tx.$executeRaw`WITH f AS (
      INSERT INTO figures (indicator_id, region_id, period_start, period_end, ch_phase, ch_status, sector,
        disaggregation_key, dataset_id, value, source_id, note, import_id, created_by_id, updated_by_id, updated_at, status, submitted_at)
      SELECT indicator_id, region_id, period_start, period_end, ch_phase, ch_status, sector, disaggregation_key, dataset_id, value,
        source_id, note, ${importId}, ${userId}, ${userId}, now(),
        CASE WHEN x.held THEN 'submitted' ELSE 'published' END::"FigureStatus", CASE WHEN x.held THEN now() END
      FROM import_rows x WHERE x.figure_id IS NULL ORDER BY x.n
      RETURNING *)
    INSERT INTO audit_events (user_id, action, entity, entity_id, before, after)
    SELECT ${userId}, 'figure.import', 'figure', f.id::text, NULL, ${SNAPSHOT}
    FROM f ${SNAPSHOT_JOINS}`;
  await tx.auditEvent.create({
    data: { userId, action: "import.commit", entity: "import", entityId: String(importId), after: { ...meta, ...counts, held, datasets: datasets.map((d) => ({ ...d })) } },
  });
  return importId;
}

export interface ImportRecord {
  id: number;
  fileName: string;
  mappingName: string;
  status: "committed" | "rolled_back";
  created: number;
  updated: number;
  unchanged: number;
  user: string | null;
  /** The importer's id: the four-eyes rule (they may not review it). */
  userId: number | null;
  createdAt: string;
  rolledBackAt: string | null;
  /** submitted: it holds rows waiting for review; published: nothing waits (approved, or no dataset needed review); returned. */
  review: "submitted" | "published" | "returned";
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

const RECORD_INCLUDE = { user: { select: { name: true } } } as const;
type StoredImport = Prisma.ImportGetPayload<{ include: typeof RECORD_INCLUDE }>;

/** Records with their reviewers' names (the imports table keeps the reviewer's id only). */
async function toRecords(rows: StoredImport[]): Promise<ImportRecord[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.reviewedById === null ? [] : [r.reviewedById])))];
  const names = new Map(ids.length ? (await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]) : []);
  return rows.map((r) => toRecord(r, r.reviewedById === null ? null : (names.get(r.reviewedById) ?? null)));
}

export async function listImports(take = 50): Promise<ImportRecord[]> {
  const rows = await db().import.findMany({ orderBy: { id: "desc" }, take, include: RECORD_INCLUDE });
  return toRecords(rows);
}

export async function getImport(id: number): Promise<ImportRecord | null> {
  const row = await db().import.findUnique({ where: { id }, include: RECORD_INCLUDE });
  return row ? ((await toRecords([row]))[0] as ImportRecord) : null;
}

function toRecord(r: StoredImport, reviewedBy: string | null): ImportRecord {
  return {
    id: r.id,
    fileName: r.fileName,
    mappingName: r.mappingName,
    status: r.status,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    user: r.user?.name ?? null,
    userId: r.userId,
    createdAt: r.createdAt.toISOString(),
    rolledBackAt: r.rolledBackAt?.toISOString() ?? null,
    review: r.review,
    reviewComment: r.reviewComment,
    reviewedBy,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
  };
}

/** Imports of a file with these bytes, to warn "already imported". */
export async function importsOfFile(sha256: string): Promise<ImportRecord[]> {
  const rows = await db().import.findMany({ where: { fileSha256: sha256, status: "committed" }, orderBy: { id: "desc" }, include: RECORD_INCLUDE });
  return toRecords(rows);
}

/**
 * Undoes an import as a whole: figures it created are deleted, figures it
 * updated get their previous value, source, note and status back, the
 * changes it proposed for review (pending revisions) are withdrawn. Refused (nothing
 * changes) when any of them was edited since, naming them.
 */
/** The first region or dataset among the figures an import wrote that lies outside `scope` (null: none). */
async function importOutsideScope(importId: number, scope: Scope): Promise<OutsideScope | null> {
  if (!scope.regions.length && !scope.datasets.length) return null;
  const rows = await db().$queryRaw<{ pcode: string; dataset: string }[]>`
    SELECT DISTINCT r.pcode, d.code AS dataset
    FROM audit_events e JOIN figures f ON f.id::text = e.entity_id JOIN regions r ON r.id = f.region_id JOIN datasets d ON d.id = f.dataset_id
    WHERE e.entity = 'figure' AND e.action = 'figure.import' AND (e.after->>'importId')::int = ${importId}
    ORDER BY r.pcode, d.code`;
  for (const row of rows) {
    const outside = outsideScope(scope, { place: await placeOf(row.pcode), dataset: row.dataset });
    if (outside) return outside;
  }
  return null;
}

/**
 * Undoes a committed import. A rollback writes every figure the import wrote:
 * a writer limited to regions or datasets rolls back only an import wholly
 * inside them (checked before the transaction, see writeFigure).
 */
export async function rollbackImport(importId: number, userId: number, scope: Scope = UNSCOPED): Promise<{ deleted: number; reverted: number }> {
  const outside = await importOutsideScope(importId, scope);
  if (outside) throw new ImportError(`Import ${importId} wrote figures outside your scope (${outside.kind} ${outside.code})`, "outside_scope", outside);
  return db().$transaction(async (tx) => {
    await lockImports(tx);
    const record = await tx.import.findUnique({ where: { id: importId } });
    if (!record) throw new ImportError(`There is no import ${importId}`, "not_found");
    if (record.status !== "committed") throw new ImportError(`Import ${importId} was already rolled back`, "refused");
    await tx.$executeRaw`CREATE TEMP TABLE rollback_rows ON COMMIT DROP AS
      SELECT e.entity_id::int AS id, e.before, (e.after->>'version')::int AS version
      FROM audit_events e
      WHERE e.entity = 'figure' AND e.action = 'figure.import' AND (e.after->>'importId')::int = ${importId}`;
    const edited = await tx.$queryRaw<{ id: number }[]>`
      SELECT x.id FROM rollback_rows x LEFT JOIN figures f ON f.id = x.id
      WHERE f.id IS NULL OR f.version <> x.version OR f.import_id IS DISTINCT FROM ${importId} ORDER BY x.id LIMIT 50`;
    if (edited.length) {
      throw new ImportError(`Figures changed since import ${importId} (${edited.map((e) => e.id).join(", ")}): edit or delete them by hand, or roll back the later changes first`, "refused");
    }
    const groups = await fundingGroupsOf(tx, Prisma.sql`SELECT id FROM rollback_rows`);
    await tx.$executeRaw`INSERT INTO audit_events (user_id, action, entity, entity_id, before, after)
      SELECT ${userId}, 'figure.rollback', 'figure', f.id::text, ${SNAPSHOT}, x.before
      FROM rollback_rows x JOIN figures f ON f.id = x.id ${SNAPSHOT_JOINS}`;
    const deleted = await tx.$executeRaw`DELETE FROM figures f USING rollback_rows x WHERE f.id = x.id AND x.before IS NULL`;
    // An importer's own unpublished figure an import rewrote gets its status back too (history written before statuses: kept).
    const reverted = await tx.$executeRaw`UPDATE figures f
      SET value = (x.before->>'value')::numeric, source_id = (x.before->>'sourceId')::int, note = x.before->>'note',
          import_id = (x.before->>'importId')::int, version = f.version + 1, updated_by_id = ${userId}, updated_at = now(),
          status = COALESCE((x.before->>'status')::"FigureStatus", f.status),
          review_comment = CASE WHEN x.before ? 'status' THEN x.before->>'reviewComment' ELSE f.review_comment END
      FROM rollback_rows x WHERE f.id = x.id AND x.before IS NOT NULL`;
    // The changes it proposed to published figures, still waiting (a later import of the same author took over the others).
    const withdrawn = await tx.$executeRaw`DELETE FROM figure_revisions WHERE import_id = ${importId}`;
    // Normally a no-op (the rollback put them back too); keeps them in step whatever came before.
    for (const group of groups) await syncFundingGroup(tx, group, userId);
    await tx.import.update({ where: { id: importId }, data: { status: "rolled_back", rolledBackAt: new Date() } });
    await tx.auditEvent.create({ data: { userId, action: "import.rollback", entity: "import", entityId: String(importId), after: { deleted, reverted, withdrawn } } });
    return { deleted, reverted };
  }, TX_OPTIONS);
}

/** The regions, periods and breakdowns of the funding requirements and amounts among the figures `ids` selects. */
async function fundingGroupsOf(tx: Tx, ids: Prisma.Sql): Promise<FundingGroup[]> {
  return tx.$queryRaw<FundingGroup[]>`
    SELECT DISTINCT f.dataset_id AS "datasetId", f.region_id AS "regionId", f.period_start AS "periodStart", f.period_end AS "periodEnd", f.disaggregation_key AS "disaggregationKey"
      FROM figures f JOIN indicators i ON i.id = f.indicator_id
     WHERE f.id IN (${ids}) AND i.code IN (${FUNDING_REQUIRED}, ${FUNDING_FUNDED})`;
}

/** One figure an import created or changed, as its history recorded it. */
export interface ImportedFigure {
  figureId: number;
  action: "create" | "update";
  indicator: string;
  region: string;
  dataset: { code: string; name: string };
  periodStart: string;
  periodEnd: string;
  disaggregation: Disaggregation | null;
  unit: string;
  /** The value before the import (null: the import created the figure). */
  old: number | null;
  value: number;
}

export interface ImportFigures {
  total: number;
  created: number;
  changed: number;
  /** The datasets the import wrote into, with their counts. */
  datasets: { code: string; name: string; created: number; changed: number }[];
  page: number;
  pages: number;
  rows: ImportedFigure[];
}

/**
 * The figures an import created and changed (changes held for review: their
 * pending revisions), from the audit events it wrote
 * (the same events a rollback reads), by indicator, region and period (the order
 * a commit writes its audit events in is not the file's); a page at a time
 * (the Cadre Harmonisé export creates ~1,500).
 */
/** The audit rows of an import's figures that `reader` may read: a read-scoped reader's regions (with their cercles) and datasets only. */
async function readableRows(reader: Scope | undefined): Promise<Prisma.Sql> {
  if (!reader?.readScoped) return Prisma.empty;
  const places = reader.regions.length ? [...(await regionIndex()).values()].filter((r) => coversPlace(reader, r)).map((r) => r.pcode) : null;
  return Prisma.sql`${places ? Prisma.sql`AND e.after->>'region' = ANY(${places})` : Prisma.empty}
    ${reader.datasets.length ? Prisma.sql`AND e.after->'dataset'->>'code' = ANY(${reader.datasets})` : Prisma.empty}`;
}

export async function importFigures(importId: number, { page = 1, perPage = 100, reader }: { page?: number; perPage?: number; reader?: Scope } = {}): Promise<ImportFigures> {
  const readable = await readableRows(reader);
  const datasets = await db().$queryRaw<{ code: string; name: string; created: number; changed: number }[]>`
    SELECT e.after->'dataset'->>'code' AS code, e.after->'dataset'->>'name' AS name,
           count(*) FILTER (WHERE e.before IS NULL)::int AS created, count(*) FILTER (WHERE e.before IS NOT NULL)::int AS changed
      FROM audit_events e
     WHERE e.entity = 'figure' AND e.action IN ('figure.import', 'figure.revise') AND (e.after->>'importId')::int = ${importId} ${readable}
     GROUP BY 1, 2 ORDER BY 1`;
  const created = datasets.reduce((n, d) => n + d.created, 0);
  const changed = datasets.reduce((n, d) => n + d.changed, 0);
  const total = created + changed;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, Math.trunc(page)), pages);
  const events = await db().$queryRaw<{ after: Record<string, unknown>; old: number | null }[]>`
    SELECT e.after, (e.before->>'value')::float8 AS old
      FROM audit_events e
     WHERE e.entity = 'figure' AND e.action IN ('figure.import', 'figure.revise') AND (e.after->>'importId')::int = ${importId} ${readable}
     ORDER BY e.after->>'indicator', e.after->>'region', e.after->>'periodStart', e.id LIMIT ${perPage} OFFSET ${(current - 1) * perPage}`;
  return { total, created, changed, datasets, page: current, pages, rows: events.map(({ after, old }) => importedFigure(after, old)) };
}

function importedFigure(after: Record<string, unknown>, old: number | null): ImportedFigure {
  return {
    figureId: after.id as number,
    action: old === null ? "create" : "update",
    indicator: after.indicator as string,
    region: after.region as string,
    dataset: after.dataset as { code: string; name: string },
    periodStart: after.periodStart as string,
    periodEnd: after.periodEnd as string,
    disaggregation: (after.disaggregation as Disaggregation | null) ?? null,
    unit: after.unit as string,
    old,
    value: after.value as number,
  };
}

/** Changes a review preview shows per dataset (the import's page lists them all). */
const PREVIEW_CHANGES = 5;

export interface ImportPreviewDataset {
  code: string;
  name: string;
  created: number;
  changed: number;
  /** Rows of the file already as stored (null: an import committed before the count was kept per dataset). */
  unchanged: number | null;
  /** The first changes, old → new. */
  changes: ImportedFigure[];
}

/**
 * What an import creates and changes, by dataset, for its review: the counts
 * its history holds, the unchanged rows its commit event recorded, and the
 * first few changes of each dataset with their old values; for a read-scoped
 * reader, what lies within their scope only.
 */
export async function importPreview(importId: number, reader?: Scope): Promise<ImportPreviewDataset[]> {
  const { datasets } = await importFigures(importId, { perPage: 1, reader });
  const readable = await readableRows(reader);
  const commit = await db().auditEvent.findFirst({ where: { entity: "import", entityId: String(importId), action: "import.commit" }, select: { after: true } });
  const recorded = ((commit?.after as { datasets?: { code: string; unchanged: number }[] } | null)?.datasets ?? []) as { code: string; unchanged: number }[];
  const samples = await db().$queryRaw<{ code: string; after: Record<string, unknown>; old: number }[]>`
    SELECT code, after, old FROM (
      SELECT e.after->'dataset'->>'code' AS code, e.after, (e.before->>'value')::float8 AS old,
             row_number() OVER (PARTITION BY e.after->'dataset'->>'code' ORDER BY e.after->>'indicator', e.after->>'region', e.after->>'periodStart', e.id) AS k
        FROM audit_events e
       WHERE e.entity = 'figure' AND e.action IN ('figure.import', 'figure.revise') AND (e.after->>'importId')::int = ${importId} AND e.before IS NOT NULL ${readable}) c
     WHERE k <= ${PREVIEW_CHANGES} ORDER BY code, k`;
  return datasets.map((d) => ({
    ...d,
    // The commit recorded the whole dataset's unchanged rows: not a read-scoped reader's to see.
    unchanged: reader?.readScoped ? null : (recorded.find((r) => r.code === d.code)?.unchanged ?? null),
    changes: samples.filter((c) => c.code === d.code).map((c) => importedFigure(c.after, c.old)),
  }));
}
