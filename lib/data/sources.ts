// The ids of sources (publications), created as needed: the one way every
// write path (a figure's save, an import, the seed) gets them. Inserted with
// ON CONFLICT DO NOTHING and then read, so that two writers citing the same
// new source at once both go on, where an upsert's insert fails on the
// unique key (and a figure's save took that for a duplicate figure).
import type { Prisma } from "../generated/prisma/client";

export interface SourceRow {
  /** A source is a publication of one dataset. */
  datasetId: number;
  organisation: string;
  title: string;
  url: string;
  publishedOn: Date;
}

const BATCH = 1_000;
const identity = (s: SourceRow) => JSON.stringify([s.datasetId, s.organisation, s.title, s.url, s.publishedOn.toISOString()]);

/** The id of each of `sources`, in their order. */
export async function sourceIds(client: Pick<Prisma.TransactionClient, "source">, sources: SourceRow[]): Promise<number[]> {
  const ids = new Map<string, number>();
  for (let i = 0; i < sources.length; i += BATCH) {
    const batch = sources.slice(i, i + BATCH);
    await client.source.createMany({ data: batch, skipDuplicates: true });
    for (const row of await client.source.findMany({ where: { OR: batch }, select: { id: true, datasetId: true, organisation: true, title: true, url: true, publishedOn: true } })) {
      ids.set(identity(row), row.id);
    }
  }
  return sources.map((s) => ids.get(identity(s)) as number);
}
