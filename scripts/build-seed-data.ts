// Builds prisma/seed-data/regions.json and figures.json, the project's own
// file of published figures with their citations, from the public Mali data
// in ../shared/data (SOURCES.md there gives licences and quirks) and the
// headline figures of the five source documents (../shared/seeds).
//
//   npm run seed:build [-- --data ../shared/data]
//
// Only aggregates and citations are written: no source file is copied (the
// IOM DTM files may not be redistributed; their regional sums are facts with
// a credit line). Rerun after changing this script and commit the output.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import type { Disaggregation } from "../lib/domain/disaggregation";
import { deriveFunding } from "../lib/domain/funding";

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

function addFigure(f: Omit<FigureSeed, "note" | "disaggregation"> & Partial<FigureSeed>): void {
  const figure: FigureSeed = { disaggregation: null, note: null, ...f };
  const d = figure.disaggregation;
  const key = [f.indicator, f.region, f.start, f.end, d?.chPhase, d?.chStatus, d?.sector?.toLowerCase()].join("|");
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

async function buildRegions(): Promise<RegionSeed[]> {
  const regions: RegionSeed[] = [{ pcode: "ML", level: 0, nameEn: "Mali", nameFr: "Mali", parent: null }];
  for (const [pcode, name] of Object.entries(REGION_NAMES)) {
    // Ménaka became an operational region in 2016 (Loi 2012-017); its cercle
    // keeps the 2015 COD code ML0704 under Gao.
    regions.push({ pcode, level: 1, nameEn: name.en, nameFr: name.fr, parent: "ML", ...(pcode === "ML10" ? { validFrom: "2016-01-19" } : {}) });
  }
  const cercles = await csv("mli-population-codps/population_mli_mli_pop_adm2_v2.csv");
  for (const row of cercles.sort((a, b) => (a.admin2Pcode ?? "").localeCompare(b.admin2Pcode ?? ""))) {
    const name = row.admin2Name_fr as string;
    regions.push({ pcode: row.admin2Pcode as string, level: 2, nameEn: name, nameFr: name, parent: row.admin1Pcode as string });
  }
  return regions;
}

// --------------------------------------------------- headline figures (seeds)

function headlineFigures(): void {
  sources.crs_2021 = {
    organisation: "Congressional Research Service (citing UN agencies)",
    title: "In Focus: Crisis in Mali (Alexis Arieff)",
    url: "https://crsreports.congress.gov/product/pdf/IF/IF10116",
    date: "2021-06-30",
  };
  sources.tnh_2022 = {
    organisation: "The New Humanitarian (citing WFP)",
    title: "Sieges, sanctions, and soaring hunger: Mali's humanitarian crisis deepens as foreign forces withdraw",
    url: "https://www.thenewhumanitarian.org/west-africa/mali",
    date: "2022-03-31",
  };
  sources.un_s_2021_520 = {
    organisation: "United Nations Secretary-General",
    title: "Letter dated 1 June 2021 to the President of the Security Council on MINUSMA (S/2021/520)",
    url: "https://undocs.org/S/2021/520",
    date: "2021-06-01",
  };
  const mid2021 = { start: "2021-06-30", end: "2021-06-30", source: "crs_2021" };
  addFigure({ indicator: "idps", region: "ML", value: "372000", ...mid2021, note: "\"over 372,000 were displaced internally\", as of mid-2021." });
  addFigure({ indicator: "refugees", region: "ML", value: "47000", ...mid2021, note: "\"nearly 47,000 were refugees in neighboring countries\", as of mid-2021." });
  addFigure({ indicator: "people_in_need", region: "ML", value: "5900000", start: "2021-01-01", end: "2021-12-31", source: "crs_2021", note: "\"5.9 million Malians (29%) required humanitarian aid\", UN estimate as of mid-2021." });
  addFigure({ indicator: "people_in_need_share", region: "ML", value: "29", start: "2021-01-01", end: "2021-12-31", source: "crs_2021", note: "29% of Malians required humanitarian aid (mid-2021)." });
  addFigure({ indicator: "minusma_authorized_personnel", region: "ML", value: "15209", ...mid2021, note: "Authorised strength: 13,289 military and 1,920 police." });

  const tnh = { start: "2022-03-31", end: "2022-03-31", source: "tnh_2022" };
  addFigure({ indicator: "idps", region: "ML", value: "350000", ...tnh, note: "\"over 350,000 people\" displaced, a nearly 70% increase from early 2020." });
  addFigure({ indicator: "ch_phase3plus", region: "ML", value: "1800000", ...tnh, disaggregation: { chStatus: "projected" }, note: "\"1.8 million people expected to face severe hunger in the coming months\" (WFP country director), i.e. the 2022 lean season." });
  addFigure({ indicator: "ch_population_by_phase", region: "ML", value: "4400000", ...tnh, disaggregation: { chPhase: 2, chStatus: "projected" }, note: "\"a further 4.4 million predicted to be under pressure\" (WFP)." });

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
    sources[key] = {
      organisation: "International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)",
      title: `Mali — Baseline Assessment, round ${round.round} (snapshot ${round.date})`,
      url: "https://data.humdata.org/dataset/mali-baseline-assessment-data-iom-dtm",
      date: round.date,
    };
    const at = { start: round.date, end: round.date, source: key };
    const note = `Sum of the assessed communes and cercles of the region, DTM round ${round.round}.`;
    for (const [region, group] of groupBy(rows, (r) => r.region)) {
      const idps = sum(group, (r) => r.idps);
      // R64 lists Ménaka (then still counted under Gao) with 0: not a real 0.
      if (region === "ML10" && idps === 0) continue;
      addFigure({ indicator: "idps", region, value: decimal(idps), ...at, note });
      addFigure({ indicator: "idp_households", region, value: decimal(sum(group, (r) => r.idpHh)), ...at, note });
      const returnees = sum(group, (r) => r.returnees);
      if (returnees > 0) addFigure({ indicator: "returnees", region, value: decimal(returnees), ...at, note });
    }
    // Every region is assessed in a baseline round, so the national total is the sum.
    const national = { ...at, note: `National total of DTM round ${round.round} (all regions assessed).` };
    addFigure({ indicator: "idps", region: "ML", value: decimal(sum(rows, (r) => r.idps)), ...national });
    addFigure({ indicator: "idp_households", region: "ML", value: decimal(sum(rows, (r) => r.idpHh)), ...national });
    const returnees = sum(rows, (r) => r.returnees);
    if (returnees > 0) addFigure({ indicator: "returnees", region: "ML", value: decimal(returnees), ...national });
  }
}

// --------------------------------------------------------------- IDMC stock

async function idmcFigures(): Promise<void> {
  sources.idmc = {
    organisation: "Internal Displacement Monitoring Centre (IDMC)",
    title: "Global Internal Displacement Database: conflict IDP stock, Mali",
    url: "https://data.humdata.org/dataset/idmc-internally-displaced-persons-idps",
    date: "2022-05-19",
  };
  const rows = (await csv("mli-idps-idmc/idps_displacement_data.csv")).filter((r) => r.ISO3 === "MLI");
  for (const row of rows) {
    const raw = row["Conflict Stock Displacement (Raw)"];
    if (!raw) continue; // years without a published stock stay "no data"
    const date = `${row.Year}-12-31`;
    // The DTM round of the same date is the primary source (and equals it).
    if (keys.has(["idps", "ML", date, date, undefined, undefined, undefined].join("|"))) continue;
    addFigure({ indicator: "idps", region: "ML", start: date, end: date, value: decimal(num(raw)), source: "idmc", note: `Conflict IDP stock at year end (rounded publication: ${row["Conflict Stock Displacement"]}).` });
  }
}

// ------------------------------------------------------ Cadre Harmonisé

const CH_PERIODS: Record<string, [string, string]> = {
  "Jan-May": ["01-01", "05-31"],
  "Jun-Aug": ["06-01", "08-31"],
  "Sep-Dec": ["09-01", "12-31"],
};

async function chFigures(): Promise<void> {
  // One row (Bamako, Sep-Dec 2014) has a population but no phases: not analysed.
  const rows = (await csv("mli-food-security-ch/derived/cadre_harmonise_caf_ipc_MALI_ONLY.csv")).filter(
    (r) => r.usethisperiod === "Y" && r.phase35 !== "",
  );
  const byPeriod = groupBy(rows, (r) => [r.exercise_label, r.exercise_year, r.chtype, r.reference_label, r.reference_year].join("|"));
  for (const group of byPeriod.values()) {
    const first = group[0] as Record<string, string>;
    const period = CH_PERIODS[first.reference_label as string];
    if (!period) throw new Error(`CH: unknown reference period ${first.reference_label}`);
    const start = `${first.reference_year}-${period[0]}`;
    const end = `${first.reference_year}-${period[1]}`;
    // The March cycle analyses Jan-May, the November cycle Sep-Dec.
    const published = first.exercise_label === "Jan-May" ? `${first.exercise_year}-03-31` : `${first.exercise_year}-11-30`;
    const key = `ch_${first.exercise_year}_${first.exercise_label === "Jan-May" ? "03" : "11"}`;
    sources[key] ??= {
      organisation: "Cadre Harmonisé (CILSS, RPCA) via the Food Security and Nutrition Working Group West and Central Africa",
      title: `Cadre Harmonisé — Mali, ${first.exercise_label === "Jan-May" ? "March" : "November"} ${first.exercise_year} analysis, population by phase`,
      url: "https://data.humdata.org/dataset/cadre-harmonise",
      date: published,
    };
    const chStatus = first.chtype as "current" | "projected";
    const note = "Sum of the analysed cercles (Bamako communes); Taoudénit is counted under Tombouctou.";
    const emit = (region: string, members: Record<string, string>[]) => {
      for (let phase = 1; phase <= 5; phase++) {
        addFigure({ indicator: "ch_population_by_phase", region, start, end, source: key, value: decimal(sum(members, (r) => num(r[`phase${phase}`]))), disaggregation: { chPhase: phase, chStatus }, note });
      }
      addFigure({ indicator: "ch_phase3plus", region, start, end, source: key, value: decimal(sum(members, (r) => num(r.phase35))), disaggregation: { chStatus }, note });
    };
    for (const [region, members] of groupBy(group, (r) => r.adm1_pcod2 as string)) emit(region, members);
    emit("ML", group);
  }
}

// ------------------------------------------------------------ OCHA FTS

async function ftsFigures(): Promise<void> {
  sources.fts = {
    organisation: "OCHA Financial Tracking Service (FTS)",
    title: "Mali: humanitarian response plan requirements and funding (HDX download)",
    url: "https://data.humdata.org/dataset/fts-requirements-and-funding-data-for-mali",
    date: "2026-04-18",
  };
  const isMaliPlan = (r: Record<string, string>) => r.countryCode === "MLI" && /^[HC]MLI\d{2}$/.test(r.code ?? "");
  const emit = (r: Record<string, string>, sector?: string) => {
    const start = r.startDate as string;
    const end = r.endDate as string;
    const disaggregation = sector ? { sector } : null;
    const base = { region: "ML", start, end, source: "fts", disaggregation, note: `${r.name} (${r.code}).` };
    // FTS leaves the funding cell empty when a plan's cluster received nothing (percentFunded is
    // empty too): against a requirement that is a reported 0, stored as such so that unmet and
    // coverage derive from two stored figures. Without a requirement, an empty cell is no data.
    const funded = r.funding ? decimal(num(r.funding)) : r.requirements ? "0" : null;
    if (funded !== null) addFigure({ indicator: "funding_funded", value: funded, ...base });
    if (!r.requirements) return; // funding outside the plan: no requirement, no coverage
    const required = decimal(num(r.requirements));
    addFigure({ indicator: "funding_required", value: required, ...base });
    const { unmet, coverage } = deriveFunding(required, funded);
    if (unmet !== null) addFigure({ indicator: "funding_unmet", value: unmet, ...base });
    if (coverage !== null) addFigure({ indicator: "funding_coverage", value: coverage, ...base });
  };
  for (const plan of (await csv("mli-funding-fts/fts_requirements_funding_global.csv")).filter(isMaliPlan)) emit(plan);
  for (const row of (await csv("mli-funding-fts/fts_requirements_funding_globalcluster_global.csv")).filter(isMaliPlan)) {
    emit(row, row.cluster as string);
  }
}

// ---------------------------------------------------------- HNO, COD-PS

async function hnoFigures(knownCercles: Set<string>): Promise<void> {
  sources.hno_2024 = {
    organisation: "OCHA (Humanitarian Programme Cycle)",
    title: "Mali — Humanitarian Needs and Response Plan 2024: people in need and targeted (HNO data for MLI)",
    url: "https://data.humdata.org/dataset/mali-humanitarian-needs",
    date: "2024-05-17",
  };
  const year = { start: "2024-01-01", end: "2024-12-31", source: "hno_2024" };
  const all = (await csv("mli-needs-hno/download-hno-data-mli.csv")).filter(
    (r) => !(r["Admin 1 PCode"] ?? "").startsWith("#") && r.Sector === "ALL" && r.Gender === "a" && r["Age Range"] === "ALL" && r["Population Group"] === "ALL",
  );
  const national = all.find((r) => !r["Admin 1 PCode"]);
  if (!national) throw new Error("HNO 2024: no national row");
  addFigure({ indicator: "people_in_need", region: "ML", value: decimal(num(national["In Need"])), ...year, note: "Intersectoral people in need (Sector = ALL)." });
  addFigure({ indicator: "people_targeted", region: "ML", value: decimal(num(national.Targeted)), ...year, note: "Intersectoral people targeted (Sector = ALL)." });
  addFigure({ indicator: "people_in_need_share", region: "ML", value: decimal(Math.round((num(national["In Need"]) / num(national.Population)) * 1000) / 10), ...year, note: "People in need / population of the HNO." });
  const cercles = all.filter((r) => r["Admin 2 PCode"]);
  for (const r of cercles) {
    // ML1001-ML1004, Ménaka's new cercles, have no name in the 2018 COD: they
    // count in Ménaka's total below but get no row of their own.
    if (!knownCercles.has(r["Admin 2 PCode"] as string)) continue;
    addFigure({ indicator: "people_in_need", region: r["Admin 2 PCode"] as string, value: decimal(num(r["In Need"])), ...year, note: "Intersectoral people in need." });
  }
  for (const [region, members] of groupBy(cercles, (r) => r["Admin 1 PCode"] as string)) {
    addFigure({ indicator: "people_in_need", region, value: decimal(sum(members, (r) => num(r["In Need"]))), ...year, note: "Sum of the region's cercles, intersectoral." });
    addFigure({ indicator: "people_targeted", region, value: decimal(sum(members, (r) => num(r.Targeted || "0"))), ...year, note: "Sum of the region's cercles, intersectoral." });
  }

  sources.hno_2018 = {
    organisation: "OCHA",
    title: "Mali — Humanitarian Needs Overview 2018: people in need by cercle",
    url: "https://data.humdata.org/dataset/mali-humanitarian-needs-overview-2018",
    date: "2018-01-31",
  };
  // HXL tags are this file's only header row.
  const text = await readFile(path.join(DATA, "mli-needs-hno/mli_hno_2018.csv"), "utf8");
  const rows2018 = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const y2018 = { start: "2018-01-01", end: "2018-12-31", source: "hno_2018" };
  for (const r of rows2018) addFigure({ indicator: "people_in_need", region: r["#adm2+code"] as string, value: decimal(num(r["#inneed"])), ...y2018 });
  for (const [region, members] of groupBy(rows2018, (r) => r["#adm1+code"] as string)) {
    addFigure({ indicator: "people_in_need", region, value: decimal(sum(members, (r) => num(r["#inneed"]))), ...y2018, note: "Sum of the region's cercles." });
  }
  addFigure({ indicator: "people_in_need", region: "ML", value: decimal(sum(rows2018, (r) => num(r["#inneed"]))), ...y2018, note: "Sum of all cercles." });
}

async function populationFigures(): Promise<void> {
  sources.cod_ps = {
    organisation: "Direction Nationale de la Population (DNP) Mali, via OCHA COD-PS",
    title: "Mali — Subnational population statistics (COD-PS), 2018 projection from the 2009 census",
    url: "https://data.humdata.org/dataset/cod-ps-mli",
    date: "2018-12-31",
  };
  const year = { start: "2018-01-01", end: "2018-12-31", source: "cod_ps" };
  const adm1 = await csv("mli-population-codps/population_mli_mli_pop_adm1_v2.csv");
  for (const r of adm1) addFigure({ indicator: "population", region: r.admin1Pcode as string, value: decimal(num(r.T_TL)), ...year });
  addFigure({ indicator: "population", region: "ML", value: decimal(sum(adm1, (r) => num(r.T_TL))), ...year, note: "Sum of the regions." });
  for (const r of await csv("mli-population-codps/population_mli_mli_pop_adm2_v2.csv")) {
    addFigure({ indicator: "population", region: r.admin2Pcode as string, value: decimal(num(r.T_TL)), ...year });
  }
}

// --------------------------------------------------------------- output

async function main(): Promise<void> {
  const regions = await buildRegions();
  headlineFigures();
  await dtmFigures();
  await idmcFigures();
  await chFigures();
  await ftsFigures();
  await hnoFigures(new Set(regions.filter((r) => r.level === 2).map((r) => r.pcode)));
  await populationFigures();

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
}

await main();
