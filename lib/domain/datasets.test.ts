import { describe, expect, it } from "vitest";
import { compareHref, daysBetween, freshnessOf, isPartialPeriod, preferredOf, rankDatasets, referenceDate, splitByPreference } from "./datasets";

const kinds = new Map([
  ["iom-dtm-mali", "series"],
  ["idmc-gidd", "series"],
  ["tnh-2022", "report"],
  ["crs-2021", "report"],
  ["partner-x", "series"],
] as const);

describe("rankDatasets", () => {
  it("puts the indicator's list first, then unlisted series before unlisted reports", () => {
    const ranked = rankDatasets(["idmc-gidd"], [
      { code: "tnh-2022", kind: "report" },
      { code: "partner-x", kind: "series" },
      { code: "idmc-gidd", kind: "series" },
      { code: "iom-dtm-mali", kind: "series" },
    ]);
    expect(ranked.map((d) => d.code)).toEqual(["idmc-gidd", "iom-dtm-mali", "partner-x", "tnh-2022"]);
  });

  it("picks the first preferred dataset present", () => {
    expect(preferredOf(["iom-dtm-mali", "idmc-gidd", "tnh-2022"], new Set(["tnh-2022", "idmc-gidd"]), kinds)).toBe("idmc-gidd");
    expect(preferredOf(["iom-dtm-mali"], new Set(), kinds)).toBeNull();
  });
});

describe("splitByPreference", () => {
  it("draws one dataset per series and never joins two publishers in one line", () => {
    const points = [
      { region: "ML", date: "2021-09-30", dataset: "iom-dtm-mali", value: 401_736 },
      { region: "ML", date: "2021-12-31", dataset: "idmc-gidd", value: 326_135 },
      { region: "ML", date: "2022-03-21", dataset: "tnh-2022", value: 350_000 },
      // A region only a report covers draws the report.
      { region: "ML05", date: "2022-03-21", dataset: "tnh-2022", value: 1 },
    ];
    const { drawn, others, datasetOf } = splitByPreference(points, (p) => p.region, ["iom-dtm-mali", "idmc-gidd", "tnh-2022"], kinds);
    expect(drawn.map((p) => p.value)).toEqual([401_736, 1]);
    expect(others.map((p) => p.dataset)).toEqual(["idmc-gidd", "tnh-2022"]);
    expect(Object.fromEntries(datasetOf)).toEqual({ ML: "iom-dtm-mali", ML05: "tnh-2022" });
  });
});

describe("freshness", () => {
  it("follows HDX's shape: fresh to one cadence, due to 1.5, overdue to 2, stale beyond", () => {
    expect(freshnessOf("2026-01-01", 100, "2026-04-11")).toBe("fresh"); // 100 days
    expect(freshnessOf("2026-01-01", 100, "2026-04-12")).toBe("due"); // 101
    expect(freshnessOf("2026-01-01", 100, "2026-05-31")).toBe("due"); // 150
    expect(freshnessOf("2026-01-01", 100, "2026-06-01")).toBe("overdue"); // 151
    expect(freshnessOf("2026-01-01", 100, "2026-07-20")).toBe("overdue"); // 200
    expect(freshnessOf("2026-01-01", 100, "2026-07-21")).toBe("stale"); // 201
  });

  it("gives reports and series without a cadence none", () => {
    expect(freshnessOf("2022-03-21", null, "2026-12-02")).toBe("none");
    expect(freshnessOf(null, 90, "2026-12-02")).toBe("none");
  });

  it("marks the latest DTM round of September 2021 stale in December 2026", () => {
    expect(freshnessOf("2021-09-30", 90, "2026-12-02")).toBe("stale");
  });
});

describe("referenceDate", () => {
  it("is never later than the publication nor today", () => {
    expect(referenceDate("2026-12-31", "2026-04-18", "2026-12-02")).toBe("2026-04-18");
    expect(referenceDate("2026-12-31", "2027-01-10", "2026-12-02")).toBe("2026-12-02");
    expect(referenceDate("2021-09-30", "2021-10-15", "2026-12-02")).toBe("2021-09-30");
    expect(referenceDate("2021-09-30", null, "2026-12-02")).toBe("2021-09-30");
  });

  it("tells a year-to-date figure from a complete period", () => {
    expect(isPartialPeriod("2026-12-31", "2026-04-18")).toBe(true);
    expect(isPartialPeriod("2025-12-31", "2025-12-31")).toBe(false);
  });

  it("counts days across a leap year", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
  });
});

describe("compareHref", () => {
  it("is the compare page for an indicator, a place and a breakdown", () => {
    expect(compareHref("idps", "ML")).toBe("/compare?indicator=idps&region=ML");
    expect(compareHref("ch_phase3plus", "ML05", "status=projected")).toBe("/compare?indicator=ch_phase3plus&region=ML05&key=status%3Dprojected");
  });
});
