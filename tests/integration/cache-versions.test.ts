// Versions per indicator (migration 20261202170000, lib/data/cache.ts): a
// write to one indicator's figures leaves the cached reads of the others as
// they were, and what every page reads (a region's name) empties them all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { dataVersions } from "../../lib/data/cache";
import { preferenceOf } from "../../lib/data/datasets";
import { fundingTiles, headlineTile } from "../../lib/data/tiles";
import { PUBLISHED_ONLY } from "../../lib/auth/visibility";

const TODAY = "2030-01-01";

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("versions");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
});

afterAll(async () => {
  await disconnectDb();
});

/** A new published national figure of `indicator`, in its preferred dataset, from a source published on its date: the tile's latest. */
async function write(indicator: string, value: number, end: string) {
  const [i, ml, preferred] = await Promise.all([db().indicator.findUniqueOrThrow({ where: { code: indicator } }), db().region.findUniqueOrThrow({ where: { pcode: "ML" } }), preferenceOf(indicator)]);
  const dataset = await db().dataset.findUniqueOrThrow({ where: { code: preferred[0]! } });
  const source = await db().source.create({ data: { datasetId: dataset.id, organisation: "Test", title: `${indicator} ${end}`, url: "https://example.org", publishedOn: new Date(end) } });
  return db().figure.create({
    data: { indicatorId: i.id, regionId: ml.id, periodStart: new Date(end), periodEnd: new Date(end), value, sourceId: source.id, datasetId: dataset.id, status: "published" },
  });
}

describe("versions per indicator", () => {
  it("a statement moves the counters of the indicators it touched and the review queue's, not the structure", async () => {
    const before = await dataVersions();
    const figure = await write("idps", 1, "2029-06-30");
    const after = await dataVersions();
    expect(after.counters["i:idps"]).toBe((before.counters["i:idps"] ?? 0) + 1);
    expect(after.counters.review).toBe((before.counters.review ?? 0) + 1);
    expect(after.counters["i:funding_funded"]).toBe(before.counters["i:funding_funded"]);
    expect(after.structure).toBe(before.structure);
    expect(BigInt(after.version)).toBeGreaterThan(BigInt(before.version));
    // An update that moves a figure to another indicator moves both; a delete its own.
    const funding = await db().indicator.findUniqueOrThrow({ where: { code: "funding_funded" } });
    await db().figure.update({ where: { id: figure.id }, data: { indicatorId: funding.id } });
    const moved = await dataVersions();
    expect([moved.counters["i:idps"], moved.counters["i:funding_funded"]]).toEqual([after.counters["i:idps"]! + 1, (after.counters["i:funding_funded"] ?? 0) + 1]);
    await db().figure.delete({ where: { id: figure.id } });
    const deleted = await dataVersions();
    expect([deleted.counters["i:idps"], deleted.counters["i:funding_funded"]]).toEqual([moved.counters["i:idps"], moved.counters["i:funding_funded"]! + 1]);
    // A new source alone moves nothing a page reads; an edited one moves the structure.
    const source = await db().source.create({ data: { datasetId: (await db().dataset.findFirstOrThrow()).id, organisation: "o", title: "t", url: "https://example.org", publishedOn: new Date("2029-01-01") } });
    expect((await dataVersions()).structure).toBe(deleted.structure);
    await db().source.update({ where: { id: source.id }, data: { title: "t2" } });
    expect(BigInt((await dataVersions()).structure)).toBe(BigInt(deleted.structure) + 1n);
  });

  it("a write to funding leaves the displacement tile cached; a write to IDPs does not, nor a region renamed", async () => {
    const idps = await headlineTile(PUBLISHED_ONLY, "idps", "", TODAY);
    const funding = await fundingTiles(PUBLISHED_ONLY, TODAY);
    expect(await headlineTile(PUBLISHED_ONLY, "idps", "", TODAY)).toBe(idps); // cached: the same object

    await write("funding_funded", 123, "2029-12-31");
    expect(await headlineTile(PUBLISHED_ONLY, "idps", "", TODAY)).toBe(idps);
    expect(await fundingTiles(PUBLISHED_ONLY, TODAY)).not.toBe(funding);

    await write("idps", 424242, "2029-12-31");
    const fresh = await headlineTile(PUBLISHED_ONLY, "idps", "", TODAY);
    expect(fresh).not.toBe(idps);
    expect(fresh.latest?.value).toBe(424242);

    await db().region.update({ where: { pcode: "ML05" }, data: { nameEn: "Mopti " } });
    expect(await headlineTile(PUBLISHED_ONLY, "idps", "", TODAY)).not.toBe(fresh);
    await db().region.update({ where: { pcode: "ML05" }, data: { nameEn: "Mopti" } });
  });
});
