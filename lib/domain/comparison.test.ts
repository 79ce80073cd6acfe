import { describe, expect, it } from "vitest";
import { splitByPreference } from "./datasets";
import { columnsWithSeveralDatasets, compareStateOf, comparedCharts, comparisonKey, comparisonLines, comparisonStyles, isCompared, toggleCompare } from "./comparison";

const kinds = new Map([
  ["iom-dtm-mali", "series"],
  ["idmc-gidd", "series"],
  ["crs-2021", "report"],
  ["tnh-2022", "report"],
  ["cadre-harmonise", "series"],
] as const);
const preference = ["iom-dtm-mali", "idmc-gidd", "crs-2021", "tnh-2022"];
const pt = (region: string, key: string, end: string, dataset: string, value: number) => ({ region, key, start: end, end, dataset, value });

// The national IDP series as seeded: DTM rounds, IDMC year ends, two reports.
const national = [
  pt("ML", "", "2018-12-31", "iom-dtm-mali", 120_298),
  pt("ML", "", "2018-12-31", "idmc-gidd", 120_000),
  pt("ML", "", "2021-06-30", "crs-2021", 372_266),
  pt("ML", "", "2021-09-30", "iom-dtm-mali", 401_736),
  pt("ML", "", "2021-12-31", "idmc-gidd", 326_135),
  pt("ML", "", "2022-03-21", "tnh-2022", 350_000),
];

describe("comparison lines", () => {
  it("draw every other dataset of a series as its own line, in preferred order, apart from the drawn one", () => {
    const { drawn, others } = splitByPreference(national, (p) => `${p.region}|${p.key}`, preference, kinds);
    expect(new Set(drawn.map((p) => p.dataset))).toEqual(new Set(["iom-dtm-mali"]));
    const lines = comparisonLines(others, (p) => p.region, ["ML"], preference, kinds);
    expect(lines).toEqual([
      { key: "ML@idmc-gidd", column: "ML", dataset: "idmc-gidd", kind: "series" },
      { key: "ML@crs-2021", column: "ML", dataset: "crs-2021", kind: "report" },
      { key: "ML@tnh-2022", column: "ML", dataset: "tnh-2022", kind: "report" },
    ]);
    // No comparison line ever takes the drawn line's column.
    expect(lines.some((l) => l.key === "ML")).toBe(false);
  });

  it("keep a comparison with the series it sits beside and leave out series the chart does not draw", () => {
    const ch = [
      pt("ML", "status=projected", "2022-08-31", "cadre-harmonise", 1_841_064),
      pt("ML", "status=projected", "2022-08-31", "tnh-2022", 1_800_000),
      pt("ML", "status=current", "2022-12-31", "cadre-harmonise", 1_200_000),
      pt("ML05", "status=projected", "2022-08-31", "tnh-2022", 1),
    ];
    const { others } = splitByPreference(ch, (p) => `${p.region}|${p.key}`, ["cadre-harmonise", "tnh-2022"], kinds);
    const lines = comparisonLines(others, (p) => p.key, ["status=current", "status=projected"], ["cadre-harmonise", "tnh-2022"], kinds);
    expect(lines.map((l) => l.key)).toEqual([comparisonKey("status=projected", "tnh-2022")]);
  });

  it("style comparisons apart: unused colours, dotted series, reports as dots only", () => {
    const lines = comparisonLines(national.filter((p) => p.dataset !== "iom-dtm-mali"), (p) => p.region, ["ML"], preference, kinds);
    const styles = comparisonStyles(lines, ["#a"], ["#a", "#b", "#c", "#d"]);
    expect(styles).toEqual([
      { colour: "#b", dotted: true, dotsOnly: false },
      { colour: "#c", dotted: false, dotsOnly: true },
      { colour: "#d", dotted: false, dotsOnly: true },
    ]);
  });

  it("find the series that have more than one dataset", () => {
    expect(columnsWithSeveralDatasets(national, (p) => p.region)).toEqual(["ML"]);
    expect(columnsWithSeveralDatasets(national.filter((p) => p.dataset === "iom-dtm-mali"), (p) => p.region)).toEqual([]);
  });
});

describe("the compare toggle's URL state", () => {
  it("reads chart ids and '1' (every chart) from ?compare, dropping anything else", () => {
    const charts = comparedCharts(["idps-national", "ch-trend,bad id", "<script>"]);
    expect([...charts].sort()).toEqual(["ch-trend", "idps-national"]);
    expect(isCompared(charts, "idps-national")).toBe(true);
    expect(isCompared(charts, "idps-by-region")).toBe(false);
    expect(isCompared(comparedCharts("1"), "idps-by-region")).toBe(true);
    expect(comparedCharts(undefined).size).toBe(0);
    expect(compareStateOf("ch-trend")("ch-trend")).toBe("on");
    expect(compareStateOf(undefined)("ch-trend")).toBe("off");
  });

  it("turns one chart on and off and keeps the other filters", () => {
    const on = toggleCompare("region=ML05&from=2016-01-01", "idps-national");
    expect(on).toBe("region=ML05&from=2016-01-01&compare=idps-national");
    const both = toggleCompare(on, "ch-trend");
    expect(new URLSearchParams(both).getAll("compare")).toEqual(["idps-national", "ch-trend"]);
    expect(toggleCompare(both, "idps-national")).toBe("region=ML05&from=2016-01-01&compare=ch-trend");
    expect(toggleCompare("compare=1&region=ML05", "ch-trend")).toBe("region=ML05");
  });
});
