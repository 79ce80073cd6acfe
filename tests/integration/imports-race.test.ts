// The same file imported twice at once (two instances, or a double click):
// each import runs its own transaction on its own connection, as on two
// instances. One commits; the other waits for it and finds nothing left to
// change, instead of failing on a duplicate key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser, type SessionUser } from "../../lib/data/users";
import { importEndpoint, type ImportAnswer } from "../../lib/api/imports-endpoint";
import type { ImportReport } from "../../lib/data/import-run";

let writer: SessionUser;
const REGIONS = ["ML01", "ML02", "ML03", "ML04", "ML05", "ML06", "ML07", "ML08", "ML09", "ML10"];

/** An HXL file of 10 regions × 60 months, all new figures from a source of its own. */
function file(round: number): string {
  const lines = ["region,date,idps", "#adm1+code,#date,#affected+idps+ind"];
  for (let month = 0; month < 60; month++) {
    const date = new Date(Date.UTC(2040 + round * 5, month + 1, 0)).toISOString().slice(0, 10);
    for (const [i, region] of REGIONS.entries()) lines.push(`${region},${date},${1000 + month * 10 + i}`);
  }
  return lines.join("\n");
}

function upload(round: number, dryRun = false): FormData {
  const form = new FormData();
  form.set("file", new Blob([file(round)], { type: "text/csv" }), `race-${round}.csv`);
  form.set("sourceOrganisation", `Race ${round}`);
  form.set("sourceTitle", "Monthly displacement");
  form.set("sourceDate", "2039-12-31");
  if (dryRun) form.set("dryRun", "true");
  return form;
}

const report = (answer: ImportAnswer) => ("data" in answer.body ? answer.body.data : null) as Extract<ImportReport, { rows: number }> | null;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("importrace");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  writer = await createUser({ email: "racer@test.org", role: "analyst", password: "a-long-enough-password" });
});

afterAll(async () => {
  await disconnectDb();
});

describe("the same file imported twice at once", () => {
  it.each([0, 1, 2])("one commits (201), the other finds nothing to change (200 unchanged) (round %i)", async (round) => {
    const figuresBefore = await db().figure.count();
    const importsBefore = await db().import.count();
    const answers = await Promise.all([importEndpoint(upload(round), writer), importEndpoint(upload(round), writer)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    const statuses = answers.map((a) => report(a)?.status).sort();
    expect(statuses).toEqual(["committed", "unchanged"]);
    const unchanged = answers.map(report).find((r) => r?.status === "unchanged");
    expect(unchanged?.counts).toMatchObject({ create: 0, update: 0, unchanged: 600 });
    expect(await db().figure.count()).toBe(figuresBefore + 600);
    expect(await db().import.count()).toBe(importsBefore + 1);
    expect(await db().source.count({ where: { organisation: `Race ${round}` } })).toBe(1);
  });

  it("a preview while the same file commits does not fail either", async () => {
    const [preview, commit] = await Promise.all([importEndpoint(upload(3, true), writer), importEndpoint(upload(3), writer)]);
    expect(commit.status).toBe(201);
    expect(preview.status).toBe(200);
    expect(report(preview)?.status).toBe("preview");
    expect(await db().source.count({ where: { organisation: "Race 3" } })).toBe(1);
  });
});
