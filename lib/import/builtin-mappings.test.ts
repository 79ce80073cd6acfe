import { describe, expect, it } from "vitest";
import { INDICATORS } from "../../prisma/seed-data/indicators";
import { readFileSync } from "node:fs";
import path from "node:path";
import { BUILTIN_MAPPINGS, CH_SOURCE, detectMapping } from "./builtin-mappings";
import { describeColumns } from "./hxl";
import { importMappingSchema } from "./mapping";

const columns = (...rows: string[][]) => describeColumns({ rows, lineNumbers: rows.map((_, i) => i + 1) }).columns;
const FTS = ["countryCode", "id", "name", "code", "typeId", "typeName", "startDate", "endDate", "year", "requirements", "funding", "percentFunded"];
const FTS_CLUSTER = ["countryCode", "id", "name", "code", "startDate", "endDate", "year", "clusterCode", "cluster", "requirements", "funding", "percentFunded"];
const HNO = ["Admin 1 PCode", "Admin 2 PCode", "Sector", "Gender", "Age Range", "Min Age", "Max Age", "Disabled", "Population Group", "Population", "In Need", "Targeted", "Affected", "Reached"];
const HNO_TAGS = ["#adm1+code", "#adm2+code", "#sector+code", "#gender+code", "#age+range", "#age+min", "#age+max", "#is_disabled", "#population_group+code", "#population", "#inneed", "#targeted", "#affected", "#reached"];

describe("built-in mappings", () => {
  it("recognise each publication by its header, case aside, the more specific first", () => {
    const id = (header: string[]) => BUILTIN_MAPPINGS.find((b) => b.detect(columns(header)))?.id;
    expect(id(FTS)).toBe("fts");
    expect(id(FTS_CLUSTER)).toBe("fts-cluster");
    expect(id(FTS.map((h) => h.toUpperCase()))).toBe("fts");
    expect(id(HNO)).toBe("hno");
    expect(id(["ISO3", "Name", "Year", "Conflict Stock Displacement", "Conflict Stock Displacement (Raw)"])).toBe("idmc");
    expect(id(["adm0_name", "adm1_pcod2", "chtype", "exercise_label", "exercise_year", "reference_label", "reference_year", "phase1", "phase2", "phase3", "phase4", "phase5", "phase35", "usethisperiod"])).toBe("cadre-harmonise");
    expect(id(["Snapshot Date", "Admin 1", "Admin 1 pcode", "Total No. of IDPs Ind."])).toBe("iom-dtm-baseline");
    expect(id(["Region", "IDPs"])).toBeUndefined();
  });

  it("are valid mappings, with plain comparisons only (no regular expression)", () => {
    for (const b of BUILTIN_MAPPINGS) {
      const m = b.mapping(columns(["Snapshot Date", "Admin 1 pcode", "Total No# of IDPs Ind#"]), { year: 2024 });
      expect(importMappingSchema.safeParse(m).success, b.id).toBe(true);
      expect(JSON.stringify(m), b.id).not.toContain('"matches"');
    }
  });
});

describe("detectMapping", () => {
  it("prefers HXL tags, then a built-in for a plain file, else asks the user", () => {
    expect(detectMapping(columns(["Snapshot Date", "Admin 1 pcode", "Total No# of IDPs Ind#"], ["#date", "#adm1+code", "#affected+idps+ind"]), INDICATORS)).toMatchObject({ name: "HXL tags" });
    expect(detectMapping(columns(["Snapshot Date", "Admin 1 pcode", "Total No# of IDPs Ind#"]), INDICATORS)).toMatchObject({ name: "IOM DTM Mali baseline assessment" });
    expect(detectMapping(columns(["Region", "IDPs"]), INDICATORS)).toEqual({ name: null, reason: expect.stringContaining("map its columns"), problem: { code: "no_mapping" } });
  });

  it("lets the HNO built-in override its own tags, and asks for the year it cannot read", () => {
    expect(detectMapping(columns(HNO, HNO_TAGS), INDICATORS)).toEqual({ name: null, reason: expect.stringContaining("give the year"), problem: { code: "needs_year" } });
    expect(detectMapping(columns(HNO, HNO_TAGS), INDICATORS, { year: 2024 })).toMatchObject({
      name: "OCHA HPC people in need (HNO data)",
      mapping: { period: { fixedStart: "2024-01-01", fixedEnd: "2024-12-31" }, region: { code: "Admin 1 PCode", fixed: "ML" } },
    });
    expect(detectMapping(columns(HNO, HNO_TAGS), INDICATORS, { year: 2024, level: 2 })).toMatchObject({ mapping: { region: { code: "Admin 2 PCode", level: 2 } } });
  });
});

describe("the Cadre Harmonisé's sources", () => {
  it("are the seed's, one per analysis cycle, so a re-import changes no figure's source", () => {
    const seed = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed-data/figures.json"), "utf8")) as { sources: Record<string, { organisation: string; title: string; url: string; date: string }> };
    const ch = Object.entries(seed.sources).filter(([key]) => /^ch_\d{4}_(03|11)$/.test(key));
    expect(ch.length).toBeGreaterThan(10);
    const fill = (spec: { template: string; words: { exercise_label: Record<string, string> } }, label: string, year: string) =>
      spec.template.replace("{exercise_year}", year).replace("{exercise_label}", spec.words.exercise_label[label]!);
    for (const [key, source] of ch) {
      const [, year, month] = key.split("_") as [string, string, string];
      const label = month === "03" ? "Jan-May" : "Sep-Dec";
      expect({ organisation: CH_SOURCE.organisation, url: CH_SOURCE.url, title: fill(CH_SOURCE.title, label, year), date: fill(CH_SOURCE.date, label, year) }, key).toEqual({
        organisation: source.organisation,
        url: source.url,
        title: source.title,
        date: source.date,
      });
    }
  });
});
