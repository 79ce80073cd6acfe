import { describe, expect, it } from "vitest";
import { moved, preferenceOrder } from "./preference-order";

const DATASETS = [
  { code: "crs-2021", kind: "report" as const },
  { code: "idmc-gidd", kind: "series" as const },
  { code: "iom-dtm-mali", kind: "series" as const },
  { code: "ocha-fts", kind: "series" as const },
  { code: "tnh-2022", kind: "report" as const },
];

describe("preferenceOrder", () => {
  it("is the stored list, then the other datasets holding figures (series before reports), never the rest", () => {
    expect(preferenceOrder(["iom-dtm-mali", "idmc-gidd"], ["tnh-2022", "idmc-gidd", "iom-dtm-mali", "crs-2021"], DATASETS)).toEqual(["iom-dtm-mali", "idmc-gidd", "crs-2021", "tnh-2022"]);
    expect(preferenceOrder([], ["tnh-2022", "idmc-gidd"], DATASETS)).toEqual(["idmc-gidd", "tnh-2022"]);
    expect(preferenceOrder(["tnh-2022"], [], DATASETS)).toEqual(["tnh-2022"]);
  });
});

describe("moved", () => {
  it("swaps a dataset with its neighbour, and refuses what cannot move", () => {
    const order = ["iom-dtm-mali", "idmc-gidd", "tnh-2022"];
    expect(moved(order, "idmc-gidd", "up")).toEqual(["idmc-gidd", "iom-dtm-mali", "tnh-2022"]);
    expect(moved(order, "idmc-gidd", "down")).toEqual(["iom-dtm-mali", "tnh-2022", "idmc-gidd"]);
    expect(moved(order, "iom-dtm-mali", "up")).toBeNull();
    expect(moved(order, "tnh-2022", "down")).toBeNull();
    expect(moved(order, "ocha-fts", "up")).toBeNull();
    expect(order).toEqual(["iom-dtm-mali", "idmc-gidd", "tnh-2022"]);
  });
});
