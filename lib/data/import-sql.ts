// The SQL an import runs, in one place. Rows travel as one JSON parameter
// (json_to_recordset on the server): 100,000 rows are a handful of
// statements, not 100,000 round trips. Measured in `npm run bench` (issue 4).
import { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** One figure an import wants, with ids already resolved. */
export interface ImportRow {
  datasetId: number;
  indicatorId: number;
  regionId: number;
  periodStart: string;
  periodEnd: string;
  chPhase: number | null;
  chStatus: "current" | "projected" | null;
  sector: string | null;
  disaggregationKey: string;
  value: string;
  sourceId: number;
  note: string | null;
}

/**
 * The figure as the API shows it, built in SQL for the audit trail of many
 * rows at once. `f` is a figures row; SNAPSHOT_JOINS brings `i`, `r` and `s`
 * (the source's JSON built once per source, not once per figure: for 100,000
 * rows that halves the cost of the history).
 */
export const SNAPSHOT = Prisma.sql`jsonb_build_object(
  'id', f.id, 'indicator', i.code, 'region', r.pcode,
  'periodStart', to_char(f.period_start, 'YYYY-MM-DD'), 'periodEnd', to_char(f.period_end, 'YYYY-MM-DD'),
  'disaggregation', CASE WHEN f.disaggregation_key = '' THEN NULL
    ELSE jsonb_strip_nulls(jsonb_build_object('chPhase', f.ch_phase, 'chStatus', f.ch_status, 'sector', f.sector)) END,
  'value', f.value::float8, 'unit', i.unit, 'dataset', d.json, 'source', s.json,
  'sourceId', f.source_id, 'note', f.note, 'version', f.version,
  'updatedAt', to_char(f.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'importId', f.import_id,
  'status', f.status, 'reviewComment', f.review_comment, 'pendingRevision', NULL)`;

export const SNAPSHOT_JOINS = Prisma.sql`JOIN indicators i ON i.id = f.indicator_id JOIN regions r ON r.id = f.region_id
  JOIN (SELECT id, jsonb_build_object('code', code, 'name', name) AS json FROM datasets) d ON d.id = f.dataset_id
  JOIN (SELECT id, jsonb_build_object('organisation', organisation, 'title', title, 'url', url, 'date', to_char(published_on, 'YYYY-MM-DD')) AS json
        FROM sources) s ON s.id = f.source_id`;

/**
 * Loads the rows into a temporary table (dropped at commit) and matches each
 * to the stored figure with the same key, in the same dataset (a figure of
 * another dataset is never touched): its id, value, source, note and status,
 * and its pending revision's (`rev_*`).
 * `held`: the dataset needs review, so the row waits for it. `blocked`: the
 * figure is another person's unpublished figure, or has another person's
 * pending revision (the importer, `importerId`, may rewrite only their own).
 */
export async function stageRows(tx: Tx, rows: ImportRow[], importerId: number | null): Promise<void> {
  await tx.$executeRaw`CREATE TEMP TABLE import_rows (
    n int, indicator_id int, region_id int, period_start date, period_end date,
    ch_phase int, ch_status "ChStatus", sector text, disaggregation_key text, dataset_id int,
    value numeric(20,4), source_id int, note text, held boolean,
    figure_id int, old_value numeric(20,4), old_source_id int, old_note text, old_version int,
    old_status "FigureStatus", blocked boolean NOT NULL DEFAULT false,
    rev_status "FigureStatus", rev_value numeric(20,4), rev_source_id int, rev_note text
  ) ON COMMIT DROP`;
  await tx.$executeRaw`INSERT INTO import_rows (n, indicator_id, region_id, period_start, period_end, ch_phase, ch_status, sector, disaggregation_key, dataset_id, value, source_id, note, held)
    SELECT n, "indicatorId", "regionId", "periodStart", "periodEnd", "chPhase", "chStatus", sector, "disaggregationKey", "datasetId", value, "sourceId", note, d.needs_review
      FROM json_to_recordset(${JSON.stringify(rows.map((r, n) => ({ n, ...r })))}::json) AS u(
      n int, "indicatorId" int, "regionId" int, "periodStart" date, "periodEnd" date, "chPhase" int, "chStatus" "ChStatus",
      sector text, "disaggregationKey" text, "datasetId" int, value numeric(20,4), "sourceId" int, note text)
      JOIN datasets d ON d.id = u."datasetId"`;
  // With its statistics the planner matches large files with one merge or
  // hash join rather than an index probe per row (measured: 1.4 s → 0.3 s for 100,000).
  await tx.$executeRaw`ANALYZE import_rows`;
  await tx.$executeRaw`UPDATE import_rows x
    SET figure_id = f.id, old_value = f.value, old_source_id = f.source_id, old_note = f.note, old_version = f.version, old_status = f.status,
        blocked = (f.status <> 'published' AND f.updated_by_id IS DISTINCT FROM ${importerId}::int)
               OR (v.id IS NOT NULL AND v.author_id IS DISTINCT FROM ${importerId}::int),
        rev_status = v.status, rev_value = v.value, rev_source_id = v.source_id, rev_note = v.note
    FROM figures f LEFT JOIN figure_revisions v ON v.figure_id = f.id
    WHERE f.indicator_id = x.indicator_id AND f.region_id = x.region_id AND f.period_start = x.period_start
      AND f.period_end = x.period_end AND f.disaggregation_key = x.disaggregation_key AND f.dataset_id = x.dataset_id`;
}

/**
 * A staged row's fate: "create", "update" (value, source or note differ) or
 * "unchanged". A row without a note keeps the stored note. A held row for the
 * importer's own draft or returned figure (or revision) is an update even with
 * the same values: importing it again submits it again; a held row for a
 * figure with the importer's own pending revision is compared with the revision.
 */
export const ACTION = Prisma.sql`CASE WHEN x.figure_id IS NULL THEN 'create'
  WHEN x.held AND NOT x.blocked AND x.old_status IN ('draft', 'returned') THEN 'update'
  WHEN x.held AND NOT x.blocked AND x.rev_status IS NOT NULL THEN
    CASE WHEN x.rev_status = 'submitted' AND x.rev_value = x.value AND x.rev_source_id = x.source_id AND (x.note IS NULL OR x.note = x.rev_note)
      THEN 'unchanged' ELSE 'update' END
  WHEN x.old_value = x.value AND x.old_source_id = x.source_id AND (x.note IS NULL OR x.note = x.old_note) THEN 'unchanged'
  ELSE 'update' END`;

/** A held row that would change a figure someone else's review is waiting on: refused as a row error. */
export const BLOCKED = Prisma.sql`x.held AND x.blocked AND (${ACTION}) <> 'unchanged'`;
