import { describe, expect, it } from "vitest";
import { versionOf, type DataVersions } from "./cache";

const versions: DataVersions = { version: "120", structure: "7", counters: { "i:idps": 4, "i:funding_funded": 9, review: 3 } };

describe("versionOf: the version a cached read is keyed by", () => {
  it("takes the structure and the counters of the indicators read, in one order, 0 for one never written", () => {
    expect(versionOf(versions, { indicators: ["idps"] })).toBe("s7:idps=4");
    expect(versionOf(versions, { indicators: ["funding_funded", "idps", "idps"] })).toBe(versionOf(versions, { indicators: ["idps", "funding_funded"] }));
    expect(versionOf(versions, { indicators: ["population"] })).toBe("s7:population=0");
  });

  it("moves for a read of an indicator when that indicator is written, and only then (besides the structure)", () => {
    const fundingWritten = { ...versions, version: "121", counters: { ...versions.counters, "i:funding_funded": 10, review: 4 } };
    expect(versionOf(fundingWritten, { indicators: ["idps"] })).toBe(versionOf(versions, { indicators: ["idps"] }));
    expect(versionOf(fundingWritten, { indicators: ["funding_funded"] })).not.toBe(versionOf(versions, { indicators: ["funding_funded"] }));
    expect(versionOf(fundingWritten, "review")).not.toBe(versionOf(versions, "review"));
    expect(versionOf(fundingWritten, "structure")).toBe(versionOf(versions, "structure"));
    expect(versionOf(fundingWritten, "any")).not.toBe(versionOf(versions, "any"));
    const regionRenamed = { ...versions, version: "122", structure: "8" };
    for (const from of [{ indicators: ["idps"] }, "review", "structure", "any"] as const) expect(versionOf(regionRenamed, from)).not.toBe(versionOf(versions, from));
  });
});
