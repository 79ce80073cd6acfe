import { describe, expect, it } from "vitest";
import { sectorName } from "./sector-names";

describe("sectorName", () => {
  it("gives the French name of an FTS cluster, whatever its case and spacing", () => {
    expect(sectorName("Food Security", "fr")).toBe("Sécurité alimentaire");
    expect(sectorName("  water sanitation HYGIENE ", "fr")).toBe("Eau, hygiène et assainissement");
    expect(sectorName("Protection - Mine Action", "fr")).toBe("Protection – Lutte antimines");
  });

  it("keeps English as published, and an unknown sector as written", () => {
    expect(sectorName("Food Security", "en")).toBe("Food Security");
    expect(sectorName("Cash for Work (partner)", "fr")).toBe("Cash for Work (partner)");
  });
});
