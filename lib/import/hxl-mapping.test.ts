import { describe, expect, it } from "vitest";
import { INDICATORS } from "../../prisma/seed-data/indicators";
import { describeColumns } from "./hxl";
import { mappingFromHxl, rolesFromHxl } from "./hxl-mapping";

const columns = (...tags: string[]) => describeColumns({ rows: [tags], lineNumbers: [1] }).columns;
const auto = (tags: string[], options = {}) => mappingFromHxl(columns(...tags), INDICATORS, options);

describe("mappingFromHxl", () => {
  it("matches indicator tags ignoring +ind and +num and attribute order; lists the columns it does not use", () => {
    const r = auto(["#adm1+code", "#date+occurred", "#affected+idps", "#affected+hh+idps", "#inneed", "#affected+returnees+hh", "#adm1+name+origin", "#value+funding+usd+required"]);
    expect(r).toMatchObject({ name: "HXL tags", ignored: ["#affected+hh+returnees", "#adm1+name+origin"] });
    if (r.name === null) return;
    expect(r.mapping.values).toEqual([
      { column: "#affected+idps", indicator: "idps" },
      { column: "#affected+hh+idps", indicator: "idp_households" },
      { column: "#inneed", indicator: "people_in_need" },
      { column: "#value+funding+required+usd", indicator: "funding_required" },
    ]);
    expect(r.mapping.region).toEqual({ code: "#adm1+code", level: 1 });
    expect(r.mapping.period).toEqual({ date: "#date+occurred" });
    expect(r.mapping.derive).toEqual([]); // funded is missing: nothing to derive
  });

  it("reads CH phases and statuses from the tags, or the status from a #status column", () => {
    const r = auto(["#adm2+code", "#date+start", "#date+end", "#affected+food+ch+p1+num+projected", "#affected+food+ipc+p3plus+projected", "#affected+food+ch+p3+pct+projected"]);
    if (r.name === null) throw new Error(r.reason);
    expect(r.mapping.values).toEqual([
      { column: "#affected+ch+food+num+p1+projected", indicator: "ch_population_by_phase", chPhase: 1, chStatus: "projected" },
      { column: "#affected+food+ipc+p3plus+projected", indicator: "ch_phase3plus", chStatus: "projected" },
    ]);
    expect(r.mapping.region).toEqual({ code: "#adm2+code", level: 2 });
    expect(r.mapping.period).toEqual({ start: "#date+start", end: "#date+end" });
    expect(auto(["#adm1+code", "#date", "#affected+food+ch+p2", "#meta+status"])).toMatchObject({ mapping: { status: { column: "#meta+status" } } });
    expect(auto(["#adm1+code", "#date", "#affected+food+ch+p2"])).toMatchObject({ name: null, reason: expect.stringContaining("+projected") });
  });

  it("keeps Mali's rows of a multi-country file, and takes the whole country when there is no area column", () => {
    const r = auto(["#country+code", "#date+year", "#value+funding+required+usd", "#value+funding+total+usd", "#sector+cluster", "#meta+source", "#meta+comment"]);
    if (r.name === null) throw new Error(r.reason);
    expect(r.mapping).toMatchObject({
      region: { fixed: "ML" },
      period: { year: "#date+year" },
      filters: [{ anyOf: [{ column: "#country+code", equals: "MLI" }, { column: "#country+code", equals: "ML" }], reason: "other country" }],
      sector: { column: "#sector+cluster" },
      source: { column: "#meta+source" },
      note: { column: "#meta+comment" },
      derive: ["funding"],
    });
    expect(r.ignored).toEqual([]);
  });

  it("takes cercles when asked, names as well as codes, and a given year when the file has no date", () => {
    const tags = ["#adm1+code", "#adm2+name", "#adm2+code", "#inneed"];
    expect(auto(tags, { level: 2, year: 2018 })).toMatchObject({ mapping: { region: { code: "#adm2+code", name: "#adm2+name", level: 2 }, period: { fixedStart: "2018-01-01", fixedEnd: "2018-12-31" } } });
  });

  it("says what is missing", () => {
    expect(auto(["#adm1+code", "#date", "#population+f"])).toMatchObject({ name: null, reason: expect.stringContaining("no column has the HXL tag of a known indicator") });
    expect(auto(["#date", "#inneed"])).toMatchObject({ name: null, reason: expect.stringContaining("no region column") });
    expect(auto(["#adm1+code", "#inneed"])).toMatchObject({ name: null, reason: expect.stringContaining("no date column") });
    expect(auto(["#adm1+code", "#date", "#inneed"], { level: 2 })).toMatchObject({ name: null, reason: expect.stringContaining("#adm2+code") });
  });

  it("names each problem with a code the form places at the field that fixes it, and the tags it did not know", () => {
    expect(auto(["#adm1+code", "#date", "#population+f", "#affected+idp"])).toMatchObject({ name: null, problem: { code: "no_indicator_tag", tags: ["#population+f", "#affected+idp"] } });
    expect(auto(["#date", "#inneed"])).toMatchObject({ name: null, problem: { code: "no_region_tag" } });
    expect(auto(["#adm1+code", "#inneed"])).toMatchObject({ name: null, problem: { code: "no_date_tag" } });
    expect(auto(["#adm1+code", "#date", "#inneed"], { level: 2 })).toMatchObject({ name: null, problem: { code: "no_adm2_tag" } });
    expect(auto(["#adm1+code", "#date", "#affected+food+ch+p2"])).toMatchObject({ name: null, problem: { code: "no_ch_status" } });
  });

  it("gives the column form the roles the tags already say, so a file missing only its date is not mapped from scratch", () => {
    const cols = columns("#adm1+code", "#adm1+name", "#affected+idps+ind", "#meta+comment", "#affected+food+ch+p3");
    expect(Object.fromEntries(rolesFromHxl(cols, INDICATORS))).toEqual({ 0: "regionCode", 1: "regionName", 2: "value:idps" });
    expect(Object.fromEntries(rolesFromHxl(columns("#adm1+code", "#adm2+code", "#date+start", "#date+end", "#inneed"), INDICATORS, { level: 2 }))).toEqual({ 1: "regionCode", 2: "start", 3: "end", 4: "value:people_in_need" });
  });
});
