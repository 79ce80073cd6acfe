// The datasets of the seed: each series one publisher maintains, and each
// one-off report, with the order in which an indicator prefers them. Figures
// of different datasets never overwrite each other, and charts never join
// them into one line (README, "Sources and datasets").
import type { DatasetKind } from "../../lib/generated/prisma/enums";

export interface DatasetSeed {
  code: string;
  name: string;
  publisher: string;
  url: string;
  licence: string;
  kind: DatasetKind;
  /** Days between two publications the publisher aims at; null for reports. */
  cadenceDays: number | null;
  /** Whether writes into it wait for review (issue 17): official publications copied by the coordination team do not. */
  needsReview: boolean;
}

export const DATASETS: DatasetSeed[] = [
  {
    code: "iom-dtm-mali",
    name: "IOM DTM Mali — Baseline Assessment",
    publisher: "International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)",
    url: "https://dtm.iom.int/mali",
    licence: "© IOM: non-commercial use with the credit \"Source: IOM DTM\"; the files are not redistributed, only their regional sums.",
    kind: "series",
    // Baseline rounds came every one to four months in 2019–2021.
    cadenceDays: 90,
    needsReview: false,
  },
  {
    code: "idmc-gidd",
    name: "IDMC Global Internal Displacement Database — Mali, conflict",
    publisher: "Internal Displacement Monitoring Centre (IDMC)",
    url: "https://www.internal-displacement.org/countries/mali",
    licence: "CC BY-IGO (HDX).",
    kind: "series",
    // A year-end stock, published each May in the GRID.
    cadenceDays: 365,
    needsReview: false,
  },
  {
    code: "cadre-harmonise",
    name: "Cadre Harmonisé — Mali, population by phase",
    publisher: "CILSS / RPCA, via the Food Security and Nutrition Working Group West and Central Africa",
    url: "https://data.humdata.org/dataset/cadre-harmonise",
    licence: "CC BY (HDX).",
    kind: "series",
    // Two analysis cycles a year, March and November.
    cadenceDays: 183,
    needsReview: false,
  },
  {
    code: "ocha-fts",
    name: "OCHA FTS — Mali requirements and funding",
    publisher: "OCHA Financial Tracking Service (FTS)",
    url: "https://fts.unocha.org/countries/133/summary",
    licence: "CC BY-IGO (HDX).",
    kind: "series",
    // FTS updates daily; a monthly snapshot is what a funding chart needs.
    cadenceDays: 30,
    needsReview: false,
  },
  {
    code: "ocha-hno",
    name: "OCHA Humanitarian Needs Overview — Mali",
    publisher: "OCHA (Humanitarian Programme Cycle)",
    url: "https://data.humdata.org/dataset/mali-humanitarian-needs",
    licence: "CC BY-IGO (HDX).",
    kind: "series",
    // One HNO per plan year.
    cadenceDays: 365,
    needsReview: false,
  },
  {
    code: "ocha-jiaf",
    name: "OCHA JIAF needs analysis — Mali",
    publisher: "OCHA, Joint Intersectoral Analysis Framework (JIAF)",
    url: "https://data.humdata.org/dataset/global-jiaf",
    licence: "No licence stated by the publisher: internal reference data, cited \"OCHA, JIAF, 2025\".",
    kind: "series",
    cadenceDays: 365,
    needsReview: false,
  },
  {
    code: "cod-ps-mali",
    name: "COD-PS — Mali subnational population",
    publisher: "Direction Nationale de la Population (DNP) Mali, via OCHA COD-PS",
    url: "https://data.humdata.org/dataset/cod-ps-mli",
    licence: "CC BY-IGO (HDX).",
    kind: "series",
    cadenceDays: 365,
    needsReview: false,
  },
  {
    code: "crs-2021",
    name: "CRS In Focus: Crisis in Mali (2021)",
    publisher: "Congressional Research Service",
    url: "https://crsreports.congress.gov/product/pdf/IF/IF10116",
    licence: "Public domain (US government work).",
    kind: "report",
    cadenceDays: null,
    needsReview: false,
  },
  {
    code: "tnh-2022",
    name: "The New Humanitarian: Sieges, sanctions, and soaring hunger (2022)",
    publisher: "The New Humanitarian",
    url: "https://www.thenewhumanitarian.org/news/2022/03/21/Mali-crisis-Barkhane-Sieges-sanctions-hunger-Wagner",
    licence: "© The New Humanitarian: figures cited with the article.",
    kind: "report",
    cadenceDays: null,
    needsReview: false,
  },
  {
    code: "un-s-2021-520",
    name: "UN S/2021/520: letter on MINUSMA (2021)",
    publisher: "United Nations Secretary-General",
    url: "https://undocs.org/S/2021/520",
    licence: "UN document, public.",
    kind: "report",
    cadenceDays: null,
    needsReview: false,
  },
];

/**
 * Which dataset an indicator draws first, then second…; datasets not listed
 * come after these (series before reports). Why, in the README.
 */
const REPORTS = ["crs-2021", "tnh-2022", "un-s-2021-520"];
const DISPLACEMENT = ["iom-dtm-mali", "idmc-gidd", ...REPORTS];
const FOOD = ["cadre-harmonise", ...REPORTS];
const NEEDS = ["ocha-hno", "ocha-jiaf", ...REPORTS];
const FUNDING = ["ocha-fts"];

export const DATASET_PREFERENCES: Record<string, string[]> = {
  idps: DISPLACEMENT,
  idp_households: DISPLACEMENT,
  returnees: DISPLACEMENT,
  refugees: REPORTS,
  ch_population_by_phase: FOOD,
  ch_phase3plus: FOOD,
  people_in_need: NEEDS,
  people_in_need_share: NEEDS,
  people_targeted: NEEDS,
  funding_required: FUNDING,
  funding_funded: FUNDING,
  funding_unmet: FUNDING,
  funding_coverage: FUNDING,
  funding_outside_plan: FUNDING,
  population: ["cod-ps-mali", "ocha-hno"],
  ied_incidents: REPORTS,
  minusma_authorized_personnel: REPORTS,
  minusma_authorized_military: REPORTS,
  minusma_authorized_police: REPORTS,
};
