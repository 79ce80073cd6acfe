import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./locales";

describe("localeFromAcceptLanguage", () => {
  it("picks the first supported language", () => {
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(localeFromAcceptLanguage("de-DE,en;q=0.5")).toBe("en");
  });
  it("falls back to English", () => {
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage("bm-ML")).toBe("en");
  });
});
