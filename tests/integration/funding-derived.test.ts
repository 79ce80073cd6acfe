// Unmet requirements and coverage follow "funding required" and "funding
// received" through every write path: the form's use case, the API (create,
// edit, delete, restore), an import and its rollback. After each step the
// overview's tiles (stored figures), the funding chart (recomputed), the API
// and a CSV export say the same numbers.
import { PUBLISHED_ONLY } from "../../lib/auth/visibility";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { figureHistory, getFigure, reconcileDerivedFunding, writeFigure } from "../../lib/data/figure-writes";
import { createFigureEndpoint, deleteFigureEndpoint, restoreFigureEndpoint, updateFigureEndpoint } from "../../lib/api/figure-writes-endpoint";
import { figuresEndpoint } from "../../lib/api/figures-endpoint";
import { exportFigures } from "../../lib/api/figure-exports";
import { runImport } from "../../lib/data/import-run";
import { rollbackImport } from "../../lib/data/imports";
import { fundingTiles } from "../../lib/data/tiles";
import { fundingByYear } from "../../lib/data/funding";
import type { FigureDto } from "../../lib/data/figures";

let analyst: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("funding");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  analyst = await createUser({ email: "analyst@test.org", role: "analyst", password: "a-long-enough-password" });
  admin = await createUser({ email: "admin@test.org", role: "admin", password: "a-long-enough-password" });
});

afterAll(async () => {
  await disconnectDb();
});

// A plan year after every seeded one, so the tiles describe it.
const YEAR = "2031";
const PERIOD = { region: "ML", periodStart: `${YEAR}-01-01`, periodEnd: `${YEAR}-12-31`, disaggregation: null };
const source = { organisation: "OCHA FTS", title: "Mali plan 2031", url: "https://fts.unocha.org/plans", date: `${YEAR}-06-30` };
// FTS's dataset: the one the funding tiles and charts draw.
const figure = (indicator: string, value: number) => ({ indicator, ...PERIOD, value, dataset: "ocha-fts", source, note: null });

type Numbers = { required: number | null; funded: number | null; unmet: number | null; coverage: number | null };

/** The four numbers as each reader sees them: they must all be `expected`. */
async function expectEveryReaderToSay(expected: Numbers): Promise<void> {
  const { year, tiles } = await fundingTiles(PUBLISHED_ONLY);
  expect(year).toBe(YEAR);
  const tile = (code: string) => tiles.find((t) => t.indicator === code)?.latest?.value ?? null;
  expect({ required: tile("funding_required"), funded: tile("funding_funded"), unmet: tile("funding_unmet"), coverage: tile("funding_coverage") }, "tiles").toEqual(expected);

  const chart = (await fundingByYear(PUBLISHED_ONLY, { from: `${YEAR}-01-01` })).rows.find((r) => r.label === YEAR);
  expect({ required: chart?.required ?? null, funded: chart?.funded ?? null, unmet: chart?.unmet ?? null, coverage: chart?.coverage ?? null }, "chart").toEqual(expected);

  const query = `indicator=funding_required,funding_funded,funding_unmet,funding_coverage&region=ML&from=${YEAR}-01-01&to=${YEAR}-12-31`;
  const api = await figuresEndpoint(PUBLISHED_ONLY, new URLSearchParams(`${query}&limit=100`));
  if (api.status !== 200) throw new Error(JSON.stringify(api.body));
  const national = api.body.data.filter((f) => !f.disaggregation);
  const fromApi = (code: string) => national.find((f) => f.indicator === code)?.value ?? null;
  expect({ required: fromApi("funding_required"), funded: fromApi("funding_funded"), unmet: fromApi("funding_unmet"), coverage: fromApi("funding_coverage") }, "API").toEqual(expected);

  const csv = await exportFigures("csv", new URLSearchParams(query), analyst);
  const rows = (parse(Buffer.from(await csv.arrayBuffer()), { bom: true, columns: true }) as Record<string, string>[]).filter((r) => !r.sector);
  const fromCsv = (code: string) => {
    const row = rows.find((r) => r.indicator === code);
    return row ? Number(row.value) : null;
  };
  expect({ required: fromCsv("funding_required"), funded: fromCsv("funding_funded"), unmet: fromCsv("funding_unmet"), coverage: fromCsv("funding_coverage") }, "CSV export").toEqual(expected);
}

function importFile(funded: number) {
  const csv = ["Country,Start,End,Funding", "#country+code,#date+start,#date+end,#value+funding+total+usd", `MLI,${YEAR}-01-01,${YEAR}-12-31,${funded}`].join("\n");
  return runImport({ data: new TextEncoder().encode(csv), fileName: "fts-update.csv", commit: true, source, dataset: "ocha-fts", writer: analyst });
}

const data = (r: { body?: unknown }) => (r.body as { data: FigureDto }).data;

describe("funding derivations through every write path", () => {
  let fundedId: number;

  it("API create: a requirement and its funding give unmet and coverage", async () => {
    expect((await createFigureEndpoint(figure("funding_required", 800_000_000), analyst)).status).toBe(201);
    const funded = await createFigureEndpoint(figure("funding_funded", 300_000_000), analyst);
    expect(funded.status).toBe(201);
    fundedId = data(funded).id;
    await expectEveryReaderToSay({ required: 800_000_000, funded: 300_000_000, unmet: 500_000_000, coverage: 37.5 });
  });

  it("the form's use case: editing funding received recomputes them in the same save", async () => {
    const current = (await getFigure(fundedId))!;
    // What saveFigure runs once the analyst confirmed a value far from the previous plan's.
    const outcome = await writeFigure({ op: "update", id: fundedId, version: current.version, values: figure("funding_funded", 320_000_000), outliers: "confirmed" }, analyst);
    expect(outcome).toMatchObject({ status: "saved", figure: { value: 320_000_000 } });
    await expectEveryReaderToSay({ required: 800_000_000, funded: 320_000_000, unmet: 480_000_000, coverage: 40 });
  });

  it("API PATCH of funding received", async () => {
    const current = (await getFigure(fundedId))!;
    expect((await updateFigureEndpoint(fundedId, { value: 350_000_123, version: current.version }, analyst)).status).toBe(200);
    await expectEveryReaderToSay({ required: 800_000_000, funded: 350_000_123, unmet: 449_999_877, coverage: 43.8 });
  });

  it("an import that brings only the funding, and its rollback", async () => {
    const report = await importFile(600_000_000);
    expect(report).toMatchObject({ status: "committed" });
    await expectEveryReaderToSay({ required: 800_000_000, funded: 600_000_000, unmet: 200_000_000, coverage: 75 });

    await rollbackImport((report as { importId: number }).importId, analyst.id);
    await expectEveryReaderToSay({ required: 800_000_000, funded: 350_000_123, unmet: 449_999_877, coverage: 43.8 });
  });

  it("API DELETE of the funding removes what derived from it; an admin's restore brings it back", async () => {
    expect((await deleteFigureEndpoint(fundedId, null, analyst)).status).toBe(204);
    await expectEveryReaderToSay({ required: 800_000_000, funded: null, unmet: null, coverage: null });

    const restored = await restoreFigureEndpoint(fundedId, admin);
    expect(restored.status).toBe(200);
    await expectEveryReaderToSay({ required: 800_000_000, funded: 350_000_123, unmet: 449_999_877, coverage: 43.8 });
  });

  it("records each recomputation in the derived figure's history", async () => {
    const api = await figuresEndpoint(PUBLISHED_ONLY, new URLSearchParams(`indicator=funding_unmet&region=ML&from=${YEAR}-01-01&to=${YEAR}-12-31`));
    const unmet = (api.body as { data: FigureDto[] }).data[0]!;
    const history = await figureHistory(unmet.id);
    expect(history.at(-1)).toMatchObject({ action: "figure.derive", before: null, after: { value: 449_999_877 }, user: { email: "admin@test.org" } });
  });

  it("refuses unmet and coverage written by hand, with a clear error, and changes nothing", async () => {
    const typed = await createFigureEndpoint(figure("funding_coverage", 99), analyst);
    expect(typed.status).toBe(400);
    expect((typed.body as { error: { fields: Record<string, string> } }).error.fields.indicator).toMatch(/recomputed from funding/);

    const api = await figuresEndpoint(PUBLISHED_ONLY, new URLSearchParams(`indicator=funding_unmet&region=ML&from=${YEAR}-01-01&to=${YEAR}-12-31`));
    const unmet = (api.body as { data: FigureDto[] }).data[0]!;
    const patched = await updateFigureEndpoint(unmet.id, { value: 1, version: unmet.version }, analyst);
    expect(patched.status).toBe(400);
    const deleted = await deleteFigureEndpoint(unmet.id, null, analyst);
    expect(deleted).toMatchObject({ status: 409, body: { error: { code: "derived_figure" } } });
    await expectEveryReaderToSay({ required: 800_000_000, funded: 350_000_123, unmet: 449_999_877, coverage: 43.8 });
  });

  it("stays in step when the requirement and the funding of one plan are edited at the same moment", async () => {
    const year = "2032";
    const at = (indicator: string, value: number) => ({ ...figure(indicator, value), periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
    const req = data(await createFigureEndpoint(at("funding_required", 1_000_000), analyst));
    const fund = data(await createFigureEndpoint(at("funding_funded", 400_000), analyst));
    const stored = async () => {
      const api = await figuresEndpoint(PUBLISHED_ONLY, new URLSearchParams(`indicator=funding_required,funding_funded,funding_unmet&region=ML&from=${year}-01-01&to=${year}-12-31`));
      return Object.fromEntries((api.body as { data: FigureDto[] }).data.map((f) => [f.indicator, f.value]));
    };
    for (let round = 1; round <= 15; round++) {
      const [r, f] = await Promise.all([
        updateFigureEndpoint(req.id, { value: 1_000_000 + round * 1_000, version: round }, analyst),
        // Another source: the two writes share no row but the derived ones.
        updateFigureEndpoint(fund.id, { value: 400_000 + round * 7_000, version: round, source: { ...source, title: "FTS daily update" } }, admin),
      ]);
      expect([r.status, f.status]).toEqual([200, 200]);
      const now = await stored();
      expect(now.funding_unmet, `round ${round}`).toBe(now.funding_required! - now.funding_funded!);
    }
  });
});

describe("a database written before every write kept them in step", () => {
  it("has its stale unmet and coverage recomputed at start, audited, and nothing else rewritten", async () => {
    const year = "2033";
    const at = (indicator: string, value: number) => ({ ...figure(indicator, value), periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
    data(await createFigureEndpoint(at("funding_required", 2_000_000), analyst));
    data(await createFigureEndpoint(at("funding_funded", 500_000), analyst));
    // As an edit of the funding through the form left them before: the amounts moved, unmet and coverage did not.
    await db().$executeRaw`UPDATE figures SET value = 900000 WHERE id = (SELECT f.id FROM figures f JOIN indicators i ON i.id = f.indicator_id WHERE i.code = 'funding_funded' AND f.period_start = ${new Date(`${year}-01-01`)})`;
    expect(await reconcileDerivedFunding()).toBe(1);
    const api = await figuresEndpoint(PUBLISHED_ONLY, new URLSearchParams(`indicator=funding_unmet,funding_coverage&region=ML&from=${year}-01-01&to=${year}-12-31`));
    const now = Object.fromEntries((api.body as { data: FigureDto[] }).data.map((f) => [f.indicator, f.value]));
    expect(now).toEqual({ funding_unmet: 1_100_000, funding_coverage: 45 });
    const unmet = (api.body as { data: FigureDto[] }).data.find((f) => f.indicator === "funding_unmet")!;
    expect((await figureHistory(unmet.id)).at(-1)).toMatchObject({ action: "figure.derive", before: { value: 1_500_000 }, after: { value: 1_100_000 } });
    expect(await reconcileDerivedFunding()).toBe(0);
  });
});
