import { describe, expect, it } from "vitest";
import { listFiltersToQuery, parseFigureList, parseFiguresQuery } from "./figures-query";
import { encodeFigureCursor } from "../domain/figure-cursor";

const parse = (q: string) => parseFiguresQuery(new URLSearchParams(q));

describe("parseFiguresQuery", () => {
  it("accepts no filters (published figures by default)", () => {
    expect(parse("")).toEqual({ ok: true, value: { indicator: [], region: [], dataset: [], status: ["published"], limit: 5000, offset: 0 } });
  });
  it("reads status= as a comma list of statuses, or all", () => {
    const r = parse("status=Submitted,draft");
    expect(r.ok && r.value.status).toEqual(["submitted", "draft"]);
    const all = parse("status=all");
    expect(all.ok && all.value.status).toEqual(["draft", "submitted", "published", "returned"]);
  });
  it.each(["status=pending", "status=", "status=published,x"])("refuses an unknown status with a clear message (%s)", (q) => {
    const r = parse(q);
    expect(r).toMatchObject({ ok: false, parameter: "status" });
    expect(!r.ok && r.message).toMatch(/^status .*draft, submitted, published, returned .*or all$/);
  });
  it("names a mistyped status, never an injection attempt", () => {
    const typo = parse("status=publised");
    expect(!typo.ok && typo.message).toContain('"publised" is not a status');
    const hostile = parse(`status=${encodeURIComponent("ML05' UNION SELECT password_hash FROM users --")}`);
    expect(hostile.ok).toBe(false);
    expect(!hostile.ok && hostile.message).not.toMatch(/select|union/i);
  });
  it("reads the /figures page's one status, and drops an unknown one", () => {
    expect(parseFigureList({ status: "returned" }).filters.status).toBe("returned");
    expect(parseFigureList({ status: "nope" }).dropped).toEqual(["status"]);
    expect(listFiltersToQuery({ status: "draft" }).status).toEqual(["draft"]);
    expect(listFiltersToQuery({}).status).toBeUndefined();
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

describe("the /figures page's URL", () => {
  it("keeps each readable filter and drops (and names) the others", () => {
    const r = parseFigureList({ q: "  Ménaka ", indicator: "idps", region: "ml05", dataset: "iom-dtm-mali", from: "2024-99-99", to: "2024-12-31", changedBy: "abc", after: "garbage!" });
    expect(r.filters).toEqual({ q: "Ménaka", indicator: "idps", region: "ML05", dataset: "iom-dtm-mali", to: "2024-12-31" });
    expect(r.dropped.sort()).toEqual(["changedBy", "from"]);
    expect(r.after).toBeNull();
  });

  it("drops an end before the start, reads the cursors and turns the filters into the API's query", () => {
    const after = encodeFigureCursor({ updatedAt: new Date("2026-12-01T10:00:00.5Z"), id: 42 });
    const r = parseFigureList({ from: "2024-06-01", to: "2024-01-01", changedBy: "7", q: "  ", after });
    expect(r.filters).toEqual({ from: "2024-06-01", changedBy: 7 });
    expect(r.dropped).toEqual(["to"]);
    expect(r.after).toEqual({ updatedAt: new Date("2026-12-01T10:00:00.5Z"), id: 42 });
    expect(listFiltersToQuery(r.filters)).toEqual({ indicator: [], region: [], dataset: [], from: new Date("2024-06-01T00:00:00Z"), to: undefined, q: undefined, changedBy: 7 });
  });

  it("the API reads q and changedBy too", () => {
    const ok = parseFiguresQuery(new URLSearchParams("q=Boni&changedBy=3"));
    expect(ok.ok && ok.value.q).toBe("Boni");
    expect(ok.ok && ok.value.changedBy).toBe(3);
    const bad = parseFiguresQuery(new URLSearchParams("changedBy=me"));
    expect(bad).toMatchObject({ ok: false, parameter: "changedBy" });
    expect(parseFiguresQuery(new URLSearchParams(`q=${"x".repeat(201)}`))).toMatchObject({ ok: false, parameter: "q" });
  });
});
