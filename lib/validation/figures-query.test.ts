import { describe, expect, it } from "vitest";
import { parseFiguresQuery } from "./figures-query";

const parse = (q: string) => parseFiguresQuery(new URLSearchParams(q));

describe("parseFiguresQuery", () => {
  it("accepts no filters", () => {
    expect(parse("")).toEqual({ ok: true, value: { indicator: [], region: [], dataset: [], limit: 5000, offset: 0 } });
  });
  it("repeats and comma-separates dataset codes, and refuses what is not a code", () => {
    const r = parse("dataset=iom-dtm-mali,IDMC-GIDD&dataset=tnh-2022");
    expect(r.ok && r.value.dataset).toEqual(["iom-dtm-mali", "idmc-gidd", "tnh-2022"]);
    expect(parse("dataset=a%20b")).toMatchObject({ ok: false, parameter: "dataset" });
  });
  it("repeats and comma-separates indicator and region, normalising P-code case", () => {
    const r = parse("indicator=idps,returnees&indicator=ch_phase3plus&region=ml05&region=ML07");
    expect(r.ok && r.value.indicator).toEqual(["idps", "returnees", "ch_phase3plus"]);
    expect(r.ok && r.value.region).toEqual(["ML05", "ML07"]);
  });
  it("reads dates as UTC days", () => {
    const r = parse("from=2021-01-01&to=2021-12-31");
    expect(r.ok && r.value.from?.toISOString()).toBe("2021-01-01T00:00:00.000Z");
  });
  it.each([
    ["from=2021-02-30", "from"],
    ["to=2021/12/31", "to"],
    ["from=2022-01-01&to=2021-01-01", "to"],
    ["indicator=' OR 1=1 --", "indicator"],
    ["region=MLI05", "region"],
    ["limit=50001", "limit"],
    ["offset=-1", "offset"],
    ["sort=value", "sort"],
    ["to=2021-01-01&to=2021-02-01", "to"],
  ])("names the bad parameter in %s", (q, parameter) => {
    const r = parse(q);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.parameter).toBe(parameter);
      expect(r.message).toContain(parameter);
    }
  });
  it("refuses oversized values", () => {
    expect(parse(`indicator=${"a".repeat(5000)}`).ok).toBe(false);
  });
});
