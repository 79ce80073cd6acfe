import { describe, expect, it } from "vitest";
import { scopeSummary } from "./scope-summary";

const names: Record<string, string> = { ML05: "Mopti", ML04: "Ségou" };
const words = { everywhere: "Everywhere", datasets: (n: number) => `${n} dataset${n === 1 ? "" : "s"}`, readingLimited: "reading limited" };
const say = (regions: string[], datasets: string[], readScoped: boolean) => scopeSummary({ regions, datasets, readScoped }, (p) => names[p] ?? p, words);

describe("scopeSummary", () => {
  it("names the regions, counts the datasets and says when reading is limited", () => {
    expect(say(["ML05", "ML04"], ["a-set", "b-set"], true)).toBe("Mopti, Ségou · 2 datasets · reading limited");
    expect(say(["ML05"], [], false)).toBe("Mopti");
    expect(say([], ["a-set"], false)).toBe("1 dataset");
  });

  it("says Everywhere without a limit, read-scoped or not", () => {
    expect(say([], [], false)).toBe("Everywhere");
    expect(say([], [], true)).toBe("Everywhere");
  });
});
