import { describe, expect, it } from "vitest";
import { findHashtagRow, parseTag, sameTag } from "./hxl";

describe("HXL tags", () => {
  it("ignores attribute order, case and spaces", () => {
    expect(parseTag("#Affected +IND+idps")).toEqual({ hashtag: "affected", attributes: ["idps", "ind"] });
    expect(sameTag(parseTag("#affected+ind+idps")!, parseTag("#affected+idps+ind")!)).toBe(true);
    expect(sameTag(parseTag("#affected+idps")!, parseTag("#affected+idps+hh")!)).toBe(false);
    expect(parseTag("Total IDPs")).toBeNull();
  });

  it("finds the hashtag row under titles and the header, or in place of the header", () => {
    expect(findHashtagRow([["Mali IDPs, Sept 2021"], ["Region", "IDPs"], ["#adm1+code", "#affected+idps"], ["ML05", "1"]])).toBe(2);
    expect(findHashtagRow([["#adm1+code", "#inneed", ""], ["ML05", "1", ""]])).toBe(0);
    expect(findHashtagRow([["Region", "IDPs"], ["ML05", "#1"]])).toBe(-1);
  });
});
