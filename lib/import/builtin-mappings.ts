// Mappings for the publications Mali analysts import most, recognised by
// their header row (see ../shared/data/SOURCES.md for each file's layout).
import type { Column, ImportMappingInput } from "./mapping";
import type { Detected } from "./detect-mapping";

export interface BuiltinMapping {
  id: string;
  name: string;
  detect: (columns: Column[]) => boolean;
  /** True when the file's own HXL tags would mis-map it (rows per sex and age, several stocks). */
  overridesHxl?: boolean;
  build: (options: { year?: number }) => Detected;
}

const hasHeaders = (columns: Column[], ...names: string[]) => names.every((n) => columns.some((c) => c.header.trim().toLowerCase() === n.toLowerCase()));

function ftsPlans(): ImportMappingInput {
  return {
    // Mali's plans only (HMLI24...); "Not specified" rows are funding outside any plan.
    filters: [{ column: "countryCode", equals: "MLI" }, { column: "code", matches: "^[HC]MLI\\d{2}$" }],
    region: { fixed: "ML" },
    period: { start: "startDate", end: "endDate" },
    values: [
      { column: "requirements", indicator: "funding_required" },
      { column: "funding", indicator: "funding_funded" },
    ],
    derive: ["funding"],
  };
}

/** The first whose header matches wins: more specific layouts come first. */
export const BUILTIN_MAPPINGS: BuiltinMapping[] = [
  {
    id: "fts-cluster",
    name: "OCHA FTS requirements and funding by cluster",
    detect: (c) => hasHeaders(c, "countryCode", "code", "startDate", "endDate", "cluster", "requirements", "funding"),
    build: () => {
      return { name: "OCHA FTS requirements and funding by cluster", mapping: { ...ftsPlans(), sector: { column: "cluster" } } };
    },
  },
  {
    id: "fts",
    name: "OCHA FTS requirements and funding",
    detect: (c) => hasHeaders(c, "countryCode", "code", "startDate", "endDate", "requirements", "funding"),
    build: () => ({ name: "OCHA FTS requirements and funding", mapping: ftsPlans() }),
  },
  {
    id: "cadre-harmonise",
    name: "Cadre Harmonisé (HDX export)",
    detect: (c) => hasHeaders(c, "adm1_pcod2", "chtype", "reference_label", "reference_year", "phase35", "usethisperiod"),
    build: () => ({
      name: "Cadre Harmonisé (HDX export)",
      mapping: {
        // Superseded projections are marked usethisperiod = N; rows without phases were not analysed.
        filters: [{ column: "usethisperiod", equals: "Y" }, { column: "phase35", notEmpty: true }],
        region: { code: "adm1_pcod2", level: 1 },
        period: { label: "reference_label", year: "reference_year" },
        status: { column: "chtype" },
        values: [
          ...[1, 2, 3, 4, 5].map((p) => ({ column: `phase${p}`, indicator: "ch_population_by_phase", chPhase: p })),
          { column: "phase35", indicator: "ch_phase3plus" },
        ],
      },
    }),
  },
  {
    id: "hno",
    name: "OCHA HPC people in need (HNO data)",
    detect: (c) => hasHeaders(c, "Admin 1 PCode", "Admin 2 PCode", "Sector", "Gender", "Age Range", "Population Group", "In Need"),
    overridesHxl: true,
    build: ({ year }) =>
      year === undefined
        ? { name: null, reason: "This HNO file does not say which year it covers: give the year (--year 2024)" }
        : {
            name: "OCHA HPC people in need (HNO data)",
            mapping: {
              // Intersectoral totals only (people are not summed across sectors), by cercle, added up into regions.
              filters: [
                { column: "Sector", equals: "ALL" },
                { column: "Gender", equals: "a" },
                { column: "Age Range", equals: "ALL" },
                { column: "Population Group", equals: "ALL" },
                { column: "Admin 2 PCode", notEmpty: true },
              ],
              region: { code: "Admin 1 PCode", level: 1 },
              period: { fixedStart: `${year}-01-01`, fixedEnd: `${year}-12-31` },
              values: [
                { column: "In Need", indicator: "people_in_need" },
                { column: "Targeted", indicator: "people_targeted" },
              ],
            },
          },
  },
  {
    id: "idmc",
    name: "IDMC internal displacement (GIDD)",
    detect: (c) => hasHeaders(c, "ISO3", "Year", "Conflict Stock Displacement (Raw)"),
    overridesHxl: true,
    build: () => ({
      name: "IDMC internal displacement (GIDD)",
      mapping: {
        filters: [{ column: "ISO3", equals: "MLI" }],
        region: { fixed: "ML" },
        // A stock counted at the end of each year.
        period: { yearEnd: "Year" },
        values: [{ column: "Conflict Stock Displacement (Raw)", indicator: "idps" }],
      },
    }),
  },
];
