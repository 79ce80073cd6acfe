import { describe, expect, it } from "vitest";
import { mayLeaveDatasetToSource, writableDatasets, writablePlaces } from "./scope-options";
import { UNSCOPED } from "./scope";

const places = [
  { pcode: "ML", level: 0, parent: null },
  { pcode: "ML05", level: 1, parent: "ML" },
  { pcode: "ML0501", level: 2, parent: "ML05" },
  { pcode: "ML07", level: 1, parent: "ML" },
  { pcode: "ML0701", level: 2, parent: "ML07" },
];
const datasets = [{ code: "iom-dtm-mali" }, { code: "ocha-fts" }];

describe("writablePlaces", () => {
  it("offers a region-scoped writer their regions and cercles, never the country", () => {
    expect(writablePlaces({ regions: ["ML05"], datasets: [], readScoped: false }, places).map((p) => p.pcode)).toEqual(["ML05", "ML0501"]);
  });

  it("offers an unscoped writer, or one scoped by dataset only, every place with the country", () => {
    expect(writablePlaces(UNSCOPED, places)).toEqual(places);
    expect(writablePlaces({ regions: [], datasets: ["ocha-fts"], readScoped: true }, places)).toEqual(places);
  });
});

describe("writableDatasets", () => {
  it("offers a dataset-scoped writer their datasets only, and never a dataset left to the source", () => {
    const scope = { regions: [], datasets: ["ocha-fts"], readScoped: false };
    expect(writableDatasets(scope, datasets)).toEqual([{ code: "ocha-fts" }]);
    expect(mayLeaveDatasetToSource(scope)).toBe(false);
  });

  it("offers every dataset without a dataset limit", () => {
    expect(writableDatasets({ regions: ["ML05"], datasets: [], readScoped: false }, datasets)).toEqual(datasets);
    expect(mayLeaveDatasetToSource(UNSCOPED)).toBe(true);
  });
});
