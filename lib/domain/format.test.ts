import { describe, expect, it } from "vitest";
import { formatDate, formatPeriod, formatValue } from "./format";

// Intl writes French thousands with a narrow no-break space (U+202F).
const nnbsp = "\u202f";

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
    expect(formatValue(29, "percent", "fr")).toMatch(/^29\s%$/u);
  });
  it("writes US dollars without cents", () => {
    expect(formatValue(701569941, "usd", "en")).toBe("$701,569,941");
    expect(formatValue(701569941, "usd", "fr")).toMatch(/^701\s569\s941\s\$US$/u);
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
