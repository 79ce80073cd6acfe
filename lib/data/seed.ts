// Reference and demo data: Mali's regions and cercles, the indicator
// catalogue, and a dataset of real published figures, each with its source
// (prisma/seed-data/*, built by scripts/build-seed-data.ts). Idempotent, also
// when two run at once: a second run adds what is missing and never
// overwrites an analyst's edit. Two seeds at once are serialised by the
// migration lock (`seedDatabase`, `prepareDatabase`): the second then finds
// the data there. Unlocked, their upserts can deadlock each other under load.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "../db/client";
import { applyMigrations, withMigrationLock } from "../db/migrate";
import { parseIsoDate } from "../domain/dates";
import { disaggregationKey, type Disaggregation } from "../domain/disaggregation";
import { DATASET_PREFERENCES, DATASETS } from "../../prisma/seed-data/datasets";
import { EVENTS } from "../../prisma/seed-data/events";
import { INDICATORS } from "../../prisma/seed-data/indicators";
import type { Role } from "../auth/permissions";
import { recordAudit } from "./audit";
import { reconcileDerivedFunding } from "./figure-writes";
import { sourceIds } from "./sources";
import { createUser, UserError } from "./users";

const SEED_DIR = path.resolve(import.meta.dirname, "../../prisma/seed-data");

interface RegionSeed {
  pcode: string;
  level: number;
  nameEn: string;
  nameFr: string;
  parent: string | null;
  validFrom?: string;
  validTo?: string;
}

interface SourceSeed {
  /** A code of prisma/seed-data/datasets.ts. */
  dataset: string;
  organisation: string;
  title: string;
  url: string;
  date: string;
}

interface FigureSeed {
  indicator: string;
  region: string;
  start: string;
  end: string;
  value: string;
  source: string;
  disaggregation: Disaggregation | null;
  note: string | null;
}

export const DEMO_USERS: { email: string; role: Role; password: string; name: string; scope?: { regions: string[]; datasets: string[]; readScoped: boolean } }[] = [
  { email: "admin@example.org", role: "admin", password: "sr-demo-admin-pass", name: "Demo Admin" },
  { email: "reviewer@example.org", role: "reviewer", password: "sr-demo-reviewer-pass", name: "Demo Reviewer" },
  { email: "analyst@example.org", role: "analyst", password: "sr-demo-analyst-pass", name: "Demo Analyst" },
  { email: "viewer@example.org", role: "viewer", password: "sr-demo-viewer-pass", name: "Demo Viewer" },
  // A partner who writes for Mopti (and its cercles) only, and reads everything.
  { email: "mopti@example.org", role: "analyst", password: "sr-demo-mopti-pass", name: "Demo Mopti partner", scope: { regions: ["ML05"], datasets: [], readScoped: false } },
];

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(SEED_DIR, file), "utf8")) as T;
}

function date(text: string | undefined): Date | null {
  if (!text) return null;
  const d = parseIsoDate(text);
  if (!d) throw new Error(`seed: "${text}" is not a YYYY-MM-DD date`);
  return d;
}

export interface SeedReport {
  regions: number;
  indicators: number;
  datasets: number;
  sources: number;
  figuresCreated: number;
  eventsCreated: number;
  users: number;
}

export async function seed(options: { demoUsers: boolean }): Promise<SeedReport> {
  const regions = await readJson<RegionSeed[]>("regions.json");
  const { sources, figures } = await readJson<{ sources: Record<string, SourceSeed>; figures: FigureSeed[] }>("figures.json");
  const client = db();

  // Parents come first (regions.json is ordered by level).
  const regionIds = new Map<string, number>();
  for (const r of [...regions].sort((a, b) => a.level - b.level)) {
    const data = {
      level: r.level,
      nameEn: r.nameEn,
      nameFr: r.nameFr,
      parentId: r.parent ? (regionIds.get(r.parent) ?? null) : null,
      validFrom: date(r.validFrom),
      validTo: date(r.validTo),
    };
    const row = await client.region.upsert({ where: { pcode: r.pcode }, create: { pcode: r.pcode, ...data }, update: data });
    regionIds.set(r.pcode, row.id);
  }

  const indicatorIds = new Map<string, number>();
  for (const [sortOrder, indicator] of INDICATORS.entries()) {
    const data = { ...indicator, sortOrder };
    const row = await client.indicator.upsert({ where: { code: indicator.code }, create: data, update: data });
    indicatorIds.set(indicator.code, row.id);
  }

  // Datasets and preferences are created, never overwritten: an admin may have changed them.
  await client.dataset.createMany({ data: DATASETS.map((d) => ({ ...d })), skipDuplicates: true });
  const datasetIds = new Map((await client.dataset.findMany({ select: { id: true, code: true } })).map((d) => [d.code, d.id]));
  const preferred = new Set((await client.indicatorDataset.findMany({ select: { indicatorId: true }, distinct: ["indicatorId"] })).map((p) => p.indicatorId));
  await client.indicatorDataset.createMany({
    data: Object.entries(DATASET_PREFERENCES)
      .filter(([code]) => indicatorIds.has(code) && !preferred.has(indicatorIds.get(code) as number))
      .flatMap(([code, datasets]) => datasets.map((d, i) => ({ indicatorId: indicatorIds.get(code) as number, datasetId: datasetIdOf(d), rank: i + 1 }))),
    skipDuplicates: true,
  });
  function datasetIdOf(code: string): number {
    const id = datasetIds.get(code);
    if (id === undefined) throw new Error(`seed: unknown dataset "${code}"`);
    return id;
  }

  const sourceRows = Object.values(sources).map((s) => ({ datasetId: datasetIdOf(s.dataset), organisation: s.organisation, title: s.title, url: s.url, publishedOn: date(s.date) as Date }));
  const ids = await sourceIds(client, sourceRows);
  const sourceIdOf = new Map(Object.keys(sources).map((key, i) => [key, { id: ids[i], datasetId: sourceRows[i]!.datasetId }]));

  const rows = figures.map((f, i) => {
    const indicatorId = indicatorIds.get(f.indicator);
    const regionId = regionIds.get(f.region);
    const sourceId = sourceIdOf.get(f.source);
    if (!indicatorId || !regionId || !sourceId) {
      throw new Error(`seed: figure ${i} refers to an unknown indicator, region or source (${f.indicator}, ${f.region}, ${f.source})`);
    }
    return {
      indicatorId,
      regionId,
      sourceId: sourceId.id as number,
      datasetId: sourceId.datasetId,
      periodStart: date(f.start) as Date,
      periodEnd: date(f.end) as Date,
      chPhase: f.disaggregation?.chPhase ?? null,
      chStatus: f.disaggregation?.chStatus ?? null,
      sector: f.disaggregation?.sector ?? null,
      disaggregationKey: disaggregationKey(f.disaggregation),
      value: f.value,
      note: f.note,
    };
  });
  const created = await client.figure.createMany({ data: rows, skipDuplicates: true });

  // Events are keyed by (title, startDate): created when missing, never overwritten (an analyst may have edited one).
  const events = await client.event.createMany({
    data: EVENTS.map((e) => {
      const regionId = e.region === null ? null : regionIds.get(e.region);
      if (regionId === undefined) throw new Error(`seed: event "${e.title}" refers to an unknown region ${e.region}`);
      return { title: e.title, titleFr: e.titleFr, startDate: date(e.startDate) as Date, endDate: date(e.endDate ?? undefined), regionId, sourceUrl: e.sourceUrl, note: e.note };
    }),
    skipDuplicates: true,
  });

  let users = 0;
  if (options.demoUsers) {
    for (const u of DEMO_USERS) {
      if (await client.user.findUnique({ where: { email: u.email } })) continue;
      try {
        await createUser(u);
        users++;
      } catch (error) {
        // Another seed created it meanwhile (createUser says so for a race on the unique key too).
        if (!(error instanceof UserError && error.kind === "email_taken")) throw error;
      }
    }
  }
  return { regions: regions.length, indicators: INDICATORS.length, datasets: DATASETS.length, sources: sourceIdOf.size, figuresCreated: created.count, eventsCreated: events.count, users };
}

/** The operator's `seed` command: `seed` under the migration lock, so that it waits for a starting instance's seed or migrations. */
export async function seedDatabase(databaseUrl: string, options: { demoUsers: boolean }): Promise<SeedReport> {
  return withMigrationLock(databaseUrl, () => seed(options));
}

export async function isEmpty(): Promise<boolean> {
  return (await db().region.count()) === 0;
}

/**
 * Once per database (its audit event is the record): unmet requirements and
 * coverage left stale by funding edits made before every write kept them in
 * step are recomputed. Returns the groups rewritten (0 when already done).
 */
async function reconcileFundingOnce(): Promise<number> {
  const action = "maintenance.reconcile_funding";
  if (await db().auditEvent.findFirst({ where: { action }, select: { id: true } })) return 0;
  const groups = await reconcileDerivedFunding();
  await recordAudit({ userId: null, action, entity: "figures", after: { groups } });
  return groups;
}

/**
 * What `npm start` does to a database before serving it: pending migrations,
 * the demo data if it is empty, then the once-per-database upkeep. All of it
 * under the migration lock, so that of two instances starting at once on an
 * empty database one seeds it and the other, once the lock is its, finds it seeded.
 */
export async function prepareDatabase(databaseUrl: string, options: { demoUsers: boolean }): Promise<{ applied: string[]; seeded: SeedReport | null; fundingGroupsRewritten: number }> {
  return withMigrationLock(databaseUrl, async (client) => {
    const applied = await applyMigrations(client);
    const seeded = (await isEmpty()) ? await seed(options) : null;
    const fundingGroupsRewritten = await reconcileFundingOnce();
    return { applied, seeded, fundingGroupsRewritten };
  });
}
