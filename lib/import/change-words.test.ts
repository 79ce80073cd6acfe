import { describe, expect, it } from "vitest";
import { changeKind, changeParts, previewValue, sourceText, type ChangeFacts, type SourceRef } from "./change-words";

const a: SourceRef = { organisation: "IOM DTM", title: "Round 12", url: "https://dtm.iom.int/", date: "2014-12-31" };
const b: SourceRef = { organisation: "IDMC", title: "GRID 2025", url: "https://www.internal-displacement.org/", date: "2025-05-13" };
const fmt = (v: number) => previewValue(v, "people", "en");

function facts(value: number, sourceDetail: SourceRef, note: string | null, old: ChangeFacts["old"]): ChangeFacts {
  return { value, sourceDetail, note, old };
}

describe("changeKind", () => {
  it("is the value for a new figure or a new value, else the source, else the note", () => {
    expect(changeKind(facts(5, a, null, null))).toBe("value");
    expect(changeKind(facts(230_001, b, null, { value: 230_000, sourceDetail: a, note: null }))).toBe("value");
    expect(changeKind(facts(230_000, b, "x", { value: 230_000, sourceDetail: a, note: null }))).toBe("source");
    expect(changeKind(facts(230_000, { ...a, date: "2015-01-05" }, null, { value: 230_000, sourceDetail: a, note: null }))).toBe("source");
    expect(changeKind(facts(230_000, a, "checked", { value: 230_000, sourceDetail: a, note: null }))).toBe("note");
  });
});

describe("changeParts", () => {
  it("says the value stays and the source changes, when only the source changes", () => {
    expect(changeParts(facts(230_000, b, null, { value: 230_000, sourceDetail: a, note: null }), fmt)).toEqual([
      { key: "valueStays", values: { value: "230,000" } },
      { key: "sourceChanges", values: { from: "IOM DTM — Round 12 (2014-12-31)", to: "IDMC — GRID 2025 (2025-05-13)" } },
    ]);
  });

  it("gives old and new values, a new figure's value, and note changes", () => {
    expect(changeParts(facts(61_621, a, "n", { value: 61_600, sourceDetail: a, note: "n" }), fmt)).toEqual([{ key: "valueChanges", values: { from: "61,600", to: "61,621" } }]);
    expect(changeParts(facts(116_012.3024, a, null, null), fmt)).toEqual([{ key: "created", values: { value: "116,012.3024" } }]);
    expect(changeParts(facts(1, a, "new", { value: 1, sourceDetail: a, note: "old" }), fmt)).toEqual([
      { key: "valueStays", values: { value: "1" } },
      { key: "noteChanges", values: { from: "old", to: "new" } },
    ]);
    expect(changeParts(facts(1, a, "new", { value: 1, sourceDetail: a, note: null }), fmt)).toEqual([{ key: "valueStays", values: { value: "1" } }, { key: "noteAdded", values: { to: "new" } }]);
  });

  it("names the URLs when they are all two sources differ by", () => {
    expect(sourceText(a, { ...a, url: "" })).toBe("IOM DTM — Round 12 (2014-12-31) <https://dtm.iom.int/>");
    expect(sourceText({ ...a, url: "" }, a)).toBe("IOM DTM — Round 12 (2014-12-31) <no URL>");
    expect(sourceText(a, b)).toBe("IOM DTM — Round 12 (2014-12-31)");
  });
});

describe("previewValue", () => {
  it("writes people exactly, money and percentages as the dashboards do, in the reader's language", () => {
    expect(previewValue(116_012.3024, "people", "en")).toBe("116,012.3024");
    expect(previewValue(701_569_941, "usd", "en")).toBe("$701,569,941");
    expect(previewValue(43.7, "percent", "en")).toBe("43.7%");
    expect(previewValue(230_000, "people", "fr")).toMatch(/^230\s000$/);
  });
});
