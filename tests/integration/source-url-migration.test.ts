// The migration that blanks source URLs other than http(s), which imports
// stored before the rule (javascript:, data:, vbscript:…): applied to a
// database holding such rows, as an existing deployment would be.
import { readdir, rm } from "node:fs/promises";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate, MIGRATIONS_DIR } from "../../lib/db/migrate";
import { loadSeededFixture, migrationsUpTo } from "./seeded-fixture";

const MIGRATION = "20261202040000_source_urls_http_only";
let dir: string | undefined;

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe(`migration ${MIGRATION}`, () => {
  it("blanks every source URL that is not http(s), merges the sources that become identical, and keeps every figure", async () => {
    expect(await readdir(MIGRATIONS_DIR)).toContain(MIGRATION);
    // The migrations before it, as a deployment had them, with the demo data.
    dir = await migrationsUpTo({ before: MIGRATION });
    const url = await createTestDatabase("source_urls");
    await migrate(url, dir);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // The demo data as it was then (its URLs were already http(s)).
      await loadSeededFixture(client);
      const source = async (title: string, link: string) =>
        Number((await client.query(`INSERT INTO sources (organisation, title, url, published_on) VALUES ('Org', $1, $2, '2024-01-31') RETURNING id`, [title, link])).rows[0].id);
      const s = {
        good: await source("Good", "https://example.org/report"),
        script: await source("Script", "javascript:alert(1)"),
        // One title three times: no URL, data: and vbscript: (one source once blanked: the one without a URL).
        blank: await source("Same", ""),
        data: await source("Same", "data:text/html,<script>alert(1)</script>"),
        vb: await source("Same", "VBScript:msgbox(1)"),
        // Another twice, neither without a URL: they become the lower id.
        twice1: await source("Twice", "//evil.example/x"),
        twice2: await source("Twice", " javascript:x"),
      };
      const figure = async (day: number, sourceId: number) =>
        Number(
          (
            await client.query(
              `INSERT INTO figures (indicator_id, region_id, period_start, period_end, value, source_id)
               SELECT i.id, r.id, $1::date, $1::date, 1, $2 FROM indicators i, regions r WHERE i.code = 'idps' AND r.pcode = 'ML05' RETURNING id`,
              [`2040-01-${String(day).padStart(2, "0")}`, sourceId],
            )
          ).rows[0].id,
        );
      const f = Object.fromEntries(await Promise.all(Object.entries(s).map(async ([k, id], i) => [k, await figure(i + 1, id)] as const)));
      const figures = Number((await client.query(`SELECT count(*) FROM figures`)).rows[0].count);

      expect((await migrate(url))[0]).toBe(MIGRATION);

      const rows = (await client.query(`SELECT id, title, url FROM sources WHERE organisation = 'Org' ORDER BY id`)).rows;
      expect(rows).toEqual([
        { id: s.good, title: "Good", url: "https://example.org/report" },
        { id: s.script, title: "Script", url: "" },
        { id: s.blank, title: "Same", url: "" },
        { id: s.twice1, title: "Twice", url: "" },
      ]);
      const sourceOf = async (id: number) => Number((await client.query(`SELECT source_id FROM figures WHERE id = $1`, [id])).rows[0].source_id);
      expect(await Promise.all(Object.values(f).map(sourceOf))).toEqual([s.good, s.script, s.blank, s.blank, s.blank, s.twice1, s.twice1]);
      expect(Number((await client.query(`SELECT count(*) FROM figures`)).rows[0].count)).toBe(figures);
      // The demo data's URLs are all http(s): untouched.
      expect(Number((await client.query(`SELECT count(*) FROM sources WHERE url <> '' AND url !~ '^https?://'`)).rows[0].count)).toBe(0);
    } finally {
      await client.end();
    }
  });
});
