import { describe, expect, it } from "vitest";
import { formatValue } from "./format";
import { exceedsPopulation, formatRate, populationFor, rateOf, type PopulationFigure } from "./rates";

const codps2018: PopulationFigure = { start: "2018-01-01", end: "2018-12-31", value: 2_509_703, dataset: "cod-ps-mali" };
const hno2026: PopulationFigure = { start: "2026-01-01", end: "2026-12-31", value: 25_200_000, dataset: "ocha-hno" };
const preference = ["cod-ps-mali", "ocha-hno"];

describe("populationFor", () => {
  it("takes the population in force on the figure's date: the latest whose period started on or before it", () => {
    expect(populationFor([codps2018, hno2026], "2021-09-30", preference)).toBe(codps2018);
    // A plan-year figure dated within 2026 takes the 2026 population, not 2018's.
    expect(populationFor([codps2018, hno2026], "2026-04-18", preference)).toBe(hno2026);
    expect(populationFor([hno2026, codps2018], "2030-01-01", preference)).toBe(hno2026);
  });

  it("takes a later population only when none is in force, the nearest one", () => {
    const p2020 = { ...codps2018, start: "2020-01-01", end: "2020-12-31", value: 2 };
    expect(populationFor([hno2026, p2020], "2014-12-31", preference)).toBe(p2020);
  });

  it("breaks a tie of periods by the population's preferred datasets", () => {
    const other = { ...codps2018, dataset: "ocha-hno", value: 1 };
    expect(populationFor([other, codps2018], "2021-09-30", preference)).toBe(codps2018);
    expect(populationFor([codps2018, other], "2021-09-30", ["ocha-hno"])).toBe(other);
  });

  it("is null without populations", () => {
    expect(populationFor([], "2021-09-30", preference)).toBeNull();
  });
});

describe("rateOf", () => {
  it("is the value as a percentage of the population of the same area", () => {
    // Mopti, DTM round 72: 159,027 IDPs / 2,509,703 people (COD-PS 2018) = 6.336… %.
    const r = rateOf(159_027, "2021-09-30", [codps2018], preference);
    expect(r.rate).toBeCloseTo(6.3365, 4);
    expect(r.population).toBe(codps2018);
  });

  it("is no rate, with its reason, when there is no population, never 0 or Infinity", () => {
    expect(rateOf(12_995, "2021-09-30", [], preference)).toEqual({ rate: null, reason: "noPopulation", population: null });
    const zero = { ...codps2018, value: 0 };
    expect(rateOf(10, "2021-09-30", [zero], preference)).toEqual({ rate: null, reason: "noPopulation", population: null });
  });

  it("is no rate when there is no figure; a reported zero is a 0 % rate", () => {
    expect(rateOf(null, null, [codps2018], preference)).toEqual({ rate: null, reason: "noFigure", population: null });
    expect(rateOf(0, "2020-04-30", [codps2018], preference).rate).toBe(0);
  });
});

describe("formatRate", () => {
  it("writes a percentage with one decimal, French with a comma and a narrow no-break space", () => {
    expect(formatRate(6.3365, "en")).toBe("6.3%");
    // The space before % is formatValue's: a no-break space (narrow, U+202F, where the app's formatter writes one).
    expect(formatRate(6.3365, "fr")).toMatch(/^6,3[\u00a0\u202f]%$/);
    expect(formatRate(6.3365, "fr")).toBe(`6,3${formatValue(1, "percent", "fr").slice(1)}`);
    expect(formatRate(0, "fr")).toMatch(/^0[\u00a0\u202f]%$/);
  });

  it("never writes a small rate as 0 %: two significant digits below 1 %", () => {
    expect(formatRate(0.0234, "en")).toBe("0.023%");
    expect(formatRate(0.5, "en")).toBe("0.5%");
  });
});

describe("exceedsPopulation", () => {
  it("flags a rate above 100 %: the figure and the population are not on one base (Ménaka's 213,749 in need of 67,119)", () => {
    expect(exceedsPopulation(rateOf(213_749, "2024-05-17", [{ ...codps2018, value: 67_119 }], preference))).toBe(true);
    expect(exceedsPopulation(rateOf(67_119, "2024-05-17", [{ ...codps2018, value: 67_119 }], preference))).toBe(false);
    expect(exceedsPopulation(rateOf(1, "2024-05-17", [], preference))).toBe(false);
  });
});
