// The /figures list against real PostgreSQL: the filters the API shares
// (plus text search and "changed by"), keyset paging over every figure, the total.
import { PUBLISHED_ONLY } from "../../lib/auth/visibility";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { createFigureEndpoint, updateFigureEndpoint } from "../../lib/api/figure-writes-endpoint";
import { figuresEndpoint } from "../../lib/api/figures-endpoint";
import { figureListPage, figureChangers, type FigureListPage } from "../../lib/data/figures";
import { decodeFigureCursor } from "../../lib/domain/figure-cursor";
import type { FigureDto } from "../../lib/data/figures";

let analyst: SessionUser;
let admin: SessionUser;
const created: number[] = [];

const filters = (f: Partial<Parameters<typeof figureListPage>[1]> = {}) => ({ indicator: [], region: [], dataset: [], ...f });

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("figlist");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  analyst = await createUser({ email: "analyst@test.org", name: "Ana Lyst", role: "analyst", password: "a-long-enough-password" });
  admin = await createUser({ email: "admin@test.org", name: "Ad Min", role: "admin", password: "a-long-enough-password" });
  // A partner's dataset that publishes at once: this file tests the list, not review.
  await db().dataset.create({ data: { code: "protection-cluster-mali", name: "Protection Cluster Mali", publisher: "Protection Cluster Mali", url: "", kind: "series", needsReview: false } });
  const source = { organisation: "Protection Cluster Mali", title: "Rapport de monitoring, zone du Liptako", url: "https://example.org/liptako", date: "2031-02-01" };
  for (const [i, region] of ["ML05", "ML06", "ML07"].entries()) {
    const r = await createFigureEndpoint({ indicator: "idps", region, periodStart: `2031-01-${10 + i}`, periodEnd: `2031-01-${10 + i}`, disaggregation: null, value: 1000 + i, source, note: i === 1 ? "Comptage après l'attaque de Boni" : null }, analyst);
    created.push((r.body as { data: FigureDto }).data.id);
  }
  // The admin changes the last one: it is theirs now.
  await updateFigureEndpoint(created[2]!, { value: 1500, version: 1 }, admin);
});

afterAll(async () => {
  await disconnectDb();
});

/** Every page from the first, following `next`. */
async function allPages(f: ReturnType<typeof filters>, take: number): Promise<FigureListPage[]> {
  const pages = [await figureListPage(PUBLISHED_ONLY, f, { take })];
  while (pages.at(-1)!.next) pages.push(await figureListPage(PUBLISHED_ONLY, f, { take, after: decodeFigureCursor(pages.at(-1)!.next!) }));
  return pages;
}

describe("figures list", () => {
  it("pages over every figure matching a filter, newest change first, with no gap and no overlap; the total is their count", async () => {
    const f = filters({ indicator: ["idps"] });
    const pages = await allPages(f, 7);
    expect(pages.length).toBeGreaterThan(3);
    const ids = pages.flatMap((p) => p.data.map((r) => r.id));
    const expected = await db().figure.findMany({ where: { indicator: { code: "idps" } }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected.map((e) => e.id));
    for (const p of pages) expect(p.total).toBe(expected.length);
    expect(pages.every((p) => p.data.every((r) => r.indicator === "idps"))).toBe(true);
    // The seed writes many figures with one timestamp: paging must walk ties by id, not skip or repeat them.
    const tied = await db().figure.groupBy({ by: ["updatedAt"], where: { indicator: { code: "idps" } }, _count: true });
    expect(Math.max(...tied.map((t) => t._count))).toBeGreaterThan(7);
  });

  it("walks back with `before` to the same pages, and the first page has no previous", async () => {
    const f = filters({ dataset: ["iom-dtm-mali"] });
    const pages = await allPages(f, 9);
    expect(pages[0]!.previous).toBeNull();
    expect(pages.at(-1)!.next).toBeNull();
    for (let i = pages.length - 1; i > 0; i--) {
      const back = await figureListPage(PUBLISHED_ONLY, f, { take: 9, before: decodeFigureCursor(pages[i]!.previous!) });
      expect(back.data.map((r) => r.id)).toEqual(pages[i - 1]!.data.map((r) => r.id));
    }
  });

  it("searches indicator and region names (either language), source titles and notes, case-insensitively", async () => {
    const byNote = await figureListPage(PUBLISHED_ONLY, filters({ q: "BONI" }));
    expect(byNote.data.map((r) => r.id)).toEqual([created[1]]);
    expect(byNote.total).toBe(1);
    const byTitle = await figureListPage(PUBLISHED_ONLY, filters({ q: "liptako" }));
    expect(byTitle.data.map((r) => r.id).sort()).toEqual([...created].sort());
    const byRegion = await figureListPage(PUBLISHED_ONLY, filters({ q: "ménaka" }), { take: 1000 });
    const menaka = new Set((await db().region.findMany({ where: { OR: [{ nameEn: { contains: "Ménaka", mode: "insensitive" } }, { nameFr: { contains: "Ménaka", mode: "insensitive" } }] } })).map((r) => r.pcode));
    expect(menaka.has("ML10")).toBe(true);
    expect(byRegion.data.some((r) => r.region === "ML10")).toBe(true);
    // Each row names Ménaka somewhere: its region (ML10, the cercle ML0704…), its source's title or its note.
    expect(byRegion.data.filter((r) => !menaka.has(r.region) && !`${r.source.title} ${r.note}`.toLowerCase().includes("ménaka"))).toEqual([]);
    const byIndicatorFr = await figureListPage(PUBLISHED_ONLY, filters({ q: "déplacés internes" }), { take: 5 });
    expect(byIndicatorFr.total).toBe(await db().figure.count({ where: { indicator: { nameFr: { contains: "déplacés internes", mode: "insensitive" } } } }));
    expect(byIndicatorFr.total).toBeGreaterThan(0);
    const nothing = await figureListPage(PUBLISHED_ONLY, filters({ q: "zzz-no-such-text" }));
    expect(nothing).toEqual({ data: [], total: 0, next: null, previous: null });
  });

  it("filters by who changed the figure last, and offers only those people", async () => {
    const mine = await figureListPage(PUBLISHED_ONLY, filters({ changedBy: analyst.id }));
    expect(mine.data.map((r) => r.id)).toEqual([created[1], created[0]]);
    expect(mine.data.every((r) => r.changedBy === "Ana Lyst")).toBe(true);
    const theirs = await figureListPage(PUBLISHED_ONLY, filters({ changedBy: admin.id }));
    expect(theirs.data.map((r) => r.id)).toEqual([created[2]]);
    expect(await figureChangers(PUBLISHED_ONLY)).toEqual([
      { id: admin.id, name: "Ad Min" },
      { id: analyst.id, name: "Ana Lyst" },
    ]);
  });

  it("combines the filters the API has (dates, region) with the new ones, as GET /api/v1/figures does", async () => {
    const f = filters({ region: ["ML05", "ML06"], from: new Date("2031-01-01"), to: new Date("2031-12-31"), q: "liptako" });
    const page = await figureListPage(PUBLISHED_ONLY, f);
    expect(page.data.map((r) => r.id)).toEqual([created[1], created[0]]);
    const api = await figuresEndpoint(PUBLISHED_ONLY, new URLSearchParams("region=ML05,ML06&from=2031-01-01&to=2031-12-31&q=liptako"));
    expect(api.status).toBe(200);
    expect((api.body as { data: FigureDto[] }).data.map((r) => r.id).sort()).toEqual([created[0], created[1]].sort());
    const byUser = await figuresEndpoint(PUBLISHED_ONLY, new URLSearchParams(`changedBy=${admin.id}`));
    expect((byUser.body as { data: FigureDto[] }).data.map((r) => r.id)).toEqual([created[2]]);
  });

  it("the total follows a write at once (the count is cached only until the data changes)", async () => {
    const f = filters({ q: "liptako" });
    expect((await figureListPage(PUBLISHED_ONLY, f)).total).toBe(3);
    const source = { organisation: "Protection Cluster Mali", title: "Rapport de monitoring, zone du Liptako", url: "https://example.org/liptako", date: "2031-02-01" };
    const r = await createFigureEndpoint({ indicator: "idps", region: "ML08", periodStart: "2031-01-20", periodEnd: "2031-01-20", disaggregation: null, value: 700, source, note: null }, analyst);
    expect(r.status).toBe(201);
    const after = await figureListPage(PUBLISHED_ONLY, f);
    expect(after.total).toBe(4);
    expect(after.data[0]!.id).toBe((r.body as { data: FigureDto }).data.id);
  });
});
