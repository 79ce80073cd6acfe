// Builds prisma/seed-data/regions.json and figures.json, the project's own
// file of published figures with their citations, from the public Mali data
// in ../shared/data (SOURCES.md there gives licences and quirks) and the
// headline figures of the five source documents (../shared/seeds).
//
//   npm run seed:build [-- --data ../shared/data]
//
// Only aggregates and citations are written: no source file is copied (the
// IOM DTM files may not be redistributed; their regional sums are facts with
// a credit line). Every source names its dataset (prisma/seed-data/datasets.ts),
// and a slot (indicator, region, period, breakdown) holds at most one figure
// per dataset. Rerun after changing this script and commit the output.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { disaggregationKey, type Disaggregation } from "../lib/domain/disaggregation";
import { deriveFunding } from "../lib/domain/funding";
import { DATASETS } from "../prisma/seed-data/datasets";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { data: { type: "string", default: path.resolve(ROOT, "../shared/data") } } });
const DATA = path.resolve(values.data);
const OUT = path.join(ROOT, "prisma/seed-data");

interface RegionSeed {
  pcode: string;
  level: number;
  nameEn: string;
  nameFr: string;
  parent: string | null;
  validFrom?: string;
}
interface SourceSeed {
  organisation: string;
  title: string;
  url: string;
  date: string;
  /** A code of prisma/seed-data/datasets.ts: a figure belongs to its source's dataset. */
  dataset: string;
}
interface FigureSeed {
  indicator: string;
  region: string;
  start: string;
  end: string;
  value: string;
  source: string;
  disaggregation: Disaggregation | null;
  note: string | null;
}

const sources: Record<string, SourceSeed> = {};
const figures: FigureSeed[] = [];
const keys = new Set<string>();

const DATASET_CODES = new Set(DATASETS.map((d) => d.code));

function addSource(key: string, source: SourceSeed): void {
  if (!DATASET_CODES.has(source.dataset)) throw new Error(`source ${key}: unknown dataset ${source.dataset}`);
  sources[key] = source;
}

function addFigure(f: Omit<FigureSeed, "note" | "disaggregation"> & Partial<FigureSeed>): void {
  const figure: FigureSeed = { disaggregation: null, note: null, ...f };
  const source = sources[f.source];
  if (!source) throw new Error(`figure of an unknown source ${f.source}`);
  // One figure per dataset and slot: two datasets may hold the same slot (IDMC and DTM on 31 Dec).
  const key = [source.dataset, f.indicator, f.region, f.start, f.end, disaggregationKey(figure.disaggregation)].join("|");
  if (keys.has(key)) throw new Error(`duplicate figure ${key}`);
  keys.add(key);
  figures.push(figure);
}

/** Exact decimal text with at most 4 places (the column's scale). */
function decimal(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a number: ${n}`);
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10_000) / 10_000);
}

function sum<T>(rows: T[], pick: (row: T) => number): number {
  // Sum in integer ten-thousandths so non-integer CH values add up exactly.
  return rows.reduce((total, row) => total + Math.round(pick(row) * 10_000), 0) / 10_000;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return groups;
}

async function csv(file: string): Promise<Record<string, string>[]> {
  const text = await readFile(path.join(DATA, file), "utf8");
  return parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
}

const num = (text: string | undefined): number => {
  const n = Number(String(text ?? "").trim());
  if (text === undefined || String(text).trim() === "" || Number.isNaN(n)) throw new Error(`not a number: "${text}"`);
  return n;
};

// ---------------------------------------------------------------- regions

const REGION_NAMES: Record<string, { en: string; fr: string }> = {
  ML01: { en: "Kayes", fr: "Kayes" },
  ML02: { en: "Koulikoro", fr: "Koulikoro" },
  ML03: { en: "Sikasso", fr: "Sikasso" },
  ML04: { en: "Ségou", fr: "Ségou" },
  ML05: { en: "Mopti", fr: "Mopti" },
  ML06: { en: "Timbuktu", fr: "Tombouctou" },
  ML07: { en: "Gao", fr: "Gao" },
  ML08: { en: "Kidal", fr: "Kidal" },
  ML09: { en: "Bamako", fr: "Bamako" },
  ML10: { en: "Ménaka", fr: "Ménaka" },
};

/**
 * Ménaka's cercles of the COD-AB of 2021-12-20 (SOURCES.md §10), in the standard
 * French spelling where it has accents (the P-code list writes them all without).
 */
const MENAKA_CERCLES: Record<string, string> = {
  ML1001: "Ménaka",
  ML1002: "Andéramboukane",
  ML1003: "Inékar",
  ML1004: "Tidermène",
};

async function buildRegions(): Promise<RegionSeed[]> {
  const regions: RegionSeed[] = [{ pcode: "ML", level: 0, nameEn: "Mali", nameFr: "Mali", parent: null }];
  for (const [pcode, name] of Object.entries(REGION_NAMES)) {
    // Ménaka became an operational region in 2016 (Loi 2012-017); its 2015
    // cercle keeps the code ML0704 under Gao (older data and the CH up to 2024 use it).
    regions.push({ pcode, level: 1, nameEn: name.en, nameFr: name.fr, parent: "ML", ...(pcode === "ML10" ? { validFrom: "2016-01-19" } : {}) });
  }
  const cercles = await csv("mli-population-codps/population_mli_mli_pop_adm2_v2.csv");
  const level2: RegionSeed[] = cercles.map((row) => {
    const name = row.admin2Name_fr as string;
    return { pcode: row.admin2Pcode as string, level: 2, nameEn: name, nameFr: name, parent: row.admin1Pcode as string };
  });
  // The 2021 P-code list's cercles that the 2015 list lacks: Ménaka's four.
  const known = new Set(level2.map((r) => r.pcode));
  const pcodes2021 = (await csv("mli-boundaries-2021/download-global-pcodes-adm-1-2.csv")).filter((r) => r.Location === "MLI" && r["Admin Level"] === "2");
  for (const row of pcodes2021.filter((r) => !known.has(r["P-Code"] as string))) {
    const pcode = row["P-Code"] as string;
    const name = MENAKA_CERCLES[pcode];
    if (!name) throw new Error(`P-codes 2021: new cercle ${pcode} ${row.Name} has no name here`);
    level2.push({ pcode, level: 2, nameEn: name, nameFr: name, parent: row["Parent P-Code"] as string, validFrom: row["Valid from date"] as string });
  }
  if (level2.length !== cercles.length + Object.keys(MENAKA_CERCLES).length) throw new Error("P-codes 2021: Ménaka's cercles missing");
  return [...regions, ...level2.sort((a, b) => a.pcode.localeCompare(b.pcode))];
}

// --------------------------------------------------- headline figures (seeds)

function headlineFigures(): void {
  addSource("crs_2021", {
    organisation: "Congressional Research Service (citing UN agencies)",
    title: "In Focus: Crisis in Mali (Alexis Arieff)",
    url: "https://crsreports.congress.gov/product/pdf/IF/IF10116",
    date: "2021-06-30",
    dataset: "crs-2021",
  });
  addSource("tnh_2022", {
    organisation: "The New Humanitarian (citing WFP)",
    title: "Sieges, sanctions, and soaring hunger: Mali's humanitarian crisis deepens as foreign forces withdraw",
    url: "https://www.thenewhumanitarian.org/news/2022/03/21/Mali-crisis-Barkhane-Sieges-sanctions-hunger-Wagner",
    // The date in the article's own URL.
    date: "2022-03-21",
    dataset: "tnh-2022",
  });
  addSource("un_s_2021_520", {
    organisation: "United Nations Secretary-General",
    title: "Letter dated 1 June 2021 to the President of the Security Council on MINUSMA (S/2021/520)",
    url: "https://undocs.org/S/2021/520",
    date: "2021-06-01",
    dataset: "un-s-2021-520",
  });
  const mid2021 = { start: "2021-06-30", end: "2021-06-30", source: "crs_2021" };
  addFigure({ indicator: "idps", region: "ML", value: "372000", ...mid2021, note: "\"over 372,000 were displaced internally\", as of mid-2021." });
  addFigure({ indicator: "refugees", region: "ML", value: "47000", ...mid2021, note: "\"nearly 47,000 were refugees in neighboring countries\", as of mid-2021." });
  addFigure({ indicator: "people_in_need", region: "ML", value: "5900000", start: "2021-01-01", end: "2021-12-31", source: "crs_2021", note: "\"5.9 million Malians (29%) required humanitarian aid\", UN estimate as of mid-2021." });
  addFigure({ indicator: "people_in_need_share", region: "ML", value: "29", start: "2021-01-01", end: "2021-12-31", source: "crs_2021", note: "29% of Malians required humanitarian aid (mid-2021)." });
  // Two ceilings of the mandate, kept apart: their sum is no figure CRS gives.
  addFigure({ indicator: "minusma_authorized_military", region: "ML", value: "13289", ...mid2021, note: "\"Authorized at up to 13,289 military and 1,920 police personnel\"." });
  addFigure({ indicator: "minusma_authorized_police", region: "ML", value: "1920", ...mid2021, note: "\"Authorized at up to 13,289 military and 1,920 police personnel\"." });

  const tnh = { start: "2022-03-21", end: "2022-03-21", source: "tnh_2022" };
  addFigure({ indicator: "idps", region: "ML", value: "350000", ...tnh, note: "\"over 350,000 people\" displaced, a nearly 70% increase from early 2020." });
  // "The coming months" of a March 2022 forecast are the 2022 lean season: the
  // Cadre Harmonisé's own projection period, June to August.
  const leanSeason = { start: "2022-06-01", end: "2022-08-31", source: "tnh_2022" };
  addFigure({ indicator: "ch_phase3plus", region: "ML", value: "1800000", ...leanSeason, disaggregation: { chStatus: "projected" }, note: "\"1.8 million people expected to face severe hunger in the coming months\" (WFP country director, March 2022), i.e. the 2022 lean season." });
  addFigure({ indicator: "ch_population_by_phase", region: "ML", value: "4400000", ...leanSeason, disaggregation: { chPhase: 2, chStatus: "projected" }, note: "\"a further 4.4 million predicted to be under pressure\" (WFP, March 2022), over the 2022 lean season." });

  addFigure({ indicator: "ied_incidents", region: "ML", value: "68", start: "2021-01-01", end: "2021-05-31", source: "un_s_2021_520", note: "68 improvised explosive devices used in Mali from January to May 2021, 25 of them against MINUSMA." });
}

// ---------------------------------------------------------- IOM DTM rounds

const DTM_ROUNDS = [
  { file: "Baseline_Assessment_Round_12.xlsx", round: 12, date: "2014-12-31" },
  { file: "Baseline_Assessment_Round_18.xlsx", round: 18, date: "2015-11-30" },
  { file: "Baseline_Assessment_Round_19.xlsx", round: 19, date: "2016-01-31" },
  { file: "Baseline_Assessment_Round_28.xlsx", round: 28, date: "2016-12-31" },
  { file: "Baseline_December_2017.xlsx", round: 38, date: "2017-12-31" },
  { file: "Mali_Baseline_Assessment_December_2018.xlsx", round: 48, date: "2018-12-31" },
  { file: "IOM_DTM_Mali_Baseline_Assessment_Dec_2019_Round_60.xlsx", round: 60, date: "2019-12-31" },
  { file: "DTM_Mali_Baseline_Assessment_Round_64_April_2020.xlsx", round: 64, date: "2020-04-30" },
  { file: "iom_dtm_hdx_dtm_mali_baseline_assessment_round_72.xlsx", round: 72, date: "2021-09-30" },
];

function cellNumber(cell: ExcelJS.Cell): number {
  const value = cell.value;
  if (value === null || value === undefined || value === "") return 0;
  if (typeof value === "number") return value;
  if (typeof value === "object" && cell.formula) {
    if (typeof cell.result === "number") return cell.result;
    // R72 stores returnees as uncached "L3+O3" (shared) formulas: add the cells up.
    if (!/^[A-Z]+\d+(\+[A-Z]+\d+)*$/.test(cell.formula)) throw new Error(`DTM: cannot evaluate formula ${cell.formula}`);
    return cell.formula.split("+").reduce((total, ref) => total + cellNumber(cell.worksheet.getCell(ref)), 0);
  }
  const n = Number(String(value).trim());
  if (Number.isNaN(n)) throw new Error(`DTM: not a number: ${JSON.stringify(value)}`);
  return n;
}

async function dtmFigures(): Promise<void> {
  for (const round of DTM_ROUNDS) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(DATA, "mli-idps-dtm", round.file));
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error(`${round.file}: no sheet`);
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? "").replace(/\s+/g, " ").trim());
    const column = (pattern: RegExp): number => {
      const index = header.findIndex((h) => pattern.test(h));
      if (index < 0) throw new Error(`${round.file}: no column ${pattern}`);
      return index;
    };
    const cols = {
      pcode: column(/^Admin 1 pcode$/i),
      idps: column(/^Total No[.#] of IDPs Ind/i),
      idpHh: column(/^Total No[.#] of IDPs HH/i),
      returnees: column(/^Total No[.#] of Returnees Ind/i),
    };
    const rows: { region: string; idps: number; idpHh: number; returnees: number }[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const cells = row.values as ExcelJS.CellValue[];
      const raw = String(cells[cols.pcode] ?? "").trim();
      if (!raw || raw.startsWith("#")) return; // empty trailing rows, HXL row
      const match = /^MLI?(\d{2})$/.exec(raw);
      if (!match) throw new Error(`${round.file} row ${number}: unexpected P-code "${raw}"`);
      rows.push({
        region: `ML${match[1]}`,
        idps: cellNumber(row.getCell(cols.idps)),
        idpHh: cellNumber(row.getCell(cols.idpHh)),
        returnees: cellNumber(row.getCell(cols.returnees)),
      });
    });

    const key = `iom_dtm_r${round.round}`;
    addSource(key, {
      organisation: "International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)",
      title: `Mali — Baseline Assessment, round ${round.round} (snapshot ${round.date})`,
      url: "https://data.humdata.org/dataset/mali-baseline-assessment-data-iom-dtm",
      date: round.date,
      dataset: "iom-dtm-mali",
    });
    const at = { start: round.date, end: round.date, source: key };
    const note = `Sum of the assessed communes and cercles of the region, DTM round ${round.round}.`;
    // A region the round lists with 0 (Ménaka's IDPs in R64, returnees in many
    // regions) is a reported zero: stored, so the regions add up to the national figure.
    for (const [region, group] of groupBy(rows, (r) => r.region)) {
      addFigure({ indicator: "idps", region, value: decimal(sum(group, (r) => r.idps)), ...at, note });
      addFigure({ indicator: "idp_households", region, value: decimal(sum(group, (r) => r.idpHh)), ...at, note });
      addFigure({ indicator: "returnees", region, value: decimal(sum(group, (r) => r.returnees)), ...at, note });
    }
    // Every region is assessed in a baseline round, so the national total is the sum.
    const national = { ...at, note: `National total of DTM round ${round.round} (all regions assessed).` };
    addFigure({ indicator: "idps", region: "ML", value: decimal(sum(rows, (r) => r.idps)), ...national });
    addFigure({ indicator: "idp_households", region: "ML", value: decimal(sum(rows, (r) => r.idpHh)), ...national });
    addFigure({ indicator: "returnees", region: "ML", value: decimal(sum(rows, (r) => r.returnees)), ...national });
  }
}

// --------------------------------------------------------------- IDMC stock

async function idmcFigures(): Promise<void> {
  // IDMC is a dataset of its own: its year-end stock is stored every year, also
  // where a DTM round falls on the same date (the two are never stitched together).
  // GIDD data for year N appears with the Global Report on Internal Displacement
  // in May of N+1: the newer file ends with 2024, so it is the GRID 2025 edition
  // (13 May 2025). Its HDX copy was touched on 2026-03-02, but only to drop the HXL
  // row (the 2025-07-01 version has the same values): that is no publication.
  const newer = (await csv("mli-idps-idmc-2024/idmc_internal_displacements_idps.csv")).filter((r) => r.iso3 === "MLI");
  // The older file (GRID 2022, 19 May 2022: data to 2021) only for years the newer
  // one lacks; where both have a year the newer publication wins. Today the newer
  // covers 2012–2024 and the older has no conflict stock before 2012, so none is used.
  const older = (await csv("mli-idps-idmc/idps_displacement_data.csv")).filter((r) => r.ISO3 === "MLI");
  const stocks = new Map<string, { value: string; rounded: string; source: string }>();
  for (const row of older) {
    const raw = row["Conflict Stock Displacement (Raw)"];
    if (raw) stocks.set(row.Year as string, { value: decimal(num(raw)), rounded: row["Conflict Stock Displacement"] as string, source: "idmc_grid_2022" });
  }
  for (const row of newer) {
    const raw = row.total_displacement;
    const previous = stocks.get(row.year as string);
    if (raw && previous && previous.value !== decimal(num(raw))) console.log(`IDMC ${row.year}: GRID 2025 ${raw} replaces GRID 2022 ${previous.value}`);
    if (raw) stocks.set(row.year as string, { value: decimal(num(raw)), rounded: row.total_displacement_rounded || raw, source: "idmc_grid_2025" });
  }
  const editions: Record<string, { title: string; date: string }> = {
    idmc_grid_2025: { title: "Global Internal Displacement Database (GRID 2025 edition): conflict IDP stock, Mali", date: "2025-05-13" },
    idmc_grid_2022: { title: "Global Internal Displacement Database (GRID 2022 edition): conflict IDP stock, Mali", date: "2022-05-19" },
  };
  for (const [year, stock] of [...stocks].sort(([a], [b]) => a.localeCompare(b))) {
    const edition = editions[stock.source];
    if (!edition) throw new Error(`IDMC: no edition ${stock.source}`);
    if (!sources[stock.source]) {
      addSource(stock.source, {
        organisation: "Internal Displacement Monitoring Centre (IDMC)",
        title: edition.title,
        url: "https://data.humdata.org/dataset/idmc-internally-displaced-persons-idps",
        date: edition.date,
        dataset: "idmc-gidd",
      });
    }
    const date = `${year}-12-31`;
    addFigure({ indicator: "idps", region: "ML", start: date, end: date, value: stock.value, source: stock.source, note: `Conflict IDP stock at year end (rounded publication: ${stock.rounded}).` });
  }
}

// ------------------------------------------------------ Cadre Harmonisé

const CH_PERIODS: Record<string, [string, string]> = {
  "Jan-May": ["01-01", "05-31"],
  "Jun-Aug": ["06-01", "08-31"],
  "Sep-Dec": ["09-01", "12-31"],
};

/** One analysed area (cercle, Bamako commune) of a CH exercise, from either publication. */
interface ChRow {
  region: string;
  exerciseLabel: string;
  exerciseYear: string;
  status: "current" | "projected";
  referenceLabel: string;
  referenceYear: string;
  phases: number[];
  phase35: number;
  /** The 2015 cercle P-code the area belongs to (chCercleOf). */
  cercle: string;
  /** The area's own name (a Bamako commune, Koro's accessible part, Taoudénit…). */
  area: string;
}

/** A CH exercise's period and reference: its rows share one source and one period. */
const chPeriodKey = (r: ChRow) => [r.exerciseLabel, r.exerciseYear, r.status, r.referenceLabel, r.referenceYear].join("|");

/** The period (start, end) and source key of a CH row's exercise. */
function chPeriodOf(first: ChRow): { start: string; end: string; key: string; march: boolean } {
  const period = CH_PERIODS[first.referenceLabel];
  if (!period) throw new Error(`CH: unknown reference period ${first.referenceLabel}`);
  // The March cycle analyses Jan-May, the November cycle Sep-Dec.
  const march = first.exerciseLabel === "Jan-May";
  return { start: `${first.referenceYear}-${period[0]}`, end: `${first.referenceYear}-${period[1]}`, key: `ch_${first.exerciseYear}_${march ? "03" : "11"}`, march };
}

function chFigures(rows: ChRow[]): void {
  const byPeriod = groupBy(rows, chPeriodKey);
  for (const group of byPeriod.values()) {
    const first = group[0] as ChRow;
    const { start, end, key, march } = chPeriodOf(first);
    if (!sources[key]) {
      addSource(key, {
        organisation: "Cadre Harmonisé (CILSS, RPCA) via the Food Security and Nutrition Working Group West and Central Africa",
        title: `Cadre Harmonisé — Mali, ${march ? "March" : "November"} ${first.exerciseYear} analysis, population by phase`,
        url: "https://data.humdata.org/dataset/cadre-harmonise",
        date: march ? `${first.exerciseYear}-03-31` : `${first.exerciseYear}-11-30`,
        dataset: "cadre-harmonise",
      });
    }
    const chStatus = first.status;
    const note = "Sum of the analysed cercles (Bamako communes); Taoudénit is counted under Tombouctou.";
    const emit = (region: string, members: ChRow[]) => {
      for (let phase = 1; phase <= 5; phase++) {
        addFigure({ indicator: "ch_population_by_phase", region, start, end, source: key, value: decimal(sum(members, (r) => r.phases[phase - 1] as number)), disaggregation: { chPhase: phase, chStatus }, note });
      }
      addFigure({ indicator: "ch_phase3plus", region, start, end, source: key, value: decimal(sum(members, (r) => r.phase35)), disaggregation: { chStatus }, note });
    };
    for (const [region, members] of groupBy(group, (r) => r.region)) emit(region, members);
    emit("ML", group);
  }
}

const chStatusOf = (text: string): ChRow["status"] => {
  if (text !== "current" && text !== "projected") throw new Error(`CH: unknown chtype ${text}`);
  return text;
};

/** The HDX export to March 2023 (SOURCES.md §3), Mali rows. */
async function chRowsTo2023(): Promise<ChRow[]> {
  // One row (Bamako, Sep-Dec 2014) has a population but no phases: not analysed.
  const rows = (await csv("mli-food-security-ch/derived/cadre_harmonise_caf_ipc_MALI_ONLY.csv")).filter((r) => r.usethisperiod === "Y" && r.phase35 !== "");
  return rows.map((r) => ({
    region: r.adm1_pcod2 as string,
    exerciseLabel: r.exercise_label as string,
    exerciseYear: r.exercise_year as string,
    status: chStatusOf(r.chtype as string),
    referenceLabel: r.reference_label as string,
    referenceYear: r.reference_year as string,
    phases: [1, 2, 3, 4, 5].map((p) => num(r[`phase${p}`])),
    phase35: num(r.phase35),
    ...chAreaOf(r),
  }));
}

/**
 * The November 2023 and March 2024 cycles (SOURCES.md §8, WFP PRISM copies of
 * the HDX rows, `{"DataList": [...]}`): current Sep-Dec 2023, current Jan-May
 * and projected Jun-Aug 2024. They keep the 2015 coding (Ménaka = ML0704 under
 * Gao; Taoudénit and Tombouctou cercle both ML0605, both in Tombouctou).
 */
async function chRows2023plus(): Promise<ChRow[]> {
  const rows: ChRow[] = [];
  for (const file of ["admin2_2023_10_01.json", "admin2_2024_02_01.json", "admin2_2024_06_01.json"]) {
    const { DataList } = JSON.parse(await readFile(path.join(DATA, "mli-food-security-ch-2023plus", file), "utf8")) as { DataList: Record<string, string | number | null>[] };
    const mali = DataList.filter((r) => r.adm0_name === "Mali" && r.usethisperiod === "Y");
    if (!mali.length) throw new Error(`${file}: no Mali rows`);
    for (const r of mali) {
      const n = (k: string): number => {
        const v = r[k];
        if (typeof v !== "number") throw new Error(`${file}: ${String(r.adm2_name)} ${k} is not a number`);
        return v;
      };
      rows.push({
        region: String(r.adm1_pcod2),
        exerciseLabel: String(r.exercise_label),
        exerciseYear: String(r.exercise_year),
        status: chStatusOf(String(r.chtype)),
        referenceLabel: String(r.reference_label),
        referenceYear: String(r.reference_year),
        phases: [1, 2, 3, 4, 5].map((p) => n(`phase${p}`)),
        phase35: n("phase35"),
        ...chAreaOf(r),
      });
    }
  }
  return rows;
}

// ------------------------------------------- Cadre Harmonisé by cercle
// (issue 16, the CH map) The CH areas of the recent cycles by cercle, beside
// the regional sums above, so the map can classify cercles. Kept to the cycles
// from CH_CERCLES_FROM on (current and projected) for a modest seed.

/** The first CH exercise year whose cercles the seed holds. */
const CH_CERCLES_FROM = 2020;

/**
 * The 2015 cercle (the CH files' own coding, regions.json) of a CH row. Bamako's
 * communes make the cercle ML0901; Koro's accessible and limited-access parts
 * (Jan-May 2021) make ML0505; Taoudénit, with an empty, ML0605 or ML06051 code
 * depending on the file, is counted under the Tombouctou cercle ML0605 as the
 * 2023+ files do (and as the regional sums count it under Tombouctou). Ménaka
 * stays ML0704: the CH to Jun-Aug 2024 analyses the 2015 cercle, not the 2021 ones.
 */
function chAreaOf(r: Record<string, unknown>): { cercle: string; area: string } {
  const text = (k: string) => String(r[k] ?? "").trim();
  const area = text("adm3_name") || text("adm2_5_name") || text("adm2_name");
  if (/^taoud[eé]nit/i.test(text("adm2_name"))) return { cercle: "ML0605", area };
  const cercle = text("adm2_pcod2");
  if (!/^ML\d{4}$/.test(cercle)) throw new Error(`CH: ${area} has no cercle P-code ("${cercle}")`);
  return { cercle, area };
}

function chCercleFigures(rows: ChRow[]): void {
  const recent = rows.filter((r) => Number(r.exerciseYear) >= CH_CERCLES_FROM);
  for (const group of groupBy(recent, chPeriodKey).values()) {
    const { start, end, key } = chPeriodOf(group[0] as ChRow);
    if (!sources[key]) throw new Error(`CH cercles: no source ${key}`);
    const chStatus = (group[0] as ChRow).status;
    for (const [cercle, members] of groupBy(group, (r) => r.cercle)) {
      // One region per cercle, or the regional sums would not be the cercles' sums.
      if (new Set(members.map((r) => r.region)).size !== 1) throw new Error(`CH cercles: ${cercle} in two regions`);
      const note = members.length > 1 ? `Sum of the CH areas ${members.map((r) => r.area).join(", ")}.` : null;
      for (let phase = 1; phase <= 5; phase++) {
        addFigure({ indicator: "ch_population_by_phase", region: cercle, start, end, source: key, value: decimal(sum(members, (r) => r.phases[phase - 1] as number)), disaggregation: { chPhase: phase, chStatus }, note });
      }
      addFigure({ indicator: "ch_phase3plus", region: cercle, start, end, source: key, value: decimal(sum(members, (r) => r.phase35)), disaggregation: { chStatus }, note });
    }
  }
  checkChCercleSums(recent);
}

/** Each region's figures (chFigures) must be the sum of its cercles' figures, phase by phase. */
function checkChCercleSums(rows: ChRow[]): void {
  const cercleRegion = new Map(rows.map((r) => [r.cercle, r.region]));
  const totals = new Map<string, number>();
  for (const f of figures) {
    if (!f.indicator.startsWith("ch_") || sources[f.source]?.dataset !== "cadre-harmonise") continue;
    const region = f.region.length === 6 ? cercleRegion.get(f.region) : undefined;
    if (f.region.length === 6 && !region) continue;
    const slot = [f.indicator, region ?? f.region, f.start, f.end, disaggregationKey(f.disaggregation), region ? "cercles" : "region"].join("|");
    totals.set(slot, (totals.get(slot) ?? 0) + Math.round(Number(f.value) * 10_000));
  }
  let checked = 0;
  for (const [slot, total] of totals) {
    if (!slot.endsWith("|cercles")) continue;
    const regional = totals.get(slot.replace(/\|cercles$/, "|region"));
    if (regional !== total) throw new Error(`CH cercles: ${slot} sums to ${total / 10_000}, the region has ${regional === undefined ? "none" : regional / 10_000}`);
    checked++;
  }
  console.log(`CH cercles: ${checked} regional figures equal the sum of their cercles`);
}

// ------------------------------------------------------------ OCHA FTS

async function ftsFigures(): Promise<void> {
  addSource("fts", {
    organisation: "OCHA Financial Tracking Service (FTS)",
    title: "Mali: humanitarian response plan requirements and funding (HDX download)",
    url: "https://data.humdata.org/dataset/fts-requirements-and-funding-data-for-mali",
    date: "2026-04-18",
    dataset: "ocha-fts",
  });
  const isMaliPlan = (r: Record<string, string>) => r.countryCode === "MLI" && /^[HC]MLI\d{2}$/.test(r.code ?? "");
  const emit = (r: Record<string, string>, sector?: string) => {
    const start = r.startDate as string;
    const end = r.endDate as string;
    const disaggregation = sector ? { sector } : null;
    const base = { region: "ML", start, end, source: "fts", disaggregation, note: `${r.name} (${r.code}).` };
    // An empty funding cell (percentFunded empty too) is no figure, even beside a
    // requirement: FTS does not say that nothing was received, so there is no
    // funding, no unmet and no coverage (2015 WASH, 2018 Early Recovery…). The FTS
    // import reads the cell the same way.
    const funded = r.funding ? decimal(num(r.funding)) : null;
    if (funded !== null) addFigure({ indicator: "funding_funded", value: funded, ...base });
    if (!r.requirements) return; // funding without a requirement ("Multiple clusters"): no coverage
    const required = decimal(num(r.requirements));
    addFigure({ indicator: "funding_required", value: required, ...base });
    const { unmet, coverage } = deriveFunding(required, funded);
    if (unmet !== null) addFigure({ indicator: "funding_unmet", value: unmet, ...base });
    if (coverage !== null) addFigure({ indicator: "funding_coverage", value: coverage, ...base });
  };
  const global = await csv("mli-funding-fts/fts_requirements_funding_global.csv");
  const plans = global.filter(isMaliPlan);
  for (const plan of plans) emit(plan);
  for (const row of (await csv("mli-funding-fts/fts_requirements_funding_globalcluster_global.csv")).filter(isMaliPlan)) {
    emit(row, row.cluster as string);
  }

  // Funding to Mali outside any plan (the "Not specified" row of each year): shown,
  // but kept out of coverage (DOMAIN.md), as an indicator of its own. Only the
  // years of Mali's plans (2012–2026): the rows of 2027–2029 hold nothing but
  // forward pledges, and before 2012 there was no Mali plan to be outside of.
  const years = plans.map((p) => Number(p.year));
  const [first, last] = [Math.min(...years), Math.max(...years)];
  for (const row of global.filter((r) => r.countryCode === "MLI" && !r.id && r.name === "Not specified" && r.funding)) {
    const year = Number(row.year);
    if (year < first || year > last) continue;
    addFigure({ indicator: "funding_outside_plan", region: "ML", start: `${year}-01-01`, end: `${year}-12-31`, value: decimal(num(row.funding)), source: "fts", note: "Funding to Mali reported outside any plan (FTS \"Not specified\"); no requirement, no coverage." });
  }
}

// ---------------------------------------------------------- HNO, COD-PS

const HPC = "OCHA (Humanitarian Programme Cycle)";

/** People in need as a percentage of the population, one decimal. */
const shareOfPopulation = (inNeed: number, population: number): string => decimal(Math.round((inNeed / population) * 1000) / 10);

async function hnoFigures(): Promise<void> {
  addSource("hno_2024", {
    organisation: HPC,
    title: "Mali — Humanitarian Needs and Response Plan 2024: people in need and targeted (HNO data for MLI)",
    url: "https://data.humdata.org/dataset/mali-humanitarian-needs",
    date: "2024-05-17",
    dataset: "ocha-hno",
  });
  const year = { start: "2024-01-01", end: "2024-12-31", source: "hno_2024" };
  const all = (await csv("mli-needs-hno/download-hno-data-mli.csv")).filter(
    (r) => !(r["Admin 1 PCode"] ?? "").startsWith("#") && r.Sector === "ALL" && r.Gender === "a" && r["Age Range"] === "ALL" && r["Population Group"] === "ALL",
  );
  const national = all.find((r) => !r["Admin 1 PCode"]);
  if (!national) throw new Error("HNO 2024: no national row");
  addFigure({ indicator: "people_in_need", region: "ML", value: decimal(num(national["In Need"])), ...year, note: "Intersectoral people in need (Sector = ALL)." });
  addFigure({ indicator: "people_targeted", region: "ML", value: decimal(num(national.Targeted)), ...year, note: "Intersectoral people targeted (Sector = ALL)." });
  addFigure({ indicator: "people_in_need_share", region: "ML", value: shareOfPopulation(num(national["In Need"]), num(national.Population)), ...year, note: "People in need / population of the HNO." });
  const cercles = all.filter((r) => r["Admin 2 PCode"]);
  // Ménaka's cercles carry their 2021 codes (ML1001–ML1004), in regions.json since the 2021 P-codes.
  for (const r of cercles) addFigure({ indicator: "people_in_need", region: r["Admin 2 PCode"] as string, value: decimal(num(r["In Need"])), ...year, note: "Intersectoral people in need." });
  for (const [region, members] of groupBy(cercles, (r) => r["Admin 1 PCode"] as string)) {
    addFigure({ indicator: "people_in_need", region, value: decimal(sum(members, (r) => num(r["In Need"]))), ...year, note: "Sum of the region's cercles, intersectoral." });
    addFigure({ indicator: "people_targeted", region, value: decimal(sum(members, (r) => num(r.Targeted || "0"))), ...year, note: "Sum of the region's cercles, intersectoral." });
  }

  addSource("hno_2018", {
    organisation: "OCHA",
    title: "Mali — Humanitarian Needs Overview 2018: people in need by cercle",
    url: "https://data.humdata.org/dataset/mali-humanitarian-needs-overview-2018",
    date: "2018-01-31",
    dataset: "ocha-hno",
  });
  // HXL tags are this file's only header row.
  const text = await readFile(path.join(DATA, "mli-needs-hno/mli_hno_2018.csv"), "utf8");
  const rows2018 = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const y2018 = { start: "2018-01-01", end: "2018-12-31", source: "hno_2018" };
  for (const r of rows2018) addFigure({ indicator: "people_in_need", region: r["#adm2+code"] as string, value: decimal(num(r["#inneed"])), ...y2018 });
  for (const [region, members] of groupBy(rows2018, (r) => r["#adm1+code"] as string)) {
    addFigure({ indicator: "people_in_need", region, value: decimal(sum(members, (r) => num(r["#inneed"]))), ...y2018, note: "Sum of the region's cercles." });
  }
  addFigure({ indicator: "people_in_need", region: "ML", value: decimal(sum(rows2018, (r) => num(r["#inneed"]))), ...y2018, note: "Sum of all cercles." });

  addSource("hno_2026", {
    organisation: HPC,
    title: "Mali — Humanitarian Needs and Response Plan 2026: people in need and targeted, GHO estimates (Global HPC HNO)",
    url: "https://data.humdata.org/dataset/global-hpc-hno",
    // The file carries no date and the GHO estimates are revised as the plan is
    // finalised: the date of the HDX snapshot (as for FTS) is when these values were published.
    date: "2026-04-18",
    dataset: "ocha-hno",
  });
  const mali2026 = (await csv("mli-needs-hno-more/hpc_hno_2026.csv")).filter((r) => r["Country ISO3"] === "MLI" && r.Cluster === "ALL");
  const [row2026] = mali2026;
  if (mali2026.length !== 1 || !row2026) throw new Error(`HNO 2026: ${mali2026.length} Mali rows, expected one`);
  const y2026 = { region: "ML", start: "2026-01-01", end: "2026-12-31", source: "hno_2026" };
  const note2026 = "GHO estimate, rounded (national only).";
  addFigure({ indicator: "people_in_need", value: decimal(num(row2026["In Need"])), ...y2026, note: note2026 });
  addFigure({ indicator: "people_targeted", value: decimal(num(row2026.Targeted)), ...y2026, note: note2026 });
  addFigure({ indicator: "people_in_need_share", value: shareOfPopulation(num(row2026["In Need"]), num(row2026.Population)), ...y2026, note: "People in need / population of the HNO." });
  // The HNO's own population: a second dataset behind COD-PS's 2018 projection.
  addFigure({ indicator: "population", value: decimal(num(row2026.Population)), ...y2026, note: "Population the HNO 2026 counts with (GHO estimate, rounded)." });
}

/** JIAF 2025 (SOURCES.md §9): the Final PiN of each cercle, and its sums. */
async function jiafFigures(): Promise<void> {
  addSource("jiaf_2025", {
    organisation: "OCHA",
    // The year is the file's (data as of 1 April 2025); its total could not be
    // matched with the published HNRP 2025, so it is labelled as the JIAF's.
    title: "JIAF 2025 (OCHA): Joint Intersectoral Analysis Framework, people in need by cercle, Mali",
    url: "https://data.humdata.org/dataset/global-jiaf",
    date: "2025-04-01",
    dataset: "ocha-jiaf",
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(DATA, "mli-needs-hno-more/GLOBAL-JIAF-DATA_1.04.2025.xlsx"));
  const sheet = workbook.getWorksheet("PiN");
  if (!sheet) throw new Error("JIAF: no sheet PiN");
  // Row 1 groups the columns; row 2 is the header.
  const header = (sheet.getRow(2).values as ExcelJS.CellValue[]).map((v) => String(v ?? "").trim());
  const column = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`JIAF: no column ${name}`);
    return index;
  };
  const cols = { iso3: column("ISO3"), adm1: column("Admin 1 P-Code"), adm2: column("Admin 2 P-Code"), pin: column("Final PiN") };
  const rows: { region: string; cercle: string; pin: number }[] = [];
  sheet.eachRow((row, number) => {
    if (number <= 2 || String(row.getCell(cols.iso3).value ?? "").trim() !== "MLI") return;
    const cell = row.getCell(cols.pin);
    if (cell.value === null || cell.value === undefined || cell.value === "") throw new Error(`JIAF row ${number}: no Final PiN`);
    rows.push({ region: String(row.getCell(cols.adm1).value).trim(), cercle: String(row.getCell(cols.adm2).value).trim(), pin: cellNumber(cell) });
  });
  const y2025 = { start: "2025-01-01", end: "2025-12-31", source: "jiaf_2025" };
  for (const r of rows) addFigure({ indicator: "people_in_need", region: r.cercle, value: decimal(r.pin), ...y2025, note: "JIAF Final PiN (intersectoral)." });
  for (const [region, members] of groupBy(rows, (r) => r.region)) {
    addFigure({ indicator: "people_in_need", region, value: decimal(sum(members, (r) => r.pin)), ...y2025, note: "Sum of the region's cercles, JIAF Final PiN." });
  }
  addFigure({ indicator: "people_in_need", region: "ML", value: decimal(sum(rows, (r) => r.pin)), ...y2025, note: "Sum of all cercles, JIAF Final PiN." });
}

async function populationFigures(): Promise<void> {
  addSource("cod_ps", {
    organisation: "Direction Nationale de la Population (DNP) Mali, via OCHA COD-PS",
    title: "Mali — Subnational population statistics (COD-PS), 2018 projection from the 2009 census",
    url: "https://data.humdata.org/dataset/cod-ps-mli",
    date: "2018-12-31",
    dataset: "cod-ps-mali",
  });
  const year = { start: "2018-01-01", end: "2018-12-31", source: "cod_ps" };
  const adm1 = await csv("mli-population-codps/population_mli_mli_pop_adm1_v2.csv");
  for (const r of adm1) addFigure({ indicator: "population", region: r.admin1Pcode as string, value: decimal(num(r.T_TL)), ...year });
  addFigure({ indicator: "population", region: "ML", value: decimal(sum(adm1, (r) => num(r.T_TL))), ...year, note: "Sum of the regions." });
  for (const r of await csv("mli-population-codps/population_mli_mli_pop_adm2_v2.csv")) {
    addFigure({ indicator: "population", region: r.admin2Pcode as string, value: decimal(num(r.T_TL)), ...year });
  }
}

// ------------------------------------------------ Ménaka's population (ML10)

/**
 * Ménaka (ML10) as a region: the COD-PS 2018 table predates the 2021 codes, so
 * its region table has no ML10; its cercle table has Ménaka as ML0704 under
 * Gao, the same area as the 2021 region ML10 (SOURCES.md, P-code warning: the
 * 2021 COD-AB drops ML0704 and splits it into ML1001–ML1004). That figure,
 * from the same COD-PS publication (source `cod_ps`), is ML10's population,
 * comparable with every other region's (same dataset, year and projection).
 * Gao's 2018 figure still includes it; the national one is not changed. The
 * 2021 cercles get none: no COD-PS figure splits ML0704 among them.
 */
async function menakaPopulation(): Promise<void> {
  const rows = (await csv("mli-population-codps/population_mli_mli_pop_adm2_v2.csv")).filter((r) => r.admin2Pcode === "ML0704");
  const [row] = rows;
  if (rows.length !== 1 || !row || row.admin1Pcode !== "ML07") throw new Error(`COD-PS: expected one cercle ML0704 under ML07, found ${rows.length}`);
  if (!sources.cod_ps) throw new Error("COD-PS: Ménaka's population needs the cod_ps source (populationFigures first)");
  addFigure({
    indicator: "population",
    region: "ML10",
    value: decimal(num(row.T_TL)),
    start: "2018-01-01",
    end: "2018-12-31",
    source: "cod_ps",
    note: "COD-PS cercle ML0704 Ménaka (2015 codes, under Gao) = region ML10 of the 2021 codes; also counted in Gao's 2018 figure.",
  });
}

// --------------------------------------------------------------- output

async function main(): Promise<void> {
  const regions = await buildRegions();
  headlineFigures();
  await dtmFigures();
  await idmcFigures();
  const chRows = [...(await chRowsTo2023()), ...(await chRows2023plus())];
  chFigures(chRows);
  chCercleFigures(chRows);
  await ftsFigures();
  await hnoFigures();
  await jiafFigures();
  await populationFigures();
  await menakaPopulation();

  const known = new Set(regions.map((r) => r.pcode));
  const unknown = figures.filter((f) => !known.has(f.region)).map((f) => `${f.indicator}@${f.region}`);
  if (unknown.length) throw new Error(`figures for unknown regions: ${[...new Set(unknown)].join(", ")}`);

  figures.sort((a, b) => a.indicator.localeCompare(b.indicator) || a.region.localeCompare(b.region) || a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  await writeFile(path.join(OUT, "regions.json"), `[\n${regions.map((r) => `  ${JSON.stringify(r)}`).join(",\n")}\n]\n`);
  // One figure per line: reviewable diffs when the data changes.
  const body = [
    "{",
    `  "generatedBy": "scripts/build-seed-data.ts",`,
    `  "sources": ${JSON.stringify(sources, null, 2).replace(/\n/g, "\n  ")},`,
    `  "figures": [\n${figures.map((f) => `    ${JSON.stringify(f)}`).join(",\n")}\n  ]`,
    "}",
  ].join("\n");
  await writeFile(path.join(OUT, "figures.json"), `${body}\n`);
  console.log(`${regions.length} regions, ${Object.keys(sources).length} sources, ${figures.length} figures`);
  const byDataset = groupBy(figures, (f) => (sources[f.source] as SourceSeed).dataset);
  for (const d of DATASETS) console.log(`  ${d.code}: ${byDataset.get(d.code)?.length ?? 0} figures`);
}

await main();
