import { describe, expect, it } from "vitest";
import { chartCsv, chartFileName, exportLines, filtersLine, wrapText } from "./chart-export";
import { EXCEL_FR } from "./csv";

describe("chart export text", () => {
  it("names the file after the chart and the date of its data", () => {
    expect(chartFileName("idps-by-region", "2021-09-30", "2026-11-25", "png")).toBe("idps-by-region_2021-09-30.png");
    expect(chartFileName("CH phase: Mopti/Gao", null, "2026-11-25", "svg")).toBe("ch-phase-mopti-gao_2026-11-25.svg");
    expect(chartFileName("***", null, "2026-11-25", "csv")).toBe("chart_2026-11-25.csv");
  });

  it("writes the active filters as one line, none when there are none", () => {
    expect(filtersLine("?region=ML05&region=ML06&from=2020-01-01", { filters: "Filters" })).toBe("Filters: from: 2020-01-01 · region: ML05, ML06");
    expect(filtersLine("", { filters: "Filtres" })).toBe("");
    expect(filtersLine("?region=ML05", { filters: "Filtres" }, "fr")).toBe("Filtres\u202f: region\u202f: ML05");
  });

  it("puts title, unit and filters above; source, date and credit below", () => {
    expect(exportLines({ title: "IDPs by region", unit: "people", filters: "", source: "Source: IOM DTM", asOf: "Data as of 30 Sept 2021", credit: "Situation Room · exported 2026-11-25" })).toEqual({
      header: ["IDPs by region", "people"],
      footer: ["Source: IOM DTM", "Data as of 30 Sept 2021", "Situation Room · exported 2026-11-25"],
    });
  });

  it("writes the chart's table as CSV with missing values empty, never 0", () => {
    const csv = chartCsv([{ key: "date", label: "Date" }, { key: "ML05", label: "Mopti" }], [{ date: "2021-09-30", ML05: 159027 }, { date: "2021-12-31", ML05: null }]);
    expect(csv).toBe("\uFEFFDate,Mopti\r\n2021-09-30,159027\r\n2021-12-31,\r\n");
  });

  it("writes it for French Excel too: semicolons and decimal commas", () => {
    const csv = chartCsv([{ key: "date", label: "Date" }, { key: "cov", label: "Couverture; %" }], [{ date: "2021-09-30", cov: 43.7 }], EXCEL_FR);
    expect(csv).toBe('\uFEFFDate;"Couverture; %"\r\n2021-09-30;43,7\r\n');
    expect(chartFileName("funding", "2026-04-18", "2026-11-25", "excel-fr.csv")).toBe("funding_2026-04-18.excel-fr.csv");
  });

  it("wraps a long line at spaces to the width, and cuts a word longer than a line", () => {
    const measure = (s: string) => s.length * 10; // 10 px per character
    expect(wrapText("Source: IOM DTM; UNHCR (3 publications)", 160, measure)).toEqual(["Source: IOM DTM;", "UNHCR (3", "publications)"]);
    expect(wrapText("short", 160, measure)).toEqual(["short"]);
    expect(wrapText("https://example.org/x", 100, measure)).toEqual(["https://ex", "ample.org/", "x"]);
    for (const line of wrapText("a ".repeat(200) + "z".repeat(55), 300, measure)) expect(measure(line)).toBeLessThanOrEqual(300);
  });
});
