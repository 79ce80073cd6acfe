// What imports-real.test.ts (the published files) and
// imports-publications.test.ts (made-up files in their shapes) share: one
// way to import a file, to read back what was stored, and the planted-rows
// check on the DTM all-countries file.
import { PUBLISHED_ONLY } from "../../lib/auth/visibility";
import path from "node:path";
import { expect } from "vitest";
import { db } from "../../lib/db/client";
import { listFigures } from "../../lib/data/figures";
import { runImport, type ImportReport } from "../../lib/data/import-run";
import { parseFiguresQuery } from "../../lib/validation/figures-query";

const source = { organisation: "Test import", title: "Published file", url: "https://data.humdata.org/", date: "2024-06-01" };

/**
 * The test source's own dataset, published at once: these tests read back
 * what a file stores, not its review (import-review.test.ts does that). Left
 * to the import, it would be a new dataset, and new datasets need review.
 */
async function publishedTestDataset(): Promise<void> {
  await db().dataset.upsert({
    where: { code: "test-import" },
    create: { code: "test-import", name: source.organisation, publisher: source.organisation, url: "", kind: "series", needsReview: false },
    update: {},
  });
}

/** An import of `file` (read by `read`) with a test source, committed unless the options say otherwise. */
export function importerOf(read: (file: string) => Buffer | Promise<Buffer>) {
  return async (file: string, options: Partial<Parameters<typeof runImport>[0]> = {}): Promise<ImportReport> => {
    await publishedTestDataset();
    return runImport({ data: await read(file), fileName: path.basename(file), commit: true, source, writer: null, ...options });
  };
}

export async function figures(query: string) {
  const parsed = parseFiguresQuery(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(parsed.message);
  return (await listFigures(PUBLISHED_ONLY, parsed.value)).data;
}

export async function stored(query: string): Promise<number[]> {
  return (await figures(query)).map((f) => f.value);
}

/**
 * alldata2.csv (HXL tags as its only header) with a date column and two bad
 * Mali rows planted at its end: the import refuses it whole, naming exactly
 * those rows, and writes nothing. Returns the report's count of skipped rows.
 */
export async function refusesPlantedRows(alldata2: string): Promise<number> {
  const csv = alldata2.split("\n");
  const lines = [`${csv[0]!.trim()},#date`, ...csv.slice(1).filter((l) => l.trim()).map((l) => `${l.trim()},2020-06-30`)];
  lines.push("Mali,MLI,Atlantis,MLI99,10,20,2020-06-30");
  lines.push("Mali,MLI,Mopti,MLI05,10,-20,2020-06-30");
  const before = await db().figure.count();
  const report = await runImport({ data: Buffer.from(lines.join("\n")), fileName: "planted.csv", commit: true, source, writer: null });
  expect(report.status).toBe("invalid_rows");
  if (report.status === "invalid_file") throw new Error(report.reason);
  expect(report.errors).toEqual([
    { line: lines.length - 1, column: "#adm1+code", reason: 'unknown region P-code "MLI99"' },
    { line: lines.length, column: "#affected+idps+ind", reason: "-20 is negative" },
  ]);
  expect(await db().figure.count()).toBe(before);
  return report.counts.skipped;
}
