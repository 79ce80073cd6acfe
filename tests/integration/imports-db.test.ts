// The database half of imports: preview = commit's plan, all or nothing,
// idempotent, history per figure, and rollback as a whole.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { commitImport, previewImport, rollbackImport, type ImportMeta, type PlannedFigure } from "../../lib/data/imports";
import { figureHistory, writeFigure, getFigure } from "../../lib/data/figure-writes";
import { runImport } from "../../lib/data/import-run";
import { deleteImportMapping, listImportMappings } from "../../lib/data/import-mappings";

let userId: number;
let importer: SessionUser;
const source = { organisation: "Test Org", title: "Test bulletin", url: "", date: "2032-01-15" };
const meta = (): ImportMeta => ({ fileName: "test.csv", fileSha256: "abc", mappingName: "test", userId });

function planned(region: string, value: string, changes: Partial<PlannedFigure> = {}): PlannedFigure {
  return { lines: [2], indicator: "idps", region, periodStart: "2032-01-01", periodEnd: "2032-01-01", disaggregation: null, value, dataset: "iom-dtm-mali", source, note: null, ...changes };
}

const figureCount = () => db().figure.count();

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("imports");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  importer = await createUser({ email: "importer@test.org", role: "analyst", password: "a-long-enough-password" });
  userId = importer.id;
});

afterAll(async () => {
  await disconnectDb();
});

describe("imports (database)", () => {
  it("previews without writing, then commits exactly the preview", async () => {
    const before = await figureCount();
    const figures = [planned("ML04", "100"), planned("ML05", "200.5"), planned("ML06", "0")];
    const preview = await previewImport(figures);
    expect(preview.counts).toEqual({ create: 3, update: 0, unchanged: 0 });
    expect(preview.importId).toBeNull();
    expect(await figureCount()).toBe(before);
    expect(await db().source.count({ where: { organisation: "Test Org" } })).toBe(0);

    const committed = await commitImport(figures, meta());
    expect(committed.counts).toEqual(preview.counts);
    expect(committed.importId).toEqual(expect.any(Number));
    expect(await figureCount()).toBe(before + 3);
    const zero = await db().figure.findFirstOrThrow({ where: { importId: committed.importId, region: { pcode: "ML06" } } });
    expect(zero.value.toString()).toBe("0"); // a reported 0 is a figure
  });

  it("changes nothing when the same rows come again", async () => {
    const before = await db().auditEvent.count();
    const again = await commitImport([planned("ML04", "100"), planned("ML05", "200.5"), planned("ML06", "0")], meta());
    expect(again).toMatchObject({ counts: { create: 0, update: 0, unchanged: 3 }, importId: null });
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("updates changed values (old → new in the preview and the history)", async () => {
    const figures = [planned("ML04", "150"), planned("ML05", "200.5"), planned("ML07", "70")];
    const preview = await previewImport(figures);
    expect(preview.counts).toEqual({ create: 1, update: 1, unchanged: 1 });
    expect(preview.changes.find((c) => c.action === "update")).toMatchObject({ region: "ML04", value: 150, old: { value: 100 } });
    const committed = await commitImport(figures, meta());
    const ml04 = await db().figure.findFirstOrThrow({ where: { indicator: { code: "idps" }, region: { pcode: "ML04" }, periodStart: new Date("2032-01-01") } });
    expect(ml04).toMatchObject({ version: 2, importId: committed.importId });
    const history = await figureHistory(ml04.id);
    expect(history.map((h) => [h.action, h.before?.value ?? null, h.after?.value])).toEqual([
      ["figure.import", null, 100],
      ["figure.import", 100, 150],
    ]);
    expect(history[1]?.after).toMatchObject({ region: "ML04", periodStart: "2032-01-01", source: { organisation: "Test Org" }, importId: committed.importId });
    // The snapshot built in SQL is the figure exactly as the API shows it (plus the source id rollback needs).
    expect(history[1]?.after).toEqual({ ...(await getFigure(ml04.id)), sourceId: ml04.sourceId });
    const created = await db().figure.findFirstOrThrow({ where: { importId: committed.importId, region: { pcode: "ML07" } } });
    expect((await figureHistory(created.id))[0]?.after).toEqual({ ...(await getFigure(created.id)), sourceId: created.sourceId });
  });

  it("is all or nothing: a row the database refuses leaves nothing behind", async () => {
    const before = await figureCount();
    const imports = await db().import.count();
    // 10^17 overflows DECIMAL(20,4): the statement fails after other rows were staged.
    await expect(commitImport([planned("ML08", "5"), planned("ML09", "100000000000000000")], meta())).rejects.toThrow();
    expect(await figureCount()).toBe(before);
    expect(await db().import.count()).toBe(imports);
  });

  it("rolls an import back as a whole, and refuses when a figure was edited since", async () => {
    const first = await commitImport([planned("ML01", "10", { periodStart: "2032-02-01", periodEnd: "2032-02-01" })], meta());
    const second = await commitImport(
      [planned("ML01", "11", { periodStart: "2032-02-01", periodEnd: "2032-02-01" }), planned("ML02", "20", { periodStart: "2032-02-01", periodEnd: "2032-02-01" })],
      meta(),
    );
    expect(second.counts).toEqual({ create: 1, update: 1, unchanged: 0 });
    expect(await rollbackImport(second.importId as number, userId)).toEqual({ deleted: 1, reverted: 1 });
    const ml01 = await db().figure.findFirstOrThrow({ where: { region: { pcode: "ML01" }, periodStart: new Date("2032-02-01") } });
    expect(ml01).toMatchObject({ importId: first.importId });
    expect(ml01.value.toString()).toBe("10");
    expect(await db().figure.count({ where: { region: { pcode: "ML02" }, periodStart: new Date("2032-02-01") } })).toBe(0);
    await expect(rollbackImport(second.importId as number, userId)).rejects.toThrow(/already rolled back/);

    const dto = await getFigure(ml01.id);
    expect(await writeFigure({ op: "update", id: ml01.id, version: dto!.version, values: { ...dto!, note: "checked by hand" }, outliers: "confirmed" }, importer)).toMatchObject({ status: "saved" });
    await expect(rollbackImport(first.importId as number, userId)).rejects.toThrow(new RegExp(`changed since import ${first.importId} \\(${ml01.id}\\)`));
    expect((await getFigure(ml01.id))?.value).toBe(10);
  });

  it("saves a column mapping, reads the next file laid out the same way with it, and forgets it when deleted", async () => {
    const file = (rows: string[]) => new TextEncoder().encode(["Zone,Jour,Déplacés", ...rows].join("\n"));
    const options = { fileName: "partner.csv", commit: false, source: { organisation: "Partner NGO" }, writer: importer };
    const mapping = { name: "columns", mapping: { region: { name: "Zone" }, period: { date: "Jour" }, values: [{ column: "Déplacés", indicator: "idps" }] } };

    const unmapped = await runImport({ ...options, data: file(["Mopti,2033-01-31,120"]) });
    expect(unmapped).toMatchObject({ status: "invalid_file", columns: [{ header: "Zone" }, { header: "Jour" }, { header: "Déplacés" }] });

    const saved = await runImport({ ...options, data: file(["Mopti,2033-01-31,120"]), mapping, saveMappingAs: "  Partner NGO monthly  " });
    expect(saved).toMatchObject({ status: "preview", savedMapping: "Partner NGO monthly", counts: { create: 1 } });
    const [record] = await listImportMappings();
    expect(record).toMatchObject({ name: "Partner NGO monthly", signature: "zone|jour|déplacés", user: "importer" });
    expect(await db().auditEvent.count({ where: { action: "import_mapping.save", entityId: String(record!.id) } })).toBe(1);

    // The next month's file: no mapping sent, the saved one is used.
    const next = await runImport({ ...options, data: file(["Gao,2033-02-28,75", "Ménaka,2033-02-28,30"]), commit: true });
    expect(next).toMatchObject({ status: "committed", mappingName: "Partner NGO monthly", counts: { create: 2, invalid: 0 } });
    expect(await runImport({ ...options, data: file(["Gao,2033-02-28,75"]), savedMapping: "Partner NGO monthly" })).toMatchObject({ status: "preview", counts: { unchanged: 1 } });
    expect(await runImport({ ...options, data: file(["Gao,2033-02-28,75"]), savedMapping: "nope" })).toEqual({
      status: "invalid_file",
      fileName: "partner.csv",
      reason: 'there is no saved mapping named "nope"',
    });

    await deleteImportMapping(record!.id, userId);
    expect(await runImport({ ...options, data: file(["Gao,2033-02-28,75"]) })).toMatchObject({ status: "invalid_file" });
    await expect(deleteImportMapping(record!.id, userId)).rejects.toThrow(/no saved mapping/);
  });
});
