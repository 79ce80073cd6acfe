import { describe, expect, it } from "vitest";
import { dateSpan } from "./date-span";

describe("dateSpan", () => {
  it("gives one date when every region's latest figure has it", () => {
    expect(dateSpan(["2021-09-30", "2021-09-30", null])).toEqual({ from: "2021-09-30", to: "2021-09-30" });
  });

  it("gives the earliest and latest date when they differ, in any order, ignoring missing ones", () => {
    expect(dateSpan(["2021-09-30", null, "2020-12-31", "2021-04-30"])).toEqual({ from: "2020-12-31", to: "2021-09-30" });
  });

  it("is null with no dates", () => {
    expect(dateSpan([])).toBeNull();
    expect(dateSpan([null, undefined])).toBeNull();
  });
});
