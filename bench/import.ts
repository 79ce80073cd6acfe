// Issue 4's import benchmark: 100,000 HXL rows through the whole import
// (parse, validate, match, commit with history) against PostgreSQL's COPY of
// the same rows into the same table, in the same run. Both are removed after.
import { chmod, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { runImport } from "../lib/data/import-run";
import { disconnectDb } from "../lib/db/client";

export interface ImportBench {
  rows: number;
  importSeconds: number;
  copySeconds: number;
}

const ROWS = 100_000;
const REGIONS = ["ML01", "ML02", "ML03", "ML04", "ML05", "ML06", "ML07", "ML08", "ML09", "ML10"];
const FIRST_DAY = Date.UTC(1980, 0, 1); // before the synthetic data: every row is a new figure

function rows(): { region: string; date: string; value: number }[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    region: REGIONS[i % REGIONS.length] as string,
    date: new Date(FIRST_DAY + Math.floor(i / REGIONS.length) * 86_400_000).toISOString().slice(0, 10),
    value: (i * 7919) % 250_000,
  }));
}

export async function benchImport(databaseUrl: string, log: (m: string) => void): Promise<ImportBench> {
  const data = rows();
  const csv = ["Region,Date,IDPs", "#adm1+code,#date,#affected+idps+ind", ...data.map((r) => `${r.region},${r.date},${r.value}`)].join("\n");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const cleanup = async () => {
    await client.query("DELETE FROM audit_events WHERE entity = 'figure' AND action = 'figure.import' AND (after->>'periodStart') < '2010-01-01'");
    await client.query("DELETE FROM figures WHERE period_start < '2010-01-01' AND period_start = period_end AND indicator_id = (SELECT id FROM indicators WHERE code = 'idps')");
    await client.query("DELETE FROM imports WHERE file_name = 'bench-import.csv'");
  };
  try {
    await cleanup();
    process.env.DATABASE_URL = databaseUrl;
    log(`import of ${ROWS.toLocaleString("en")} rows…`);
    const t0 = performance.now();
    const report = await runImport({ data: Buffer.from(csv), fileName: "bench-import.csv", commit: true, source: { organisation: "Situation Room benchmark", title: "Import benchmark (synthetic)", date: "2026-01-01" }, writer: null });
    const importSeconds = (performance.now() - t0) / 1000;
    if (report.status !== "committed" || report.counts.create !== ROWS) throw new Error(`bench import did not create ${ROWS} figures: ${JSON.stringify(report).slice(0, 300)}`);
    await cleanup();

    // COPY of the same rows, ids resolved, from a file the server reads.
    const ids = await client.query<{ pcode: string; id: number }>("SELECT pcode, id FROM regions");
    const regionId = new Map(ids.rows.map((r) => [r.pcode, r.id]));
    const indicator = (await client.query<{ id: number }>("SELECT id FROM indicators WHERE code = 'idps'")).rows[0]!.id;
    const { id: source, dataset_id: dataset } = (await client.query<{ id: number; dataset_id: number }>("SELECT id, dataset_id FROM sources WHERE title = 'Import benchmark (synthetic)'")).rows[0]!;
    const file = path.join(os.tmpdir(), `sr-bench-copy-${process.pid}.csv`);
    await writeFile(file, data.map((r) => `${indicator},${regionId.get(r.region)},${r.date},${r.date},"",${r.value},${source},${dataset},now`).join("\n"));
    await chmod(file, 0o644); // the embedded server runs as its own user
    log(`COPY of the same ${ROWS.toLocaleString("en")} rows…`);
    const t1 = performance.now();
    await client.query(`COPY figures (indicator_id, region_id, period_start, period_end, disaggregation_key, value, source_id, dataset_id, updated_at) FROM '${file}' WITH (FORMAT csv)`);
    const copySeconds = (performance.now() - t1) / 1000;
    await rm(file, { force: true });
    await cleanup();
    return { rows: ROWS, importSeconds, copySeconds };
  } finally {
    await client.end();
    await disconnectDb();
  }
}
