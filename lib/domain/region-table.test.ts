import { describe, expect, it } from "vitest";
import { nextSort, parseTableSort, sortRegionRows, type SortableRow } from "./region-table";

const COLUMNS = ["name", "idps", "idps_rate", "population"] as const;
const row = (name: string, idps: number | null, rate: number | null): SortableRow => ({ name, values: { idps, idps_rate: rate, population: 1 } });

describe("parseTableSort", () => {
  it("reads a known column and direction from the query", () => {
    expect(parseTableSort({ sort: "idps_rate", dir: "desc" }, COLUMNS)).toEqual({ column: "idps_rate", dir: "desc" });
    expect(parseTableSort({ sort: ["idps", "x"], dir: "asc" }, COLUMNS)).toEqual({ column: "idps", dir: "asc" });
  });

  it("falls back to the regions by name, A to Z, for anything else", () => {
    expect(parseTableSort({}, COLUMNS)).toEqual({ column: "name", dir: "asc" });
    expect(parseTableSort({ sort: "drop table", dir: "sideways" }, COLUMNS)).toEqual({ column: "name", dir: "asc" });
    expect(parseTableSort({ sort: "idps" }, COLUMNS)).toEqual({ column: "idps", dir: "desc" });
  });
});

describe("sortRegionRows", () => {
  const rows = [row("Mopti", 159_027, 6.3), row("Gao", 97_859, 14.6), row("Kayes", null, null), row("Bamako", 0, 0)];

  it("sorts by a column either way, and keeps regions without a value last both ways", () => {
    expect(sortRegionRows(rows, { column: "idps_rate", dir: "desc" }, "en").map((r) => r.name)).toEqual(["Gao", "Mopti", "Bamako", "Kayes"]);
    expect(sortRegionRows(rows, { column: "idps_rate", dir: "asc" }, "en").map((r) => r.name)).toEqual(["Bamako", "Mopti", "Gao", "Kayes"]);
    expect(sortRegionRows(rows, { column: "idps", dir: "desc" }, "en").map((r) => r.name)).toEqual(["Mopti", "Gao", "Bamako", "Kayes"]);
  });

  it("sorts names in the reader's language, ties by name", () => {
    const named = [row("Ségou", 1, 1), row("Sikasso", 1, 1), row("Ménaka", 1, 1), row("Mopti", 1, 1)];
    expect(sortRegionRows(named, { column: "name", dir: "asc" }, "fr").map((r) => r.name)).toEqual(["Ménaka", "Mopti", "Ségou", "Sikasso"]);
    expect(sortRegionRows(named, { column: "idps", dir: "desc" }, "fr").map((r) => r.name)).toEqual(["Ménaka", "Mopti", "Ségou", "Sikasso"]);
    expect(sortRegionRows(named, { column: "name", dir: "desc" }, "fr").map((r) => r.name)).toEqual(["Sikasso", "Ségou", "Mopti", "Ménaka"]);
  });
});

describe("nextSort", () => {
  it("flips the shown column, starts a number column largest first and the names A to Z", () => {
    expect(nextSort({ column: "idps", dir: "desc" }, "idps")).toEqual({ column: "idps", dir: "asc" });
    expect(nextSort({ column: "idps", dir: "asc" }, "idps")).toEqual({ column: "idps", dir: "desc" });
    expect(nextSort({ column: "name", dir: "asc" }, "idps_rate")).toEqual({ column: "idps_rate", dir: "desc" });
    expect(nextSort({ column: "idps", dir: "desc" }, "name")).toEqual({ column: "name", dir: "asc" });
  });
});
