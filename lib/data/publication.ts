// Publishing and returning, set-based: the one core every approval path runs
// inside its own transaction (one figure, a reviewer's bulk selection, an
// import batch of 13,000 rows). Each step is a handful of statements whatever
// the number of items: the status change, its audit events (one per figure,
// before and after, as every figure write) and, for revisions, applying the
// proposed columns onto the figure. Who may act on what is the caller's
// question (lib/domain/review.ts); this module only acts on what is still
// submitted and answers which figures it changed.
import { Prisma } from "../generated/prisma/client";
import { FUNDING_FUNDED, FUNDING_REQUIRED } from "../domain/funding";
import { syncFundingGroup, type FundingGroup } from "./figure-writes";
import { SNAPSHOT, SNAPSHOT_JOINS } from "./import-sql";

type Tx = Prisma.TransactionClient;

/** What to act on: unpublished figures by id, pending revisions by their own id. */
export interface ReviewSet {
  figureIds: number[];
  revisionIds: number[];
}

/** The figures changed (by id): those not listed were no longer submitted (or, for a revision, would collide with another figure). */
export interface ReviewDone {
  figureIds: number[];
  /** The figures whose pending revision was applied (approve) or returned. */
  revisedFigureIds: number[];
}

const ids = (list: number[]) => Prisma.sql`${[...new Set(list)]}::int[]`;

/**
 * The pending revision `v` as FigureDto.pendingRevision shows it (RevisionDto),
 * for the audit trail: a revision's history event shows the published figure
 * with the change proposed beside it.
 */
const REVISION_JSON = Prisma.sql`(SELECT jsonb_build_object(
    'status', v.status, 'indicator', vi.code, 'region', vr.pcode,
    'periodStart', to_char(v.period_start, 'YYYY-MM-DD'), 'periodEnd', to_char(v.period_end, 'YYYY-MM-DD'),
    'disaggregation', CASE WHEN v.disaggregation_key = '' THEN NULL
      ELSE jsonb_strip_nulls(jsonb_build_object('chPhase', v.ch_phase, 'chStatus', v.ch_status, 'sector', v.sector)) END,
    'value', v.value::float8, 'dataset', jsonb_build_object('code', vd.code, 'name', vd.name),
    'source', jsonb_build_object('organisation', vs.organisation, 'title', vs.title, 'url', vs.url, 'date', to_char(vs.published_on, 'YYYY-MM-DD')),
    'note', v.note, 'authorId', v.author_id, 'reviewComment', v.review_comment,
    'submittedAt', to_char(v.submitted_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'version', v.version)
  FROM indicators vi, regions vr, datasets vd, sources vs
  WHERE vi.id = v.indicator_id AND vr.id = v.region_id AND vd.id = v.dataset_id AND vs.id = v.source_id)`;

/**
 * Publishes what is still submitted among `items`: a figure becomes published
 * (reviewer and time recorded, a returned comment cleared, version + 1); a
 * revision's columns are written onto its figure and the revision is
 * deleted (the figure's version goes past both its own and the revision's:
 * writers edit the revision's version while it is pending, so a form still
 * open on it conflicts). One "figure.approve" audit event per figure, then the
 * derived funding of every funding input published is recomputed (derived
 * funding follows published inputs only).
 *
 * A revised figure's `updatedById` becomes the revision's author: "last
 * changed by" names who wrote the values (the /figures "changed by" filter,
 * the history), the reviewer is `reviewedById`. A revision whose key another
 * figure took meanwhile is left pending (not in the answer) rather than failing the batch.
 */
export async function publish(tx: Tx, items: ReviewSet, reviewerId: number): Promise<ReviewDone> {
  const groups = await fundingGroupsOf(tx, items);
  const figureIds = await decideFigures(tx, items.figureIds, reviewerId, "figure.approve", Prisma.sql`status = 'published', review_comment = NULL`);
  let revised: { id: string }[] = [];
  if (items.revisionIds.length) {
    await stage(tx, Prisma.sql`SELECT f.id AS figure_id, v.id AS revision_id, ${SNAPSHOT} || jsonb_build_object('pendingRevision', ${REVISION_JSON}) AS snap
      FROM figure_revisions v JOIN figures f ON f.id = v.figure_id ${SNAPSHOT_JOINS}
      WHERE v.id = ANY(${ids(items.revisionIds)}) AND v.status = 'submitted'
        AND NOT EXISTS (SELECT 1 FROM figures o WHERE o.id <> v.figure_id AND o.indicator_id = v.indicator_id AND o.region_id = v.region_id
          AND o.period_start = v.period_start AND o.period_end = v.period_end AND o.disaggregation_key = v.disaggregation_key AND o.dataset_id = v.dataset_id)`);
    revised = await tx.$queryRaw<{ id: string }[]>`WITH f AS (
        UPDATE figures f SET indicator_id = v.indicator_id, region_id = v.region_id, period_start = v.period_start, period_end = v.period_end,
          ch_phase = v.ch_phase, ch_status = v.ch_status, sector = v.sector, disaggregation_key = v.disaggregation_key,
          value = v.value, dataset_id = v.dataset_id, source_id = v.source_id, note = v.note, import_id = v.import_id,
          updated_by_id = v.author_id, status = 'published', reviewed_by_id = ${reviewerId}, reviewed_at = now(), review_comment = NULL,
          submitted_at = v.submitted_at, version = GREATEST(f.version, v.version) + 1, updated_at = now()
        FROM review_items b JOIN figure_revisions v ON v.id = b.revision_id WHERE f.id = b.figure_id
        RETURNING f.*),
      gone AS (DELETE FROM figure_revisions v USING review_items b WHERE v.id = b.revision_id)
      INSERT INTO audit_events (user_id, action, entity, entity_id, before, after)
      SELECT ${reviewerId}, 'figure.approve', 'figure', f.id::text, b.snap, ${SNAPSHOT}
      FROM f ${SNAPSHOT_JOINS} JOIN review_items b ON b.figure_id = f.id
      RETURNING entity_id AS id`;
  }
  for (const group of groups) await syncFundingGroup(tx, group, reviewerId);
  return { figureIds: figureIds.map((r) => Number(r.id)), revisedFigureIds: revised.map((r) => Number(r.id)) };
}

/**
 * Returns what is still submitted among `items` to its author with the
 * reviewer's comment: status "returned", reviewer and time recorded, version
 * + 1 (a form opened before sees the change). One "figure.return" audit event
 * per figure; a returned revision's event shows it as the figure's pending revision.
 */
export async function sendBack(tx: Tx, items: ReviewSet, reviewerId: number, comment: string): Promise<ReviewDone> {
  const figureIds = await decideFigures(tx, items.figureIds, reviewerId, "figure.return", Prisma.sql`status = 'returned', review_comment = ${comment}`);
  let revised: { id: string }[] = [];
  if (items.revisionIds.length) {
    await stage(tx, Prisma.sql`SELECT f.id AS figure_id, v.id AS revision_id, ${SNAPSHOT} || jsonb_build_object('pendingRevision', ${REVISION_JSON}) AS snap
      FROM figure_revisions v JOIN figures f ON f.id = v.figure_id ${SNAPSHOT_JOINS}
      WHERE v.id = ANY(${ids(items.revisionIds)}) AND v.status = 'submitted'`);
    revised = await tx.$queryRaw<{ id: string }[]>`WITH v AS (
        UPDATE figure_revisions v SET status = 'returned', review_comment = ${comment}, reviewed_by_id = ${reviewerId}, reviewed_at = now(),
          version = v.version + 1, updated_at = now()
        FROM review_items b WHERE v.id = b.revision_id AND v.status = 'submitted'
        RETURNING v.*)
      INSERT INTO audit_events (user_id, action, entity, entity_id, before, after)
      SELECT ${reviewerId}, 'figure.return', 'figure', f.id::text, b.snap, ${SNAPSHOT} || jsonb_build_object('pendingRevision', ${REVISION_JSON})
      FROM v JOIN figures f ON f.id = v.figure_id ${SNAPSHOT_JOINS} JOIN review_items b ON b.revision_id = v.id
      RETURNING entity_id AS id`;
  }
  return { figureIds: figureIds.map((r) => Number(r.id)), revisedFigureIds: revised.map((r) => Number(r.id)) };
}

/**
 * Moves the still-submitted figures among `figureIds` to the reviewer's
 * decision (`decision`: the status and comment columns), reviewer and time
 * recorded, version + 1, one audit event each. Answers their ids.
 */
async function decideFigures(tx: Tx, figureIds: number[], reviewerId: number, action: "figure.approve" | "figure.return", decision: Prisma.Sql): Promise<{ id: string }[]> {
  if (!figureIds.length) return [];
  await stage(tx, Prisma.sql`SELECT f.id AS figure_id, NULL::int AS revision_id, ${SNAPSHOT} AS snap FROM figures f ${SNAPSHOT_JOINS}
    WHERE f.id = ANY(${ids(figureIds)}) AND f.status = 'submitted'`);
  return tx.$queryRaw<{ id: string }[]>`WITH f AS (
      UPDATE figures f SET ${decision}, reviewed_by_id = ${reviewerId}, reviewed_at = now(), version = f.version + 1, updated_at = now()
      FROM review_items b WHERE f.id = b.figure_id AND f.status = 'submitted'
      RETURNING f.*)
    INSERT INTO audit_events (user_id, action, entity, entity_id, before, after)
    SELECT ${reviewerId}, ${action}, 'figure', f.id::text, b.snap, ${SNAPSHOT}
    FROM f ${SNAPSHOT_JOINS} JOIN review_items b ON b.figure_id = f.id
    RETURNING entity_id AS id`;
}

/**
 * Stages the items a step acts on (figure, revision, the figure's snapshot
 * before) in a temporary table, analysed: the planner then joins a batch of
 * 13,000 by hash. With CTEs instead it guessed a few rows and joined them row
 * by row: 62 s for 13,000 figures, 4.5 s staged (tests/integration/publication.test.ts).
 * Replaced by each step of the transaction.
 */
async function stage(tx: Tx, select: Prisma.Sql): Promise<void> {
  await tx.$executeRaw`DROP TABLE IF EXISTS review_items`;
  await tx.$executeRaw`CREATE TEMP TABLE review_items ON COMMIT DROP AS ${select}`;
  await tx.$executeRaw`ANALYZE review_items`;
}

/**
 * The funding groups (dataset, region, period, breakdown) a publication may
 * change: those of the submitted funding inputs, and for revisions both where
 * the figure is and where it goes. Few rows: funding is a small share of figures.
 */
async function fundingGroupsOf(tx: Tx, items: ReviewSet): Promise<FundingGroup[]> {
  if (!items.figureIds.length && !items.revisionIds.length) return [];
  const inputs = Prisma.sql`(SELECT id FROM indicators WHERE code IN (${FUNDING_REQUIRED}, ${FUNDING_FUNDED}))`;
  const rows = await tx.$queryRaw<{ datasetId: number; regionId: number; periodStart: Date; periodEnd: Date; disaggregationKey: string }[]>`
    SELECT DISTINCT dataset_id AS "datasetId", region_id AS "regionId", period_start AS "periodStart", period_end AS "periodEnd", disaggregation_key AS "disaggregationKey"
    FROM (
      SELECT f.dataset_id, f.region_id, f.period_start, f.period_end, f.disaggregation_key FROM figures f
        WHERE f.id = ANY(${ids(items.figureIds)}) AND f.status = 'submitted' AND f.indicator_id IN ${inputs}
      UNION ALL
      SELECT v.dataset_id, v.region_id, v.period_start, v.period_end, v.disaggregation_key FROM figure_revisions v
        WHERE v.id = ANY(${ids(items.revisionIds)}) AND v.status = 'submitted' AND v.indicator_id IN ${inputs}
      UNION ALL
      SELECT f.dataset_id, f.region_id, f.period_start, f.period_end, f.disaggregation_key FROM figure_revisions v JOIN figures f ON f.id = v.figure_id
        WHERE v.id = ANY(${ids(items.revisionIds)}) AND v.status = 'submitted' AND f.indicator_id IN ${inputs}
    ) g`;
  return rows;
}
