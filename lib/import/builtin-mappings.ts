// Mappings for the publications Mali analysts import most, recognised by
// their header row (../shared/data/SOURCES.md has each file's layout), and
// the choice of a mapping for a file: HXL tags, else a built-in, else none.
import { findColumn, type Column, type Detected, type ImportMappingInput } from "./mapping";
import { mappingFromHxl, type HxlOptions, type IndicatorTag } from "./hxl-mapping";
import type { ImportProblem } from "./problems";
import { parseCellDate } from "./cells";

/** A template of CH_SOURCE filled from a row's cells (a cell without its word leaves the text out). */
function filled(spec: { template: string; words: Record<string, Record<string, string>> }, cell: (column: string) => string): string | undefined {
  let complete = true;
  const text = spec.template.replace(/\{([^{}]+)\}/g, (_, column: string) => {
    const value = cell(column);
    const words = spec.words[column];
    const word = words ? (Object.hasOwn(words, value) ? words[value] : undefined) : value;
    if (word === undefined) complete = false;
    return word ?? "";
  });
  return complete ? text : undefined;
}

export interface BuiltinMapping {
  id: string;
  name: string;
  /** The dataset its figures belong to (prisma/seed-data/datasets.ts). */
  dataset: string;
  detect: (columns: Column[]) => boolean;
  /** True when the file's own HXL tags would mis-map it (rows per sex and age, several stocks). */
  overridesHxl?: boolean;
  /**
   * The publication's own source (organisation, title, URL, date), read off one of its rows and
   * the file name: the import's source when the user types none (each field the user types wins).
   */
  source?: (cell: (column: string) => string, context: { fileName: string; year?: number }) => PublicationSource;
  /** The mapping, or why the caller must say more (HNO: which year). */
  mapping: (columns: Column[], options: HxlOptions) => ImportMappingInput | { reason: string; problem?: ImportProblem };
}

/** A publication's source as far as it can tell; what is missing the user gives (or the defaults: the file name, today). */
export interface PublicationSource {
  organisation?: string;
  title?: string;
  url?: string;
  date?: string;
}

const FTS_SOURCE: PublicationSource = {
  organisation: "OCHA Financial Tracking Service (FTS)",
  title: "Mali: humanitarian response plan requirements and funding (HDX download)",
  url: "https://data.humdata.org/dataset/fts-requirements-and-funding-data-for-mali",
};

const has = (columns: Column[], ...names: string[]) => names.every((n) => findColumn(columns, n));
/** The first of `names` the file has (publications renamed columns between rounds). */
const oneOf = (columns: Column[], ...names: string[]) => names.find((n) => findColumn(columns, n));

/** FTS: Mali's own plans only (HMLI24, CMLI12…); "Not specified" rows are funding outside any plan. */
const ftsPlans = (sector?: string): ImportMappingInput => ({
  filters: [
    { column: "countryCode", equals: "MLI", reason: "other country" },
    // Mali's plan codes: H (humanitarian response plan) or C (consolidated appeal), MLI, the year (HMLI24, CMLI12).
    { anyOf: [{ column: "code", startsWith: "HMLI" }, { column: "code", startsWith: "CMLI" }], reason: "not a Mali response plan (regional appeal or funding outside a plan)" },
  ],
  region: { fixed: "ML" },
  period: { start: "startDate", end: "endDate" },
  values: [
    { column: "requirements", indicator: "funding_required" },
    // An empty funding cell is no figure, even beside a requirement (FTS writes 0 where it means
    // 0): no funding, hence no unmet or coverage, as the seed build reads it.
    { column: "funding", indicator: "funding_funded" },
  ],
  ...(sector ? { sector: { column: sector } } : {}),
  // percentFunded is not read: coverage is recomputed from the amounts (DOMAIN.md).
  derive: ["funding"],
});

const DTM_IDPS = ["Total No# of IDPs Ind#", "Total No. of IDPs Ind."];

/**
 * Each Cadre Harmonisé row names its analysis cycle (exercise), so its figures
 * cite that analysis, as the seed does (scripts/build-seed-data.ts): a re-import
 * of the export changes no figure's source. The March cycle analyses Jan–May,
 * the November cycle Sep–Dec.
 */
export const CH_SOURCE = {
  organisation: "Cadre Harmonisé (CILSS, RPCA) via the Food Security and Nutrition Working Group West and Central Africa",
  url: "https://data.humdata.org/dataset/cadre-harmonise",
  title: { template: "Cadre Harmonisé — Mali, {exercise_label} {exercise_year} analysis, population by phase", words: { exercise_label: { "Jan-May": "March", "Sep-Dec": "November" } } },
  date: { template: "{exercise_year}-{exercise_label}", words: { exercise_label: { "Jan-May": "03-31", "Sep-Dec": "11-30" } } },
};

/** The first whose header matches wins: more specific layouts come first. */
export const BUILTIN_MAPPINGS: BuiltinMapping[] = [
  {
    id: "fts-cluster",
    dataset: "ocha-fts",
    name: "OCHA FTS requirements and funding by cluster",
    detect: (c) => has(c, "countryCode", "code", "startDate", "endDate", "cluster", "requirements", "funding"),
    source: () => FTS_SOURCE,
    mapping: () => ftsPlans("cluster"),
  },
  {
    id: "fts",
    dataset: "ocha-fts",
    name: "OCHA FTS requirements and funding",
    detect: (c) => has(c, "countryCode", "code", "startDate", "endDate", "requirements", "funding"),
    source: () => FTS_SOURCE,
    mapping: () => ftsPlans(),
  },
  {
    id: "cadre-harmonise",
    dataset: "cadre-harmonise",
    name: "Cadre Harmonisé (HDX export)",
    detect: (c) => has(c, "adm0_name", "adm1_pcod2", "chtype", "exercise_label", "exercise_year", "reference_label", "reference_year", "phase35", "usethisperiod"),
    // Each row names its own (the mapping's source fields); this is the first row's, to show.
    source: (cell) => ({ organisation: CH_SOURCE.organisation, url: CH_SOURCE.url, title: filled(CH_SOURCE.title, cell), date: filled(CH_SOURCE.date, cell) }),
    mapping: () => ({
      filters: [
        { column: "adm0_name", equals: "Mali", reason: "other country" }, // the full export covers every CH country
        { column: "usethisperiod", equals: "Y", reason: "superseded projection (usethisperiod = N)" },
        { column: "phase35", notEmpty: true, reason: "area not analysed (no phase figures)" },
      ],
      // Cercle (and Bamako commune) rows, added up into their region.
      region: { code: "adm1_pcod2", level: 1 },
      period: { label: "reference_label", year: "reference_year" },
      status: { column: "chtype" },
      values: [
        ...[1, 2, 3, 4, 5].map((p) => ({ column: `phase${p}`, indicator: "ch_population_by_phase", chPhase: p })),
        { column: "phase35", indicator: "ch_phase3plus" },
      ],
      source: { fixed: CH_SOURCE.organisation },
      sourceTitle: CH_SOURCE.title,
      sourceUrl: { fixed: CH_SOURCE.url },
      sourceDate: CH_SOURCE.date,
    }),
  },
  {
    id: "hno",
    dataset: "ocha-hno",
    name: "OCHA HPC people in need (HNO data)",
    detect: (c) => has(c, "Admin 1 PCode", "Admin 2 PCode", "Sector", "Gender", "Age Range", "Population Group", "In Need"),
    overridesHxl: true,
    source: (_, { year }) => ({
      organisation: "OCHA (Humanitarian Programme Cycle)",
      ...(year ? { title: `Mali — Humanitarian Needs and Response Plan ${year}: people in need and targeted (HNO data for MLI)` } : {}),
      url: "https://data.humdata.org/dataset/mali-humanitarian-needs",
    }),
    // The file says nowhere which year it covers (no date column, a generic
    // file name): the caller gives it (--year, the form's year field) rather
    // than a guess from today's date landing figures on the wrong plan year.
    mapping: (_, { year, level }) => {
      if (year === undefined) return { reason: "this HNO file does not say which year it covers: give the year (e.g. 2024)", problem: { code: "needs_year" } };
      const byCercle = level === 2;
      return {
        // Intersectoral totals only: people are not summed across sectors, sexes or ages.
        filters: [
          { column: "Sector", equals: "ALL", reason: "a sector's figure (the intersectoral ALL is imported)" },
          { column: "Gender", equals: "a", reason: "a figure by sex" },
          { column: "Age Range", equals: "ALL", reason: "a figure by age" },
          { column: "Population Group", equals: "ALL", reason: "a population group's figure" },
          // Regions are the sum of their cercles; the national row (no admin 1) is the published total, kept as is.
          byCercle
            ? { column: "Admin 2 PCode", notEmpty: true, reason: "not a cercle" }
            : { anyOf: [{ column: "Admin 2 PCode", notEmpty: true }, { column: "Admin 1 PCode", equals: "" }], reason: "a region row (its cercles are added up instead)" },
        ],
        region: byCercle ? { code: "Admin 2 PCode", level: 2 } : { code: "Admin 1 PCode", level: 1, fixed: "ML" },
        period: { fixedStart: `${year}-01-01`, fixedEnd: `${year}-12-31` },
        values: [
          { column: "In Need", indicator: "people_in_need" },
          { column: "Targeted", indicator: "people_targeted" },
        ],
      };
    },
  },
  {
    id: "idmc",
    dataset: "idmc-gidd",
    name: "IDMC internal displacement (GIDD)",
    detect: (c) => has(c, "ISO3", "Year", "Conflict Stock Displacement (Raw)"),
    overridesHxl: true, // its tags (#affected+idps+ind+stock+conflict…) name several stocks and flows
    source: () => ({
      organisation: "Internal Displacement Monitoring Centre (IDMC)",
      title: "Global Internal Displacement Database (GIDD): conflict IDP stock, Mali",
      url: "https://data.humdata.org/dataset/idmc-internally-displaced-persons-idps",
    }),
    mapping: () => ({
      filters: [{ column: "ISO3", equals: "MLI", reason: "other country" }],
      region: { fixed: "ML" },
      // The conflict stock as counted at the end of each year; the unrounded (Raw) column.
      period: { yearEnd: "Year" },
      values: [{ column: "Conflict Stock Displacement (Raw)", indicator: "idps" }],
    }),
  },
  {
    id: "iom-dtm-baseline",
    dataset: "iom-dtm-mali",
    name: "IOM DTM Mali baseline assessment",
    detect: (c) => has(c, "Snapshot Date", "Admin 1 pcode") && !!oneOf(c, ...DTM_IDPS),
    // As the seed cites each round; the round is in the file's name (…_round_72.xlsx), the snapshot in its rows.
    source: (cell, { fileName }) => {
      const round = /round[\s_-]*(\d+)/i.exec(fileName)?.[1];
      const date = parseCellDate(cell("Snapshot Date")) ?? undefined;
      const snapshot = date ? ` (snapshot ${date})` : "";
      return {
        organisation: "International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)",
        title: `Mali — Baseline Assessment${round ? `, round ${round}` : ""}${snapshot}`,
        url: "https://data.humdata.org/dataset/mali-baseline-assessment-data-iom-dtm",
        ...(date ? { date } : {}),
      };
    },
    // Commune and cercle rows, added up into their region (or cercle) at the snapshot date.
    mapping: (c, options) => {
      const column = (indicator: string, ...names: string[]) => {
        const found = oneOf(c, ...names);
        return found ? [{ column: found, indicator }] : [];
      };
      // Cercles when asked for and the file has them (its Admin 2 columns); else the regions' sums.
      const cercles = options.level === 2 && has(c, "Admin 2 pcode");
      return {
        region: cercles ? { code: "Admin 2 pcode", ...(has(c, "Admin 2") ? { name: "Admin 2" } : {}), level: 2 } : { code: "Admin 1 pcode", name: "Admin 1", level: 1 },
        period: { date: "Snapshot Date" },
        values: [
          ...column("idps", ...DTM_IDPS),
          ...column("idp_households", "Total No# of IDPs HH", "Total No. of IDPs HH"),
          ...column("returnees", "Total No# of Returnees Ind#", "Total No. of Returnees Ind."),
        ],
      };
    },
  },
];

/**
 * HXL tags first; but a known publication whose tags would mislead wins over
 * them (HNO: one row per sex and age), and one without tags is recognised by
 * its header. Otherwise no mapping: the user maps the columns.
 */
export function detectMapping(columns: Column[], indicators: IndicatorTag[], options: HxlOptions = {}): Detected {
  const builtin = BUILTIN_MAPPINGS.find((b) => b.detect(columns));
  const tagged = columns.some((c) => c.tag);
  if (builtin && (builtin.overridesHxl || !tagged)) {
    const mapping = builtin.mapping(columns, options);
    if ("reason" in mapping) return { name: null, reason: mapping.reason, ...(mapping.problem ? { problem: mapping.problem } : {}) };
    return { name: builtin.name, mapping: { dataset: { fixed: builtin.dataset }, ...mapping }, publication: builtin.id };
  }
  if (tagged) return mappingFromHxl(columns, indicators, options);
  return { name: null, reason: "the file has no HXL hashtag row and is not a known publication: map its columns", problem: { code: "no_mapping" } };
}
