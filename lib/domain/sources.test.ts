import { describe, expect, it } from "vitest";
import { summariseSources } from "./sources";

describe("summariseSources", () => {
  it("keeps one entry per organisation with its latest publication and a count, newest first", () => {
    const dtm = (round: number, date: string) => ({ organisation: "IOM DTM", title: `Round ${round}`, url: `https://dtm/${round}`, date });
    const summary = summariseSources([dtm(60, "2019-12-31"), { organisation: "IDMC", title: "GIDD", url: "https://idmc", date: "2022-05-19" }, dtm(72, "2021-09-30"), dtm(64, "2020-04-30")]);
    expect(summary).toEqual([
      { organisation: "IDMC", title: "GIDD", url: "https://idmc", date: "2022-05-19", count: 1 },
      { organisation: "IOM DTM", title: "Round 72", url: "https://dtm/72", date: "2021-09-30", count: 3 },
    ]);
    expect(summariseSources([])).toEqual([]);
  });
});
