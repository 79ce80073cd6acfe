import { describe, expect, it } from "vitest";
import { plainPattern } from "./legacy-patterns";

describe("plainPattern", () => {
  it("reads anchored plain text as equals, starts with or contains, escaped punctuation as itself", () => {
    expect(plainPattern("^MLI$")).toEqual({ test: "equals", values: ["MLI"] });
    expect(plainPattern("^(MLI|ML)$")).toEqual({ test: "equals", values: ["MLI", "ML"] });
    expect(plainPattern("^(?:H|C)MLI")).toBeNull(); // a group then more text: not a list of alternatives
    expect(plainPattern("^(?:HMLI|CMLI)")).toEqual({ test: "startsWith", values: ["HMLI", "CMLI"] });
    expect(plainPattern("Mali \\(West\\)")).toEqual({ test: "contains", values: ["Mali (West)"] });
    expect(plainPattern("^\\$US$")).toEqual({ test: "equals", values: ["$US"] });
    expect(plainPattern("^$")).toEqual({ test: "equals", values: [""] });
  });

  it("has no plain meaning for anything else", () => {
    for (const pattern of ["^(a+)+$", "^[HC]MLI\\d{2}$", "MLI$", "^a|b$", "a.b", "\\bML", "(a)(b)", "^(a|b\\d)$", "x\\"]) {
      expect(plainPattern(pattern), pattern).toBeNull();
    }
  });
});
