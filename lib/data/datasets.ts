// Datasets and each indicator's preferred order of them: the reads every
// dashboard needs (cached by dashboard version) and the admin's writes.
import { cache } from "react";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { toIsoDate } from "../domain/dates";
import { datasetCodeFor, freshnessOf, rankDatasets, referenceDate, slugOf, todayIso, type DatasetKindCode, type Freshness } from "../domain/datasets";
import type { Prisma } from "../generated/prisma/client";
import type { DatasetInput } from "../validation/dataset-input";
import { cachedRead } from "./cache";
import { coversDataset, type Scope } from "../auth/scope";
import { PUBLISHED_ONLY } from "../auth/visibility";
import { visibleFigures } from "./visibility-sql";

type Tx = Prisma.TransactionClient;

export interface DatasetInfo {
  id: number;
  code: string;
  name: string;
  publisher: string;
  url: string;
  licence: string;
  kind: DatasetKindCode;
  cadenceDays: number | null;
  /** Writes into it wait for a reviewer's approval (admins set it per dataset). */
  needsReview: boolean;
}

export interface DatasetCatalogue {
  byCode: Map<string, DatasetInfo>;
  byId: Map<number, DatasetInfo>;
  kinds: Map<string, DatasetKindCode>;
  /** Indicator code → dataset codes, most preferred first (the stored list only). */
  preferences: Map<string, string[]>;
}

async function readCatalogue(): Promise<DatasetCatalogue> {
  const [datasets, preferences] = await Promise.all([
    db().dataset.findMany({ orderBy: { code: "asc" } }),
    db().indicatorDataset.findMany({ orderBy: [{ indicatorId: "asc" }, { rank: "asc" }], include: { indicator: { select: { code: true } }, dataset: { select: { code: true } } } }),
  ]);
  const infos: DatasetInfo[] = datasets.map((d) => ({ id: d.id, code: d.code, name: d.name, publisher: d.publisher, url: d.url, licence: d.licence, kind: d.kind, cadenceDays: d.cadenceDays, needsReview: d.needsReview }));
  const prefs = new Map<string, string[]>();
  for (const p of preferences) prefs.set(p.indicator.code, [...(prefs.get(p.indicator.code) ?? []), p.dataset.code]);
  return {
    byCode: new Map(infos.map((d) => [d.code, d])),
    byId: new Map(infos.map((d) => [d.id, d])),
    kinds: new Map(infos.map((d) => [d.code, d.kind])),
    preferences: prefs,
  };
}

/** Every dataset and preference, read once per request and cached by dashboard version. */
export const datasetCatalogue = cache(() => cachedRead("datasets", readCatalogue, "structure"));

/** An indicator's datasets in preferred order: its stored list, then every other dataset. */
export async function preferenceOf(indicator: string): Promise<string[]> {
  const catalogue = await datasetCatalogue();
  return rankDatasets(catalogue.preferences.get(indicator) ?? [], [...catalogue.byCode.values()]).map((d) => d.code);
}

export interface DatasetSummary extends Omit<DatasetInfo, "id"> {
  latestReferenceDate: string | null;
  latestPublishedOn: string | null;
  freshness: Freshness;
  indicators: string[];
}

/**
 * Every dataset with what it holds and how fresh it is: the reference date of
 * its latest figure (its period end, never after its publication nor today)
 * and its latest publication.
 */
export async function listDatasets(today = todayIso()): Promise<DatasetSummary[]> {
  const catalogue = await datasetCatalogue();
  // Per source: its latest period end and its publication; the reference date
  // of each is then the one rule's (referenceDate), the dataset's the latest.
  // Published figures only: a draft does not make a dataset fresh.
  const bySource = await cachedRead("dataset-sources", () =>
    db().$queryRaw<{ dataset_id: number; latest_end: Date; published_on: Date; indicators: string[] }[]>`
      SELECT f.dataset_id, max(f.period_end) AS latest_end, s.published_on, array_agg(DISTINCT i.code) AS indicators
        FROM ${visibleFigures(PUBLISHED_ONLY, "f")} JOIN sources s ON s.id = f.source_id JOIN indicators i ON i.id = f.indicator_id
       GROUP BY f.dataset_id, s.id`,
  );
  const stats = new Map<number, { reference: string; published: string; indicators: Set<string> }>();
  for (const row of bySource) {
    const published = toIsoDate(row.published_on);
    const reference = referenceDate(toIsoDate(row.latest_end), published, today);
    const seen = stats.get(row.dataset_id);
    if (!seen) stats.set(row.dataset_id, { reference, published, indicators: new Set(row.indicators) });
    else {
      if (reference > seen.reference) seen.reference = reference;
      if (published > seen.published) seen.published = published;
      for (const code of row.indicators) seen.indicators.add(code);
    }
  }
  return [...catalogue.byCode.values()].map(({ id, ...d }) => {
    const s = stats.get(id);
    const latestReferenceDate = s?.reference ?? null;
    return {
      ...d,
      latestReferenceDate,
      latestPublishedOn: s?.published ?? null,
      freshness: freshnessOf(latestReferenceDate, d.cadenceDays, today),
      indicators: s ? [...s.indicators].sort() : [],
    };
  });
}

export class DatasetError extends Error {
  override name = "DatasetError";
  constructor(
    readonly kind: "code_taken" | "unknown_dataset" | "unknown_indicator" | "outside_scope",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Creates a dataset. A writer limited to datasets may not: a new dataset lies
 * outside any list of datasets (their scope names the ones they write for).
 */
export async function createDataset(input: DatasetInput, writer: { id: number; scope: Scope } | null): Promise<DatasetInfo> {
  const userId = writer?.id ?? null;
  if (writer && !coversDataset(writer.scope, input.code)) throw new DatasetError("outside_scope", `Your scope does not cover dataset ${input.code}`);
  try {
    const d = await db().$transaction(async (tx) => {
      const row = await tx.dataset.create({ data: { ...input, licence: input.licence ?? "" } });
      await tx.auditEvent.create({ data: { userId, action: "dataset.create", entity: "dataset", entityId: row.code, after: { ...input } } });
      return row;
    });
    return { id: d.id, code: d.code, name: d.name, publisher: d.publisher, url: d.url, licence: d.licence, kind: d.kind, cadenceDays: d.cadenceDays, needsReview: d.needsReview };
  } catch (error) {
    if (isUniqueViolation(error)) throw new DatasetError("code_taken", `A dataset with the code "${input.code}" exists`);
    throw error;
  }
}

/** Whether writes into the dataset wait for review (admins, datasets:prefer); audited with before and after. */
export async function setNeedsReview(code: string, needsReview: boolean, userId: number | null): Promise<void> {
  await db().$transaction(async (tx) => {
    const before = await tx.dataset.findUnique({ where: { code }, select: { needsReview: true } });
    if (!before) throw new DatasetError("unknown_dataset", `There is no dataset "${code}"`);
    if (before.needsReview === needsReview) return;
    await tx.dataset.update({ where: { code }, data: { needsReview } });
    await tx.auditEvent.create({ data: { userId, action: "dataset.set_review", entity: "dataset", entityId: code, before: { needsReview: before.needsReview }, after: { needsReview } } });
  });
}

/** Replaces an indicator's preferred order (admins). */
export async function setPreferences(indicator: string, codes: string[], userId: number): Promise<void> {
  await db().$transaction(async (tx) => {
    const ind = await tx.indicator.findUnique({ where: { code: indicator }, select: { id: true } });
    if (!ind) throw new DatasetError("unknown_indicator", `There is no indicator "${indicator}"`);
    const datasets = await tx.dataset.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
    const missing = codes.filter((c) => !datasets.some((d) => d.code === c));
    if (missing.length) throw new DatasetError("unknown_dataset", `Unknown dataset: ${missing.join(", ")}`);
    const before = await tx.indicatorDataset.findMany({ where: { indicatorId: ind.id }, orderBy: { rank: "asc" }, include: { dataset: { select: { code: true } } } });
    await tx.indicatorDataset.deleteMany({ where: { indicatorId: ind.id } });
    await tx.indicatorDataset.createMany({ data: codes.map((code, i) => ({ indicatorId: ind.id, datasetId: datasets.find((d) => d.code === code)!.id, rank: i + 1 })) });
    await tx.auditEvent.create({
      data: { userId, action: "dataset.preference", entity: "indicator", entityId: indicator, before: before.map((b) => b.dataset.code), after: codes },
    });
  });
}

/**
 * The dataset a write goes to: the code given; else the dataset of the
 * source's organisation (the one its sources are in, when they are all in
 * one; else the organisation's own dataset); else, with `create`, that own
 * dataset, new (a series with no cadence, as migration 20261202061237 made
 * for existing sources). Null when nothing says.
 */
export async function resolveDatasetId(tx: Tx, code: string | null | undefined, organisation: string | null | undefined, options: { create?: boolean } = {}): Promise<number | null> {
  if (code) {
    const d = await tx.dataset.findUnique({ where: { code }, select: { id: true } });
    if (!d) throw new DatasetError("unknown_dataset", `There is no dataset "${code}"`);
    return d.id;
  }
  const name = organisation?.trim();
  if (!name) return null;
  const found = await tx.source.groupBy({ by: ["datasetId"], where: { organisation: name } });
  if (found.length === 1) return found[0]!.datasetId;
  // Its sources are in several datasets, or none: the organisation's own.
  const own = await tx.dataset.findFirst({ where: { name, publisher: name, kind: "series" }, select: { id: true }, orderBy: { id: "asc" } });
  if (own) return own.id;
  if (!options.create) return null;
  // Inserted with ON CONFLICT DO NOTHING and then read (as sourceIds does): of
  // two writes creating the same organisation's dataset at once, the second
  // waits for the first and takes its row instead of failing on the unique
  // code (which a figure's save would read as a duplicate figure).
  for (;;) {
    const taken = new Set((await tx.dataset.findMany({ where: { code: { startsWith: slugOf(name) } }, select: { code: true } })).map((d) => d.code));
    const code = datasetCodeFor(name, taken);
    await tx.dataset.createMany({ data: [{ code, name, publisher: name, url: "", kind: "series", cadenceDays: null }], skipDuplicates: true });
    const row = await tx.dataset.findUniqueOrThrow({ where: { code }, select: { id: true, name: true } });
    // Another organisation took the code meanwhile: the next number.
    if (row.name === name) return row.id;
  }
}
