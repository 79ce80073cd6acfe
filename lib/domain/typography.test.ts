import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { frenchSpacing, NNBSP, typographyViolations } from "./typography";

describe("typographyViolations", () => {
  it("flags a plain space, a no-break space or no space before : ; % ? !", () => {
    for (const text of ["Source :", "a ; b", "29\u00a0%", "Supprimer ?", "Attention!"]) expect(typographyViolations(text), text).toHaveLength(1);
  });
  it("accepts U+202F, URLs, times, a leading sign and ICU placeholders", () => {
    for (const text of [`Source${NNBSP}:`, "https://fts.unocha.org", "à 10:30", "%", `{count, plural, one {# jour} other {# jours}}${NNBSP}!`]) expect(typographyViolations(text), text).toEqual([]);
  });
});

describe("frenchSpacing", () => {
  it("puts U+202F before the high signs, whatever space was there", () => {
    expect(frenchSpacing("Source : x ; 29\u00a0% ?!")).toBe(`Source${NNBSP}: x${NNBSP}; 29${NNBSP}%${NNBSP}?!`);
    expect(frenchSpacing("Attention!")).toBe(`Attention${NNBSP}!`);
    expect(frenchSpacing("https://a.org à 10:30")).toBe("https://a.org à 10:30");
  });
});

// Strings written as typed into code, not French prose.
const CODE = [/Authorization: Bearer/g];

function leaves(node: unknown, key = ""): [string, string][] {
  if (typeof node === "string") return [[key, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, key ? `${key}.${k}` : k));
}

describe("messages/fr.json", () => {
  it("follows the French typography rule in every message", () => {
    const fr = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../messages/fr.json"), "utf8")) as unknown;
    const wrong = leaves(fr).flatMap(([key, text]) => typographyViolations(CODE.reduce((t, re) => t.replace(re, ""), text)).map((v) => `${key}: …${v.excerpt}…`));
    expect(wrong).toEqual([]);
  });
  it("has no English left: no 'vs'", () => {
    const fr = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../messages/fr.json"), "utf8")) as unknown;
    expect(leaves(fr).filter(([, text]) => /\bvs\b/i.test(text)).map(([k]) => k)).toEqual([]);
  });
});
