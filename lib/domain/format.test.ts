import { describe, expect, it } from "vitest";
import { formatDate, formatPeriod, formatTick, formatValue } from "./format";

// Intl writes French thousands with a narrow no-break space (U+202F).
const nnbsp = "\u202f";
const nbsp = "\u00a0";

describe("formatValue", () => {
  it("groups people per locale", () => {
    expect(formatValue(1234567, "people", "en")).toBe("1,234,567");
    expect(formatValue(1234567, "people", "fr")).toBe(`1${nnbsp}234${nnbsp}567`);
  });
  it("rounds non-integer people only for display", () => {
    expect(formatValue(2506.7872, "people", "en")).toBe("2,507");
  });
  it("shows a real zero as 0", () => {
    expect(formatValue(0, "people", "en")).toBe("0");
  });
  it("writes percentages stored as 0-100", () => {
    expect(formatValue(43.7, "percent", "en")).toBe("43.7%");
    // French typography: a narrow no-break space before %, whatever the ICU version writes.
    expect(formatValue(29, "percent", "fr")).toBe(`29${nnbsp}%`);
  });
  it("writes US dollars without cents", () => {
    expect(formatValue(701569941, "usd", "en")).toBe("$701,569,941");
    expect(formatValue(701569941, "usd", "fr")).toBe(`701${nnbsp}569${nnbsp}941${nbsp}$${nbsp}US`);
  });
});

describe("formatDate and formatPeriod", () => {
  it("writes dates per locale", () => {
    expect(formatDate("2021-09-30", "fr")).toBe("30/09/2021");
    expect(formatDate("2021-09-30", "en")).toBe("30 Sept 2021");
  });
  it("writes a point in time once and a range with a dash", () => {
    expect(formatPeriod("2021-09-30", "2021-09-30", "en")).toBe("30 Sept 2021");
    expect(formatPeriod("2023-06-01", "2023-08-31", "fr")).toBe("01/06/2023 – 31/08/2023");
  });
});

describe("formatTick", () => {
  it("keeps the digits a tick has: 1.05 M is not 1.1M", () => {
    expect(formatTick(1_050_000, "people", "en")).toBe("1.05M");
    expect(formatTick(1_050_000, "people", "fr")).toBe(`1,05${nbsp}M`);
    expect(formatTick(1_025_000, "people", "en")).toBe("1.025M");
    expect(formatTick(1_000_000, "people", "en")).toBe("1M");
    expect(formatTick(350_000, "people", "en")).toBe("350K");
  });
  it("tells apart the ticks of a fine axis", () => {
    const ticks = [1_000_000, 1_025_000, 1_050_000, 1_075_000, 1_100_000];
    expect(new Set(ticks.map((t) => formatTick(t, "people", "fr"))).size).toBe(ticks.length);
  });
  it("writes dollars and per cent as each language does", () => {
    expect(formatTick(800_000_000, "usd", "en")).toBe("$800M");
    expect(formatTick(800_000_000, "usd", "fr")).toBe(`800${nbsp}M${nbsp}$${nbsp}US`);
    expect(formatTick(100, "percent", "en")).toBe("100%");
    expect(formatTick(100, "percent", "fr")).toBe(`100${nnbsp}%`);
  });
});
