import { describe, expect, it } from "vitest";
import { tickLines } from "./chart-labels";

describe("tickLines", () => {
  it("keeps a short name on one line", () => {
    expect(tickLines("Santé", 24, 2)).toEqual(["Santé"]);
  });
  it("wraps a long name at spaces into at most two lines, the second cut with an ellipsis", () => {
    expect(tickLines("Abris d'urgence et articles non alimentaires", 24, 2)).toEqual(["Abris d'urgence et", "articles non…"]);
    expect(tickLines("Protection – Violences basées sur le genre", 24, 2)).toEqual(["Protection – Violences", "basées sur le genre"]);
  });
  it("never gives a line longer than the width", () => {
    for (const name of ["Transferts monétaires à usages multiples", "Plusieurs clusters/secteurs (partagé)", "Coordination and support services"]) {
      for (const line of tickLines(name, 24, 2)) expect(line.length).toBeLessThanOrEqual(24);
    }
  });
});
