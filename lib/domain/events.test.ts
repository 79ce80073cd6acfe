import { describe, expect, it } from "vitest";
import { concerns, eventLabel, eventMarkers, eventTitle, overlaps, rowsWithEventDates, yearMarkers, type EventDto, eventRegionsOf } from "./events";

const event = (id: number, startDate: string, endDate: string | null = null, region: string | null = null): EventDto => ({
  id,
  title: `Event ${id}`,
  titleFr: id === 1 ? `Événement ${id}` : null,
  startDate,
  endDate,
  region,
  sourceUrl: "https://press.un.org/",
  note: null,
  version: 1,
  createdBy: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
});

describe("eventMarkers: the events within a chart's dates", () => {
  const dates = ["2020-03-31", "2020-12-31", "2021-06-30"];

  it("keeps the days within the first and last date, bounds included, and leaves out the others", () => {
    const markers = eventMarkers([event(2, "2020-08-18"), event(3, "2012-03-22"), event(4, "2021-06-30"), event(5, "2021-07-01"), event(6, "2020-03-31")], dates, "en");
    expect(markers.map((m) => [m.id, m.x1, m.x2])).toEqual([
      [6, "2020-03-31", null],
      [2, "2020-08-18", null],
      [4, "2021-06-30", null],
    ]);
  });

  it("cuts a period to the chart's dates and keeps one that spans all of them", () => {
    const markers = eventMarkers([event(7, "2019-01-01", "2020-06-01"), event(8, "2021-01-09", "2022-07-03"), event(9, "2013-01-11", "2023-12-31"), event(10, "2018-01-01", "2019-12-31")], dates, "en");
    expect(markers.map((m) => [m.id, m.x1, m.x2])).toEqual([
      [9, "2020-03-31", "2021-06-30"],
      [7, "2020-03-31", "2020-06-01"],
      [8, "2021-01-09", "2021-06-30"],
    ]);
    // The event keeps its own dates for its label and the table view.
    expect(markers[0]).toMatchObject({ startDate: "2013-01-11", endDate: "2023-12-31" });
  });

  it("draws a period that starts on the last date as a line there", () => {
    expect(eventMarkers([event(11, "2021-06-30", "2021-12-31")], dates, "en")[0]).toMatchObject({ x1: "2021-06-30", x2: null });
  });

  it("has nothing to mark on a chart with no dates", () => {
    expect(eventMarkers([event(2, "2020-08-18")], [], "en")).toEqual([]);
  });

  it("titles an event in French where it has a French title", () => {
    expect(eventMarkers([event(1, "2020-08-18")], dates, "fr")[0]!.title).toBe("Événement 1");
    expect(eventTitle({ title: "Coup", titleFr: null }, "fr")).toBe("Coup");
    expect(eventTitle({ title: "Coup", titleFr: "Coup d'État" }, "en")).toBe("Coup");
  });
});

describe("which events a chart shows", () => {
  it("shows a region's own events and the national ones, never another region's", () => {
    expect(concerns({ region: null }, [])).toBe(true);
    expect(concerns({ region: "ML05" }, ["ML05", "ML07"])).toBe(true);
    expect(concerns({ region: "ML08" }, ["ML05", "ML07"])).toBe(false);
    expect(concerns({ region: "ML08" }, [])).toBe(false);
  });
  it("overlaps with open bounds", () => {
    expect(overlaps({ startDate: "2022-01-09", endDate: "2022-07-03" }, "2022-07-03")).toBe(true);
    expect(overlaps({ startDate: "2022-01-09", endDate: "2022-07-03" }, "2022-07-04")).toBe(false);
    expect(overlaps({ startDate: "2022-01-09", endDate: null }, undefined, "2022-01-08")).toBe(false);
  });
});

describe("rowsWithEventDates", () => {
  it("adds an empty row (nulls, not zeros) for a marker between two observations, in date order", () => {
    const rows = [
      { date: "2020-03-31", ML: 1 },
      { date: "2020-12-31", ML: 2 },
    ];
    const markers = eventMarkers([event(2, "2020-08-18"), event(3, "2020-12-31")], rows.map((r) => r.date), "en");
    expect(rowsWithEventDates(rows, markers)).toEqual([
      { date: "2020-03-31", ML: 1 },
      { date: "2020-08-18", ML: null },
      { date: "2020-12-31", ML: 2 },
    ]);
  });
});

describe("eventLabel", () => {
  it("says the title and the day, or the period, in the reader's format", () => {
    expect(eventLabel({ title: "Coup", startDate: "2020-08-18", endDate: null }, "fr")).toBe("Coup (18/08/2020)");
    expect(eventLabel({ title: "Sanctions", startDate: "2022-01-09", endDate: "2022-07-03" }, "en")).toBe("Sanctions (9 Jan 2022 – 3 Jul 2022)");
  });
});

describe("yearMarkers (a bar per plan year)", () => {
  it("puts a day on its year's bar and a period across its years' bars, leaving out years the chart lacks and events outside", () => {
    const markers = yearMarkers([event(2, "2020-08-18"), event(8, "2022-01-09", "2023-07-03"), event(3, "2012-03-22"), event(12, "2021-05-24")], ["2020", "2022", "2023", "2024"], "en");
    expect(markers.map((m) => [m.id, m.x1, m.x2])).toEqual([
      [2, "2020", null],
      [8, "2022", "2023"],
    ]);
  });
});

describe("eventRegionsOf", () => {
  it("gives each place's region once (a cercle's parent) and none for the country", () => {
    expect(eventRegionsOf(["ML05", "ML0501", "ML0502", "ML07"])).toEqual(["ML05", "ML07"]);
    expect(eventRegionsOf(["ML"])).toEqual([]);
  });
});
