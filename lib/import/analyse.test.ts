// The level a user chooses (regions or cercles) is honoured by every mapping:
// HXL tags, a built-in publication's, a mapping made in the form or saved.
import { describe, expect, it } from "vitest";
import { analyseFile } from "./analyse";
import { TEST_CATALOGUE } from "./test-catalogue";

const csv = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
const regionsOf = (r: Awaited<ReturnType<typeof analyseFile>>) => (r.ok ? r.candidates.map((c) => `${c.region}=${c.value}`).sort() : r.reason);

// Cercles named like their region (Kayes ML0103 in Kayes ML01, Mopti ML0506 in Mopti ML05), from prisma/seed-data/regions.json.
const CERCLES = csv(["Cercle,Date,Population", "Kayes,2024-06-30,100", "Mopti,2024-06-30,200", "Bafoulabe,2024-06-30,300"]);
const byName = { name: "custom mapping", mapping: { region: { name: "Cercle" }, period: { date: "Date" }, values: [{ column: "Population", indicator: "population" }] } };

describe("the level chosen (regions or cercles)", () => {
  it("a mapping made in the form matches cercle names as cercles when cercles are chosen, not as their regions", async () => {
    expect(regionsOf(await analyseFile(CERCLES, "c.csv", TEST_CATALOGUE, { mapping: byName, level: 2 }))).toEqual(["ML0101=300", "ML0103=100", "ML0506=200"]);
    // Regions chosen: a cercle's name that is no region's is an error for its row, not a silent match.
    const asRegions = await analyseFile(CERCLES, "c.csv", TEST_CATALOGUE, { mapping: byName, level: 1 });
    expect(asRegions.ok && asRegions.errors).toEqual([{ line: 4, column: "Cercle", reason: 'unknown region name "Bafoulabe"' }]);
  });

  it("cercle P-codes (ML0101…) are cercles; asked for regions they are refused by row, saying so", async () => {
    const file = csv(["P-code,Date,Population", "ML0101,2024-06-30,10", "ML0103,2024-06-30,20"]);
    const byCode = { name: "custom mapping", mapping: { ...byName.mapping, region: { code: "P-code" } } };
    expect(regionsOf(await analyseFile(file, "c.csv", TEST_CATALOGUE, { mapping: byCode, level: 2 }))).toEqual(["ML0101=10", "ML0103=20"]);
    const refused = await analyseFile(file, "c.csv", TEST_CATALOGUE, { mapping: byCode, level: 1 });
    expect(refused.ok && refused.errors[0]?.reason).toBe('"ML0101" is a cercle, not a region');
  });

  it("the IOM DTM built-in gives cercle figures (its Admin 2 columns) when cercles are chosen, region sums otherwise", async () => {
    const dtm = csv([
      "Snapshot Date,Admin 1,Admin 1 pcode,Admin 2,Admin 2 pcode,Admin 3,Total No# of IDPs Ind#",
      "2024-06-30,Kayes,MLI01,Bafoulabe,MLI0101,Commune A,5",
      "2024-06-30,Kayes,MLI01,Bafoulabe,MLI0101,Commune B,7",
      "2024-06-30,Kayes,MLI01,Kayes,MLI0103,Commune C,11",
    ]);
    expect(regionsOf(await analyseFile(dtm, "dtm.csv", TEST_CATALOGUE))).toEqual(["ML01=23"]);
    expect(regionsOf(await analyseFile(dtm, "dtm.csv", TEST_CATALOGUE, { level: 2 }))).toEqual(["ML0101=12", "ML0103=11"]);
  });

  it("a publication with national figures only refuses cercles with a reason the form shows at the level field", async () => {
    const fts = csv(["countryCode,id,name,code,typeId,typeName,startDate,endDate,year,requirements,funding,percentFunded", "MLI,1,Mali 2024,HMLI24,1,HRP,2024-01-01,2024-12-31,2024,700,300,42"]);
    expect(regionsOf(await analyseFile(fts, "fts.csv", TEST_CATALOGUE))).toContain("ML=700");
    expect(await analyseFile(fts, "fts.csv", TEST_CATALOGUE, { level: 2 })).toMatchObject({ ok: false, problem: { code: "no_cercles" }, reason: expect.stringContaining("no cercle figures") });
  });

  it("HXL tags: #adm2 columns when cercles are chosen", async () => {
    const file = csv(["#adm1+code,#adm2+code,#date,#population+total+ind", "ML01,ML0101,2024-06-30,10", "ML01,ML0103,2024-06-30,20"]);
    expect(regionsOf(await analyseFile(file, "h.csv", TEST_CATALOGUE, { level: 2 }))).toEqual(["ML0101=10", "ML0103=20"]);
    expect(regionsOf(await analyseFile(file, "h.csv", TEST_CATALOGUE))).toEqual(["ML01=30"]);
  });
});
