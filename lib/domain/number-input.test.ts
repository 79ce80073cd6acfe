import { describe, expect, it } from "vitest";
import { numberInputText, parseNumberInput } from "./number-input";

const NB = "\u00a0";

describe("parseNumberInput in a French form", () => {
  it.each([
    ["181 250", 181_250],
    ["181250", 181_250],
    ["181\u00a0250", 181_250],
    ["181\u202f250", 181_250],
    ["1 234 567", 1_234_567],
    ["181 250,5", 181_250.5],
    ["181,25", 181.25],
    ["0,250", 0.25],
    ["1234,567", 1234.567],
    ["12,3456", 12.3456],
    ["  159 027  ", 159_027],
    ["0", 0],
    ["-5", -5],
    ["\u22125", -5],
  ])("reads %j as %d", (raw, value) => {
    expect(parseNumberInput(raw, "fr")).toEqual({ ok: true, value });
  });

  it("refuses 181,250 (an English thousands comma) with both readings, never guessing", () => {
    expect(parseNumberInput("181,250", "fr")).toEqual({
      ok: false,
      problem: "ambiguous",
      input: "181,250",
      reading: { value: 181.25, text: "181,25" },
      other: { value: 181_250, text: `181${NB}250` },
    });
  });

  it("offers a way to type a three-decimal value that is not itself ambiguous", () => {
    expect(parseNumberInput("1,234", "fr")).toMatchObject({ problem: "ambiguous", reading: { value: 1.234, text: "1,2340" }, other: { value: 1234, text: `1${NB}234` } });
    expect(parseNumberInput("1,2340", "fr")).toEqual({ ok: true, value: 1.234 });
    expect(parseNumberInput("-1,234", "fr")).toMatchObject({ problem: "ambiguous", other: { value: -1234 } });
  });

  it("refuses English writing with the French way to type it", () => {
    expect(parseNumberInput("1,234.5", "fr")).toEqual({ ok: false, problem: "foreign", input: "1,234.5", readings: [{ value: 1234.5, text: `1${NB}234,5` }] });
    expect(parseNumberInput("1.5", "fr")).toMatchObject({ problem: "foreign", readings: [{ value: 1.5, text: "1,5" }] });
    expect(parseNumberInput("1 234.5", "fr")).toMatchObject({ problem: "foreign", readings: [{ value: 1234.5 }] });
    expect(parseNumberInput("1,234,567", "fr")).toMatchObject({ problem: "foreign", readings: [{ value: 1_234_567, text: `1${NB}234${NB}567` }] });
  });

  it("refuses a dot with both of its readings: a decimal point or a thousands dot", () => {
    expect(parseNumberInput("1.234", "fr")).toEqual({
      ok: false,
      problem: "foreign",
      input: "1.234",
      readings: [
        { value: 1.234, text: "1,2340" },
        { value: 1234, text: `1${NB}234` },
      ],
    });
    expect(parseNumberInput("1.234,5", "fr")).toMatchObject({ problem: "foreign", readings: [{ value: 1234.5 }] });
    expect(parseNumberInput("1.234.567", "fr")).toMatchObject({ problem: "foreign", readings: [{ value: 1_234_567 }] });
  });

  it("refuses digits grouped other than by three, and text", () => {
    expect(parseNumberInput("1 23 456", "fr")).toMatchObject({ ok: false, problem: "badGrouping" });
    expect(parseNumberInput("1234 567", "fr")).toMatchObject({ ok: false, problem: "badGrouping" });
    expect(parseNumberInput("12 34", "fr")).toMatchObject({ ok: false, problem: "badGrouping" });
    expect(parseNumberInput("12abc", "fr")).toMatchObject({ ok: false, problem: "notANumber" });
    expect(parseNumberInput("1e5", "fr")).toMatchObject({ ok: false, problem: "notANumber" });
    expect(parseNumberInput("181,", "fr")).toMatchObject({ ok: false });
    expect(parseNumberInput("   ", "fr")).toEqual({ ok: false, problem: "empty", input: "" });
  });
});

describe("parseNumberInput in an English form", () => {
  it.each([
    ["181,250", 181_250],
    ["181250", 181_250],
    ["181 250", 181_250],
    ["1,234.5", 1234.5],
    ["1,234,567.25", 1_234_567.25],
    ["1.234", 1.234],
    ["0.25", 0.25],
    [" 42 ", 42],
    ["-1,000", -1000],
  ])("reads %j as %d", (raw, value) => {
    expect(parseNumberInput(raw, "en")).toEqual({ ok: true, value });
  });

  it("refuses French writing with the English way to type it", () => {
    expect(parseNumberInput("1,5", "en")).toEqual({ ok: false, problem: "foreign", input: "1,5", readings: [{ value: 1.5, text: "1.5" }] });
    expect(parseNumberInput("181,25", "en")).toMatchObject({ problem: "foreign", readings: [{ value: 181.25, text: "181.25" }] });
    expect(parseNumberInput("1 234,5", "en")).toMatchObject({ problem: "foreign", readings: [{ value: 1234.5, text: "1,234.5" }] });
    expect(parseNumberInput("1.234,5", "en")).toMatchObject({ problem: "foreign", readings: [{ value: 1234.5, text: "1,234.5" }] });
  });

  it("refuses digits grouped other than by three, and mixed group separators", () => {
    expect(parseNumberInput("1,23,456", "en")).toMatchObject({ ok: false, problem: "badGrouping" });
    expect(parseNumberInput("1,234 567", "en")).toMatchObject({ ok: false, problem: "badGrouping" });
    expect(parseNumberInput("1,2345", "en")).toMatchObject({ ok: false });
    expect(parseNumberInput("one", "en")).toMatchObject({ ok: false, problem: "notANumber" });
  });
});

describe("numberInputText", () => {
  it("writes a stored value so that the form reads it back unchanged, in either language", () => {
    for (const value of [0, 7, 1.234, 12.125, 181.25, 181_250, 181_250.5, 2506.7873, 1_234_567.0001, 999_999_999_999_999]) {
      for (const locale of ["en", "fr"]) expect(parseNumberInput(numberInputText(value, locale), locale), `${value} ${locale}`).toEqual({ ok: true, value });
    }
    expect(numberInputText(1.234, "fr")).toBe("1,2340");
    expect(numberInputText(181_250.5, "fr")).toBe(`181${NB}250,5`);
    expect(numberInputText(181_250.5, "en")).toBe("181,250.5");
  });
});
