import { describe, expect, it } from "vitest";
import { compareRows, comparisonBasis, defaultBreakdown, differenceOf, formatDifference, selectionFreshness, shortName, type CompareFigure } from "./compare";
import { orderDatasets } from "./datasets";
import { breakdownOf } from "./disaggregation";

const kinds = new Map([
  ["iom-dtm-mali", "series"],
  ["idmc-gidd", "series"],
  ["crs-2021", "report"],
  ["tnh-2022", "report"],
  ["partner-x", "series"],
] as const);
const PREFERENCE = ["iom-dtm-mali", "idmc-gidd", "crs-2021", "tnh-2022"];

let nextId = 1;
function fig(dataset: string, end: string, value: number, start = end): CompareFigure {
  return { id: nextId++, dataset, start, end, value, note: null, source: { organisation: dataset, title: dataset, url: "", date: end } };
}

describe("differenceOf", () => {
  it("gives the absolute and % difference from the basis", () => {
    const d = differenceOf(326_135, 401_736)!;
    expect(d.absolute).toBe(-75_601);
    expect(d.percent).toBeCloseTo(-18.819, 3);
    expect(differenceOf(120_298, 120_298)).toEqual({ absolute: 0, percent: 0 });
    expect(differenceOf(110, 100)).toEqual({ absolute: 10, percent: 10 });
  });

  it("is null when either value is missing, never a difference from 0", () => {
    expect(differenceOf(null, 401_736)).toBeNull();
    expect(differenceOf(326_135, null)).toBeNull();
    expect(differenceOf(undefined, undefined)).toBeNull();
  });

  it("has no % against a basis of 0 (a reported zero is a figure)", () => {
    expect(differenceOf(5, 0)).toEqual({ absolute: 5, percent: null });
  });
});

describe("comparisonBasis", () => {
  const dtm = [fig("iom-dtm-mali", "2020-04-30", 250_998), fig("iom-dtm-mali", "2021-09-30", 401_736)];

  it("takes the preferred figure of the same date", () => {
    expect(comparisonBasis(fig("idmc-gidd", "2021-09-30", 1), dtm)).toEqual({ basis: dtm[1], samePeriod: true });
  });

  it("else takes the preferred dataset's latest earlier figure, never a later one", () => {
    expect(comparisonBasis(fig("tnh-2022", "2022-03-21", 350_000), dtm)).toEqual({ basis: dtm[1], samePeriod: false });
    expect(comparisonBasis(fig("idmc-gidd", "2020-12-31", 326_298), dtm)).toEqual({ basis: dtm[0], samePeriod: false });
  });

  it("has none before the preferred dataset's first figure", () => {
    expect(comparisonBasis(fig("idmc-gidd", "2013-12-31", 218_000), dtm)).toBeNull();
  });

  it("compares a period with the same period, else the same season earlier, never a stock", () => {
    const ch = [fig("cadre-harmonise", "2021-08-31", 1_300_000, "2021-06-01"), fig("cadre-harmonise", "2022-03-31", 9, "2022-03-31")];
    const leanSeason = fig("tnh-2022", "2022-08-31", 1_800_000, "2022-06-01");
    expect(comparisonBasis(leanSeason, ch)).toEqual({ basis: ch[0], samePeriod: false });
    expect(comparisonBasis(leanSeason, [...ch, fig("cadre-harmonise", "2022-08-31", 1_841_064, "2022-06-01")])?.basis.value).toBe(1_841_064);
  });
});

describe("orderDatasets", () => {
  it("orders the datasets present by the indicator's preference, unlisted series before reports", () => {
    expect(orderDatasets(PREFERENCE, ["tnh-2022", "idmc-gidd", "crs-2021", "iom-dtm-mali", "idmc-gidd"], kinds)).toEqual(["iom-dtm-mali", "idmc-gidd", "crs-2021", "tnh-2022"]);
    expect(orderDatasets(["idmc-gidd"], ["tnh-2022", "partner-x", "idmc-gidd"], kinds)).toEqual(["idmc-gidd", "partner-x", "tnh-2022"]);
  });

  it("makes the best-ranked dataset present the preferred one when the first choice is absent", () => {
    expect(orderDatasets(PREFERENCE, ["tnh-2022", "idmc-gidd"], kinds)[0]).toBe("idmc-gidd");
  });
});

describe("compareRows", () => {
  const figures = [
    fig("idmc-gidd", "2018-12-31", 120_298),
    fig("iom-dtm-mali", "2018-12-31", 120_298),
    fig("idmc-gidd", "2013-12-31", 218_000),
    fig("iom-dtm-mali", "2021-09-30", 401_736),
    fig("idmc-gidd", "2021-12-31", 326_135),
    fig("tnh-2022", "2022-03-21", 350_000),
    fig("crs-2021", "2021-06-30", 372_000),
  ];
  const datasets = orderDatasets(PREFERENCE, figures.map((f) => f.dataset), kinds);
  const rows = compareRows(figures, datasets);

  it("has one row per date, oldest first, and a cell only where a dataset has a figure", () => {
    expect(rows.map((r) => r.end)).toEqual(["2013-12-31", "2018-12-31", "2021-06-30", "2021-09-30", "2021-12-31", "2022-03-21"]);
    expect(Object.keys(rows[1]!.cells).sort()).toEqual(["idmc-gidd", "iom-dtm-mali"]);
    expect(rows[3]!.cells["idmc-gidd"]).toBeUndefined();
  });

  it("compares each other dataset's value with the preferred one's, saying whether of the same date", () => {
    expect(rows[1]!.cells["idmc-gidd"]!.comparison).toMatchObject({ samePeriod: true, difference: { absolute: 0, percent: 0 } });
    const idmc = rows[4]!.cells["idmc-gidd"]!.comparison!;
    expect(idmc.samePeriod).toBe(false);
    expect(idmc.basis.end).toBe("2021-09-30");
    expect(idmc.difference.absolute).toBe(-75_601);
    expect(idmc.difference.percent).toBeCloseTo(-18.8, 1);
    expect(rows[5]!.cells["tnh-2022"]!.comparison!.difference.absolute).toBe(350_000 - 401_736);
  });

  it("leaves the preferred dataset's own values, and values older than its first figure, without a comparison", () => {
    expect(rows[3]!.cells["iom-dtm-mali"]!.comparison).toBeNull();
    expect(rows[0]!.cells["idmc-gidd"]!.comparison).toBeNull();
  });

  it("keeps two periods with the same end apart", () => {
    const split = compareRows([fig("a", "2022-08-31", 1, "2022-06-01"), fig("b", "2022-08-31", 2, "2022-01-01")], ["a", "b"]);
    expect(split.map((r) => `${r.start}..${r.end}`)).toEqual(["2022-01-01..2022-08-31", "2022-06-01..2022-08-31"]);
  });
});

describe("selectionFreshness", () => {
  it("dates a dataset by its latest figure here, never after publication, and rates a series by its cadence", () => {
    const figures = [fig("iom-dtm-mali", "2020-04-30", 1), fig("iom-dtm-mali", "2021-09-30", 2)];
    expect(selectionFreshness(figures, "series", 90, "2026-12-02")).toEqual({ latestReference: "2021-09-30", freshness: "stale" });
    const plan = [{ end: "2026-12-31", source: { organisation: "", title: "", url: "", date: "2026-04-18" } }];
    expect(selectionFreshness(plan, "series", 30, "2026-05-01")).toEqual({ latestReference: "2026-04-18", freshness: "fresh" });
  });

  it("gives a report only its date", () => {
    expect(selectionFreshness([fig("tnh-2022", "2022-03-21", 1)], "report", null, "2026-12-02")).toEqual({ latestReference: "2022-03-21", freshness: "none" });
    expect(selectionFreshness([], "series", 90, "2026-12-02")).toEqual({ latestReference: null, freshness: "none" });
  });
});

describe("formatDifference", () => {
  it("signs differences in the reader's locale", () => {
    expect(formatDifference({ absolute: -75_601, percent: -18.818 }, "people", "en")).toEqual({ absolute: "\u221275,601", percent: "\u221218.8\u00a0%", points: false });
    expect(formatDifference({ absolute: -75_601, percent: -18.818 }, "people", "fr")).toEqual({ absolute: "\u221275\u202f601", percent: "\u221218,8\u202f%", points: false });
    expect(formatDifference({ absolute: 2_500, percent: 7.25 }, "people", "en")).toEqual({ absolute: "+2,500", percent: "+7.3\u00a0%", points: false });
  });

  it("writes no sign for a difference that rounds to zero", () => {
    expect(formatDifference({ absolute: 0, percent: 0 }, "people", "en")).toEqual({ absolute: "0", percent: "0\u00a0%", points: false });
    expect(formatDifference({ absolute: 0.2, percent: 0 }, "people", "en")).toEqual({ absolute: "0", percent: "0\u00a0%", points: false });
  });

  it("never writes 0 % for a real difference", () => {
    // IDMC's 61,600 against DTM's 61,621 (2014).
    expect(formatDifference({ absolute: -21, percent: (-21 / 61_621) * 100 }, "people", "en").percent).toBe("\u22120.03\u00a0%");
    expect(formatDifference({ absolute: 30, percent: 0.049 }, "people", "fr").percent).toBe("+0,05\u202f%");
  });

  it("gives per-cent indicators a difference in points and no relative one", () => {
    expect(formatDifference({ absolute: -2.35, percent: -5 }, "percent", "en")).toEqual({ absolute: "\u22122.4", percent: null, points: true });
    expect(formatDifference({ absolute: 5, percent: null }, "people", "en").percent).toBeNull();
  });
});

describe("breakdowns", () => {
  it("reads a disaggregation key", () => {
    expect(breakdownOf("")).toEqual({});
    expect(breakdownOf("phase=3;status=projected")).toEqual({ phase: 3, status: "projected" });
    expect(breakdownOf("sector=protection - housing, land and property")).toEqual({ sector: "protection - housing, land and property" });
  });

  it("defaults to no breakdown, else the current analysis, else phase 3 current", () => {
    expect(defaultBreakdown(["", "sector=health"], undefined)).toBe("");
    expect(defaultBreakdown(["status=current", "status=projected"], undefined)).toBe("status=current");
    expect(defaultBreakdown(["status=current", "status=projected"], "status=projected")).toBe("status=projected");
    expect(defaultBreakdown(["phase=1;status=current", "phase=3;status=current"], "status=bogus")).toBe("phase=3;status=current");
    expect(defaultBreakdown([], undefined)).toBeNull();
  });

  it("shortens a dataset's name for legends", () => {
    expect(shortName("IOM DTM Mali — Baseline Assessment")).toBe("IOM DTM Mali");
    expect(shortName("The New Humanitarian: Sieges, sanctions, and soaring hunger (2022)")).toBe("The New Humanitarian");
    expect(shortName("Partner X")).toBe("Partner X");
  });
});
