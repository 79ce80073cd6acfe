// Migrations from empty, the seed, and GET /api/v1/figures' filters and errors
// against a real PostgreSQL database.
import { PUBLISHED_ONLY } from "../../lib/auth/visibility";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { figuresEndpoint, type FiguresPage } from "../../lib/api/figures-endpoint";
import { INDICATORS } from "../../prisma/seed-data/indicators";
import { listDatasets } from "../../lib/data/datasets";

let firstSeed: Awaited<ReturnType<typeof seed>>;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("seed");
  await migrate(process.env.DATABASE_URL);
  firstSeed = await seed({ demoUsers: true });
});

afterAll(async () => {
  await disconnectDb();
});

async function figures(query: string): Promise<FiguresPage> {
  const res = await figuresEndpoint(PUBLISHED_ONLY, new URLSearchParams(query));
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body;
}

describe("seed", () => {
  it("loads Mali, its regions with OCHA P-codes, and cercles under them", async () => {
    const regions = await db().region.findMany({ include: { parent: true } });
    const byCode = new Map(regions.map((r) => [r.pcode, r]));
    expect(byCode.get("ML")).toMatchObject({ level: 0, nameEn: "Mali" });
    for (const [pcode, name] of [["ML01", "Kayes"], ["ML05", "Mopti"], ["ML09", "Bamako"], ["ML10", "Ménaka"]] as const) {
      expect(byCode.get(pcode)?.level, pcode).toBe(1);
      expect(byCode.get(pcode)?.nameFr, pcode).toBe(name);
      expect(byCode.get(pcode)?.parent?.pcode).toBe("ML");
    }
    const cercles = regions.filter((r) => r.level === 2);
    expect(cercles.length).toBeGreaterThanOrEqual(45);
    for (const c of cercles) expect(c.pcode.startsWith(c.parent?.pcode ?? "none"), c.pcode).toBe(true);
  });

  it("loads the indicator catalogue", async () => {
    const codes = (await db().indicator.findMany()).map((i) => i.code).sort();
    expect(codes).toEqual(INDICATORS.map((i) => i.code).sort());
  });

  it("loads several hundred figures, every one with a complete source", async () => {
    expect(firstSeed.figuresCreated).toBeGreaterThanOrEqual(500);
    const incomplete = await db().source.count({ where: { OR: [{ organisation: "" }, { title: "" }, { url: "" }] } });
    expect(incomplete).toBe(0);
    const sources = await db().source.findMany();
    for (const s of sources) expect(s.url, s.title).toMatch(/^https?:\/\//);
    expect(await db().figure.count()).toBe(firstSeed.figuresCreated);
  });

  it("carries the published figures of the source documents", async () => {
    const national = await figures("indicator=idps&region=ML&from=2021-01-01&to=2021-12-31");
    expect(national.data.map((f) => f.value)).toContain(372000);
    const pin = await figures("indicator=people_in_need&region=ML&from=2021-01-01&to=2021-12-31");
    expect(pin.data.map((f) => f.value)).toContain(5900000);
  });

  it("is idempotent and never overwrites an edited figure", async () => {
    const figure = await db().figure.findFirstOrThrow({ where: { region: { pcode: "ML05" }, indicator: { code: "idps" } } });
    await db().figure.update({ where: { id: figure.id }, data: { value: "1", version: { increment: 1 } } });
    const again = await seed({ demoUsers: true });
    expect(again).toMatchObject({ figuresCreated: 0, users: 0 });
    expect((await db().figure.findUniqueOrThrow({ where: { id: figure.id } })).value.toString()).toBe("1");
    await db().figure.update({ where: { id: figure.id }, data: { value: figure.value } });
  });

  it("creates the demo accounts, one per role and a partner scoped to Mopti", async () => {
    const users = await db().user.findMany({ orderBy: { email: "asc" } });
    expect(users.map((u) => [u.email, u.role, u.scopeRegions, u.scopeDatasets, u.readScoped])).toEqual([
      ["admin@example.org", "admin", [], [], false],
      ["analyst@example.org", "analyst", [], [], false],
      ["mopti@example.org", "analyst", ["ML05"], [], false],
      ["reviewer@example.org", "reviewer", [], [], false],
      ["viewer@example.org", "viewer", [], [], false],
    ]);
    expect(users.every((u) => u.passwordHash.startsWith("$argon2id$"))).toBe(true);
  });
});

describe("GET /api/v1/datasets", () => {
  it("gives each dataset its latest reference date (never after its publication), latest publication, freshness and indicators", async () => {
    const datasets = new Map((await listDatasets("2026-12-02")).map((d) => [d.code, d]));
    expect(Object.keys(datasets.get("iom-dtm-mali")!).sort()).toEqual(
      ["cadenceDays", "code", "freshness", "indicators", "kind", "latestPublishedOn", "latestReferenceDate", "licence", "name", "needsReview", "publisher", "url"],
    );
    expect(datasets.get("iom-dtm-mali")).toMatchObject({ needsReview: false, kind: "series", cadenceDays: 90, latestReferenceDate: "2021-09-30", freshness: "stale", indicators: ["idp_households", "idps", "returnees"] });
    // The 2026 plan year ends on 31 Dec 2026, but FTS published it on 18 Apr 2026.
    expect(datasets.get("ocha-fts")).toMatchObject({ latestReferenceDate: "2026-04-18", latestPublishedOn: "2026-04-18", freshness: "stale" });
    expect(datasets.get("idmc-gidd")).toMatchObject({ latestReferenceDate: "2024-12-31", freshness: "overdue" });
    expect(datasets.get("tnh-2022")).toMatchObject({ kind: "report", cadenceDays: null, freshness: "none" });
    // Against a day soon after its round, DTM is fresh.
    expect((await listDatasets("2021-10-15")).find((d) => d.code === "iom-dtm-mali")?.freshness).toBe("fresh");
  });
});

describe("GET /api/v1/figures", () => {
  it("filters by indicator and region and returns the documented shape", async () => {
    const page = await figures("indicator=idps&region=ML05");
    expect(page.data.length).toBeGreaterThan(3);
    for (const f of page.data) {
      expect(f).toMatchObject({ indicator: "idps", region: "ML05", unit: "people" });
      expect(Object.keys(f).sort()).toEqual(["dataset", "disaggregation", "id", "importId", "indicator", "note", "pendingRevision", "periodEnd", "periodStart", "region", "reviewComment", "source", "status", "unit", "updatedAt", "value", "version"]);
      expect(f.dataset).toEqual({ code: "iom-dtm-mali", name: "IOM DTM Mali — Baseline Assessment" });
      expect(f.periodStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof f.value).toBe("number");
      expect(Object.keys(f.source).sort()).toEqual(["date", "organisation", "title", "url"]);
    }
    expect(page.data.find((f) => f.periodStart === "2021-09-30")?.value).toBe(159027);
  });

  it("holds one figure per dataset for one slot, and filters by dataset", async () => {
    const slot = await figures("indicator=idps&region=ML&from=2018-12-31&to=2018-12-31");
    expect(slot.data.filter((f) => f.periodStart === "2018-12-31").map((f) => [f.dataset.code, f.value]).sort()).toEqual([
      ["idmc-gidd", 120_298],
      ["iom-dtm-mali", 120_298],
    ]);
    const dtm = await figures("indicator=idps&region=ML&dataset=iom-dtm-mali");
    expect(dtm.data.length).toBeGreaterThan(5);
    expect(new Set(dtm.data.map((f) => f.dataset.code))).toEqual(new Set(["iom-dtm-mali"]));
    expect(dtm.meta.filters.dataset).toEqual(["iom-dtm-mali"]);
    const both = await figures("indicator=idps&region=ML&dataset=idmc-gidd,tnh-2022");
    expect(new Set(both.data.map((f) => f.dataset.code))).toEqual(new Set(["idmc-gidd", "tnh-2022"]));
    expect(await figuresEndpoint(PUBLISHED_ONLY, new URLSearchParams("dataset=no-such-dataset"))).toMatchObject({ status: 400, body: { error: { parameter: "dataset" } } });
  });

  it("stores the seed's reported zeros as figures, and Ménaka's round-64 returnees", async () => {
    const r64 = await figures("indicator=idps,returnees&region=ML10&from=2020-04-30&to=2020-04-30&dataset=iom-dtm-mali");
    expect(r64.data.map((f) => [f.indicator, f.value]).sort()).toEqual([
      ["idps", 0],
      ["returnees", 15_993],
    ]);
    const zeros = await figures("indicator=returnees&dataset=iom-dtm-mali&limit=50000");
    expect(zeros.data.filter((f) => f.value === 0).length).toBeGreaterThanOrEqual(30);
    // Regions add up to the national total of the round again.
    const round = await figures("indicator=returnees&from=2020-04-30&to=2020-04-30&dataset=iom-dtm-mali");
    const national = round.data.find((f) => f.region === "ML")!.value;
    const regions = round.data.filter((f) => /^ML\d{2}$/.test(f.region)).reduce((sum, f) => sum + f.value, 0);
    expect(regions).toBe(national);
  });

  it("repeats indicator and region parameters", async () => {
    const page = await figures("indicator=idps&indicator=returnees&region=ML05&region=ML07");
    expect(new Set(page.data.map((f) => f.indicator))).toEqual(new Set(["idps", "returnees"]));
    expect(new Set(page.data.map((f) => f.region))).toEqual(new Set(["ML05", "ML07"]));
  });

  it("matches figures whose period overlaps the range", async () => {
    // The CH projection for Jun-Aug 2023 overlaps 2023-07-15..2023-07-15.
    const page = await figures("indicator=ch_phase3plus&region=ML05&from=2023-07-15&to=2023-07-15");
    expect(page.data.length).toBeGreaterThan(0);
    for (const f of page.data) {
      expect(f.periodStart <= "2023-07-15" && f.periodEnd >= "2023-07-15").toBe(true);
    }
    const projected = page.data.find((f) => f.disaggregation?.chStatus === "projected");
    expect(Math.round(projected?.value ?? 0)).toBe(436514);
  });

  it("pages through large results", async () => {
    const all = await figures("indicator=ch_population_by_phase");
    const first = await figures("indicator=ch_population_by_phase&limit=10");
    expect(first.data).toEqual(all.data.slice(0, 10));
    expect(first.meta).toMatchObject({ total: all.meta.total, count: 10, nextOffset: 10 });
    const second = await figures("indicator=ch_population_by_phase&limit=10&offset=10");
    expect(second.data).toEqual(all.data.slice(10, 20));
  });

  it.each([
    ["from=2021-02-30", "from"],
    ["to=yesterday", "to"],
    ["from=2022-01-01&to=2021-01-01", "to"],
    ["indicator=IDPS;DROP TABLE figures", "indicator"],
    ["indicator=does_not_exist", "indicator"],
    ["region=ML99", "region"],
    ["region=Mopti", "region"],
    ["limit=0", "limit"],
    ["limit=abc", "limit"],
    ["colour=red", "colour"],
    ["from=2021-01-01&from=2022-01-01", "from"],
  ])("answers 400 naming the parameter for %s", async (query, parameter) => {
    const res = await figuresEndpoint(PUBLISHED_ONLY, new URLSearchParams(query));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "invalid_parameter", parameter } });
  });
});
