import { describe, expect, it } from "vitest";
import { fundingChartSpec, lineChartSpec, nearestColumn, niceScale, TICK_FONT_SIZE, VIEW_WIDTH } from "./svg-chart";

const f = { tick: (v: number) => String(v), value: (v: number | null) => (v === null ? "no data" : `${v} people`), date: (iso: string) => iso };

describe("niceScale", () => {
  it("rounds the top of the axis up with a step of 1, 2, 2.5 or 5 × 10^n", () => {
    expect(niceScale(401_736)).toEqual({ max: 500_000, step: 100_000 });
    expect(niceScale(90)).toEqual({ max: 100, step: 20 });
    expect(niceScale(701_569_941)).toEqual({ max: 800_000_000, step: 200_000_000 });
    expect(niceScale(0)).toEqual({ max: 1, step: 0.25 });
  });
});

describe("lineChartSpec", () => {
  const rows = [
    { date: "2019-12-31", ML: 200 },
    { date: "2020-12-31", ML: null },
    { date: "2021-12-31", ML: 400 },
  ];
  const spec = lineChartSpec(rows, [{ key: "ML", label: "Mali", colour: "#000" }], 300, f);

  it("spaces dates by time and joins only observed values (a gap is not 0)", () => {
    const points = [...spec.lines[0]!.path.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    expect(points).toHaveLength(2);
    const [first, last] = points;
    expect(first!.x).toBe(spec.plot.left);
    expect(last!.x).toBe(spec.plot.right);
    expect(last!.y).toBeLessThan(first!.y); // 400 is drawn higher than 200
  });

  it("gives the tooltip every date with 'no data' where a value is missing", () => {
    expect(spec.columns.map((c) => c.texts[0])).toEqual(["200 people", "no data", "400 people"]);
    expect(spec.yTicks.at(-1)?.label).toBe("400");
  });
});

describe("lineChartSpec with a series of one figure", () => {
  it("writes that figure with its date beside its point, not a lone dot", () => {
    const rows = [
      { date: "2019-12-31", ML: 200, ML05: null },
      { date: "2021-12-31", ML: 400, ML05: 150 },
    ];
    const spec = lineChartSpec(rows, [{ key: "ML", label: "Mali", colour: "#000" }, { key: "ML05", label: "Mopti", colour: "#f00" }], 300, f);
    expect(spec.labels).toHaveLength(1);
    const [label] = spec.labels;
    expect(label).toMatchObject({ key: "ML05", text: "150 people (2021-12-31)", anchor: "end" });
    expect(label!.x).toBe(spec.plot.right);
  });
  it("centres the label of a chart with a single date", () => {
    const spec = lineChartSpec([{ date: "2021-12-31", ML: 400 }], [{ key: "ML", label: "Mali", colour: "#000" }], 300, f);
    expect(spec.labels).toEqual([expect.objectContaining({ text: "400 people (2021-12-31)", anchor: "middle" })]);
  });
});

describe("fundingChartSpec", () => {
  it("stacks funded under unmet to the requirement, and scales coverage on 0–100%", () => {
    const spec = fundingChartSpec(
      [{ label: "2024", funded: 300, unmet: 700, coverage: 30 }],
      320,
      { funded: "Funded", unmet: "Unmet", coverage: "Coverage" },
      { funded: "#00f", unmet: "#f90", coverage: "#000" },
      { ...f, usd: (v) => `$${v}`, percent: (v) => `${v}%` },
    );
    const [funded, unmet] = spec.bars;
    expect(funded!.y + funded!.height).toBeCloseTo(spec.plot.bottom, 0);
    expect(unmet!.y + unmet!.height).toBeCloseTo(funded!.y, 0);
    expect(unmet!.height / funded!.height).toBeCloseTo(700 / 300, 1);
    expect(spec.columns[0]?.texts).toEqual(["$300", "$700", "30%"]);
  });
});

describe("nearestColumn", () => {
  it("finds the column closest to the pointer", () => {
    expect(nearestColumn([{ x: 10, label: "a", texts: [] }, { x: 50, label: "b", texts: [] }], 35)).toBe(1);
    expect(nearestColumn([], 35)).toBe(-1);
  });
});

describe("axis text", () => {
  it("is large enough to read once the chart is scaled into a half-width card (~520 px)", () => {
    expect(TICK_FONT_SIZE * (520 / VIEW_WIDTH)).toBeGreaterThanOrEqual(12);
  });
  it("gets a left margin as wide as its longest tick label", () => {
    const long = { ...f, tick: (v: number) => `${v / 1e6} M $ US` };
    const spec = lineChartSpec([{ date: "2021-12-31", ML: 701_569_941 }], [{ key: "ML", label: "Mali", colour: "#000" }], 300, long);
    const longest = Math.max(...spec.yTicks.map((t) => t.label.length));
    expect(spec.plot.left).toBeGreaterThanOrEqual(longest * TICK_FONT_SIZE * 0.6);
  });
});

describe("lineChartSpec with events", () => {
  const f = { tick: String, value: (v: number | null) => (v === null ? "no data" : String(v)), date: (d: string) => d };
  const rows = [
    { date: "2020-01-01", ML: 1 },
    { date: "2022-01-01", ML: 2 },
  ];
  const events = { markers: [{ x1: "2021-01-01", x2: null, label: "Coup" }, { x1: "2021-01-01", x2: "2022-01-01", label: "Sanctions" }], colour: "#6a3d9a", legend: "Events" };

  it("places a day at its date on the time axis and a period as a band, numbered, with an Events legend entry", () => {
    const spec = lineChartSpec(rows, [{ key: "ML", label: "Mali", colour: "#0072B2" }], 200, f, events);
    const { left, right } = spec.plot;
    const mid = left + ((Date.parse("2021-01-01") - Date.parse("2020-01-01")) / (Date.parse("2022-01-01") - Date.parse("2020-01-01"))) * (right - left);
    expect(spec.events![0]).toMatchObject({ n: 1, x2: null, label: "1. Coup" });
    expect(spec.events![0]!.x).toBeCloseTo(mid, 0);
    expect(spec.events![1]).toMatchObject({ n: 2, x2: right, label: "2. Sanctions" });
    expect(spec.legend.map((l) => [l.label, l.colour])).toEqual([
      ["Mali", "#0072B2"],
      ["Events", "#6a3d9a"],
    ]);
  });

  it("has no legend for one series without events", () => {
    const spec = lineChartSpec(rows, [{ key: "ML", label: "Mali", colour: "#0072B2" }], 200, f, { ...events, markers: [] });
    expect(spec.legend).toEqual([]);
    expect(spec.events).toEqual([]);
  });
});
