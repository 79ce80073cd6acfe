// Migration 20261202061237_datasets on a copy of the seeded database of an
// existing deployment (plus sources analysts entered): every source gets its
// dataset, every figure its source's, and nothing is lost or changed.
import { rm } from "node:fs/promises";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "../../lib/db/migrate";
import { createTestDatabase } from "./test-database";
import { FIXTURE_MIGRATION, loadSeededFixture, migrationsUpTo } from "./seeded-fixture";

const MIGRATION = "20261202061237_datasets";
let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe(`migration ${MIGRATION}`, () => {
  it("gives every source and figure its dataset, keeps every figure as it was, and lets a second dataset fill the same slot", async () => {
    dir = await migrationsUpTo({ last: FIXTURE_MIGRATION });
    const url = await createTestDatabase("datasets_migration");
    await migrate(url, dir);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const counts = await loadSeededFixture(client);
      expect(counts.figures).toBeGreaterThan(2_000);
      // Sources analysts entered: two organisations that share no dataset, and one whose name slugs like a code.
      const source = async (organisation: string, title: string) =>
        Number((await client.query(`INSERT INTO sources (organisation, title, url, published_on) VALUES ($1, $2, '', '2025-05-01') RETURNING id`, [organisation, title])).rows[0].id);
      const partner = await source("Partner NGO — Mopti office", "Field count");
      const again = await source("Partner NGO — Mopti office", "Second count");
      const clash = await source("Crs 2021", "A namesake");
      await client.query(
        `INSERT INTO figures (indicator_id, region_id, period_start, period_end, value, source_id)
         SELECT i.id, r.id, '2025-04-30', '2025-04-30', 1234, $1 FROM indicators i, regions r WHERE i.code = 'idps' AND r.pcode = 'ML05'`,
        [partner],
      );
      const snapshot = `SELECT id, indicator_id, region_id, period_start, period_end, disaggregation_key, value::text, source_id, note, version, updated_at FROM figures ORDER BY id`;
      const before = (await client.query(snapshot)).rows;

      expect(await migrate(url)).toContain(MIGRATION);

      expect((await client.query(snapshot)).rows).toEqual(before);
      expect(Number((await client.query(`SELECT count(*) FROM sources WHERE dataset_id IS NULL`)).rows[0].count)).toBe(0);
      expect(Number((await client.query(`SELECT count(*) FROM figures f JOIN sources s ON s.id = f.source_id WHERE f.dataset_id <> s.dataset_id`)).rows[0].count)).toBe(0);

      const datasetOf = async (where: string, params: unknown[] = []) =>
        (await client.query(`SELECT DISTINCT d.code FROM figures f JOIN datasets d ON d.id = f.dataset_id JOIN indicators i ON i.id = f.indicator_id JOIN regions r ON r.id = f.region_id WHERE ${where} ORDER BY 1`, params)).rows.map((r) => r.code);
      // The stitched national IDP line comes apart into its publishers.
      expect(await datasetOf(`i.code = 'idps' AND r.pcode = 'ML' AND f.period_end = '2021-09-30'`)).toEqual(["iom-dtm-mali"]);
      expect(await datasetOf(`i.code = 'idps' AND r.pcode = 'ML' AND f.period_end = '2020-12-31'`)).toEqual(["idmc-gidd"]);
      expect(await datasetOf(`i.code = 'idps' AND r.pcode = 'ML' AND f.period_end = '2021-06-30'`)).toEqual(["crs-2021"]);
      expect(await datasetOf(`i.code = 'idps' AND r.pcode = 'ML' AND f.period_end = '2022-03-31'`)).toEqual(["tnh-2022"]);
      expect(await datasetOf(`i.code = 'ch_phase3plus'`)).toEqual(["cadre-harmonise", "tnh-2022"]);
      expect(await datasetOf(`i.code LIKE 'funding_%'`)).toEqual(["ocha-fts"]);
      expect(await datasetOf(`i.code = 'people_in_need'`)).toEqual(["crs-2021", "ocha-hno"]);
      expect(await datasetOf(`i.code = 'population'`)).toEqual(["cod-ps-mali"]);
      expect(await datasetOf(`i.code = 'ied_incidents'`)).toEqual(["un-s-2021-520"]);

      // An organisation without a known dataset gets one of its own, shared by its sources; a slug that is taken is numbered.
      const own = (await client.query(`SELECT s.id, d.code, d.name, d.kind, d.cadence_days FROM sources s JOIN datasets d ON d.id = s.dataset_id WHERE s.id = ANY($1) ORDER BY s.id`, [[partner, again, clash]])).rows;
      expect(own).toEqual([
        { id: partner, code: "partner-ngo-mopti-office", name: "Partner NGO — Mopti office", kind: "series", cadence_days: null },
        { id: again, code: "partner-ngo-mopti-office", name: "Partner NGO — Mopti office", kind: "series", cadence_days: null },
        { id: clash, code: "crs-2021-1", name: "Crs 2021", kind: "series", cadence_days: null },
      ]);

      // Default preferences: IDPs prefer DTM, then IDMC, then the reports.
      const prefs = (await client.query(`SELECT d.code FROM indicator_datasets p JOIN datasets d ON d.id = p.dataset_id JOIN indicators i ON i.id = p.indicator_id WHERE i.code = 'idps' ORDER BY p.rank`)).rows.map((r) => r.code);
      expect(prefs.slice(0, 2)).toEqual(["iom-dtm-mali", "idmc-gidd"]);

      // One slot, two datasets: IDMC's own figure for the day of DTM round 72 now fits beside it.
      const idmcSource = (await client.query(`INSERT INTO sources (dataset_id, organisation, title, url, published_on) SELECT id, 'IDMC', 'GIDD', '', '2022-05-19' FROM datasets WHERE code = 'idmc-gidd' RETURNING id, dataset_id`)).rows[0];
      await client.query(
        `INSERT INTO figures (indicator_id, region_id, period_start, period_end, value, source_id, dataset_id)
         SELECT i.id, r.id, '2021-09-30', '2021-09-30', 400000, $1, $2 FROM indicators i, regions r WHERE i.code = 'idps' AND r.pcode = 'ML'`,
        [idmcSource.id, idmcSource.dataset_id],
      );
      expect((await client.query(`SELECT d.code, f.value::int AS value FROM figures f JOIN datasets d ON d.id = f.dataset_id JOIN indicators i ON i.id = f.indicator_id JOIN regions r ON r.id = f.region_id WHERE i.code = 'idps' AND r.pcode = 'ML' AND f.period_end = '2021-09-30' ORDER BY 1`)).rows).toEqual([
        { code: "idmc-gidd", value: 400_000 },
        { code: "iom-dtm-mali", value: 401_736 },
      ]);
    } finally {
      await client.end();
    }
  });
});
