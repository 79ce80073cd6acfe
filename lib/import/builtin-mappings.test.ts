import { describe, expect, it } from "vitest";
import { INDICATORS } from "../../prisma/seed-data/indicators";
import { BUILTIN_MAPPINGS, detectMapping } from "./builtin-mappings";
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
    expect(id(["adm0_name", "adm1_pcod2", "chtype", "reference_label", "reference_year", "phase1", "phase2", "phase3", "phase4", "phase5", "phase35", "usethisperiod"])).toBe("cadre-harmonise");
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
    expect(detectMapping(columns(["Region", "IDPs"]), INDICATORS)).toEqual({ name: null, reason: expect.stringContaining("map its columns") });
  });

  it("lets the HNO built-in override its own tags, and asks for the year it cannot read", () => {
    expect(detectMapping(columns(HNO, HNO_TAGS), INDICATORS)).toEqual({ name: null, reason: expect.stringContaining("give the year") });
    expect(detectMapping(columns(HNO, HNO_TAGS), INDICATORS, { year: 2024 })).toMatchObject({
      name: "OCHA HPC people in need (HNO data)",
      mapping: { period: { fixedStart: "2024-01-01", fixedEnd: "2024-12-31" }, region: { code: "Admin 1 PCode", fixed: "ML" } },
    });
    expect(detectMapping(columns(HNO, HNO_TAGS), INDICATORS, { year: 2024, level: 2 })).toMatchObject({ mapping: { region: { code: "Admin 2 PCode", level: 2 } } });
  });
});
