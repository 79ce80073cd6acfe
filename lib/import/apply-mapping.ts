// Rows → figures under a mapping. Every problem is reported with its line
// and column; rows a filter leaves out are listed as skipped, with the reason.
// Rows that give the same figure (communes of one region) are added up when
// the indicator adds up across areas; otherwise that is an error.
import { disaggregationKey, type ChStatus, type Disaggregation } from "../domain/disaggregation";
import { parseCellDate, parseCellNumber, parseCellYear, parseChStatus, parseMonthRange } from "./cells";
import { fromTenThousandths, toTenThousandths } from "./decimal";
import { withFundingDerived } from "./funding";
import { findColumn, textSpecColumns, type ImportMapping, type MappingCondition, type TableLayout, type TextSpec } from "./mapping";
import type { Table } from "./read-table";
import type { RegionMatch, RegionMatcher } from "./region-match";
import { sourceUrlProblem } from "../validation/source-url";

export interface IndicatorInfo {
  unit: "people" | "usd" | "percent" | "count";
  spatialAggregation: "sum" | "none";
  disaggregation: "none" | "ch_phase_status" | "ch_status" | "sector";
}

export interface RowError {
  line: number;
  /** The column's header as the user sees it. */
  column: string;
  reason: string;
}

export interface Candidate {
  indicator: string;
  region: string;
  periodStart: string;
  periodEnd: string;
  disaggregation: Disaggregation | null;
  /** Exact decimal text, at most 4 decimals. */
  value: string;
  /** The row's own source (a #meta+source cell), if any; of the first row when rows were added up. */
  source: string | null;
  /** The row's own source title, URL and date, when the file has those columns. */
  sourceDetails?: { title?: string; url?: string; date?: string };
  /** The dataset code the mapping gives (a column's cell, or a built-in publication's), if any. */
  dataset: string | null;
  note: string | null;
  /** Every line that went into the figure. */
  lines: number[];
}

export interface MappingResult {
  candidates: Candidate[];
  errors: RowError[];
  skipped: { line: number; reason: string }[];
}

export interface MappingContext {
  regions: RegionMatcher;
  indicators: ReadonlyMap<string, IndicatorInfo>;
  /** The dataset codes that exist; when given, a row naming another is an error. */
  datasets?: ReadonlySet<string>;
}

type Cell = (ref: string | undefined) => string;
type Fail = (ref: string, reason: string) => void;

/** Indicators a mapping names that the catalogue does not have: an error for the whole file. */
export function unknownIndicators(mapping: ImportMapping, indicators: ReadonlyMap<string, IndicatorInfo>): string[] {
  return [...new Set(mapping.values.map((v) => v.indicator).filter((code) => !indicators.has(code)))];
}

export function applyMapping(table: Table, layout: TableLayout, mapping: ImportMapping, ctx: MappingContext): MappingResult {
  const unknown = unknownIndicators(mapping, ctx.indicators);
  if (unknown.length) throw new Error(`unknown indicator ${unknown.join(", ")}`);
  // Resolved once: a file can have 100,000 rows.
  const columns = new Map<string, number | undefined>();
  const index = (ref: string) => {
    if (!columns.has(ref)) columns.set(ref, findColumn(layout.columns, ref)?.index);
    return columns.get(ref);
  };
  const header = (ref: string) => {
    const i = index(ref);
    return (i === undefined ? undefined : layout.columns[i]?.header) || ref;
  };
  const decimalMark = table.delimiter === ";" ? "," : ".";
  const regionOf = memoRegions(mapping, ctx.regions);
  const datasetOf = (cell: Cell, fail: Fail): string | null => {
    if (!mapping.dataset) return null;
    if ("fixed" in mapping.dataset) return mapping.dataset.fixed;
    const code = cell(mapping.dataset.column).toLowerCase();
    if (code && ctx.datasets && !ctx.datasets.has(code)) fail(mapping.dataset.column, `unknown dataset "${code}": create it first (POST /api/v1/datasets) or correct the code`);
    return code || null;
  };
  const filters = mapping.filters.map((f) => ({ reason: f.reason, tests: ("anyOf" in f ? f.anyOf : [f]).map(compileCondition) }));
  const errors: RowError[] = [];
  const skipped: MappingResult["skipped"] = [];
  const sums = new Map<string, { candidate: Candidate; total: bigint; summable: boolean }>();

  for (let i = layout.dataStartIndex; i < table.rows.length; i++) {
    const row = table.rows[i] as string[];
    const line = table.lineNumbers[i] as number;
    const cell: Cell = (ref) => {
      const c = ref === undefined ? undefined : index(ref);
      return c === undefined ? "" : (row[c] ?? "");
    };
    const rowErrors: RowError[] = [];
    const fail: Fail = (ref, reason) => {
      const column = header(ref);
      if (!rowErrors.some((e) => e.column === column && e.reason === reason)) rowErrors.push({ line, column, reason });
    };

    const refused = filters.find((f) => !f.tests.some((t) => t.passes(cell(t.column))));
    if (refused) {
      const shown = [...new Set(refused.tests.map((t) => `${header(t.column)} is "${cell(t.column)}"`))].join(", ");
      skipped.push({ line, reason: refused.reason ? `${refused.reason} (${shown})` : shown });
      continue;
    }
    if (mapping.values.every((v) => cell(v.column) === "")) {
      skipped.push({ line, reason: "no value in the mapped columns" }); // nothing to import, so nothing to check
      continue;
    }
    const region = regionOf(cell, fail);
    const period = periodOf(mapping.period, cell, fail);
    const status = statusOf(mapping.status, cell, fail);
    const dataset = datasetOf(cell, fail);
    const figures: { key: string; candidate: Candidate; amount: bigint; summable: boolean; column: string }[] = [];

    for (const v of mapping.values) {
      const text = cell(v.column) || (v.emptyAs ?? "");
      if (text === "") continue; // an empty cell is "no data", never 0 (unless the mapping says what it means)
      const info = ctx.indicators.get(v.indicator) as IndicatorInfo;
      const parsed = parseCellNumber(info.unit === "percent" ? text.replace(/\s*%$/, "") : text, decimalMark);
      if (!parsed.ok) {
        fail(v.column, parsed.reason);
        continue;
      }
      const amount = toTenThousandths(parsed.value);
      if (amount < 0n) fail(v.column, `${text} is negative`);
      else if (info.unit === "percent" && amount > 1_000_000n) fail(v.column, `${text} is a percentage over 100`);
      const disaggregation = disaggregationOf(v, info, status, mapping, cell, fail);
      if (!region || !period || disaggregation === undefined) continue;
      const key = [v.indicator, region, period[0], period[1], disaggregationKey(disaggregation), dataset].join("|");
      const candidate: Candidate = {
        indicator: v.indicator,
        region,
        periodStart: period[0],
        periodEnd: period[1],
        disaggregation,
        value: "",
        source: specText(mapping.source, cell, fail) || null,
        sourceDetails: sourceDetailsOf(mapping, cell, fail),
        dataset,
        note: cell(mapping.note?.column) || null,
        lines: [line],
      };
      figures.push({ key, candidate, amount, summable: info.spatialAggregation === "sum", column: v.column });
    }

    for (const f of rowErrors.length ? [] : figures) {
      const existing = sums.get(f.key);
      if (!existing) sums.set(f.key, { candidate: f.candidate, total: f.amount, summable: f.summable });
      else if (!existing.summable) fail(f.column, `duplicate of row ${existing.candidate.lines[0]} (${f.candidate.indicator}, ${f.candidate.region}, ${f.candidate.periodStart}); ${f.candidate.indicator} does not add up across rows`);
      else {
        existing.total += f.amount;
        existing.candidate.lines.push(line);
      }
    }
    errors.push(...rowErrors);
  }
  const candidates = [...sums.values()].map(({ candidate, total }) => ({ ...candidate, value: fromTenThousandths(total) }));
  return { candidates: mapping.derive.includes("funding") ? withFundingDerived(candidates) : candidates, errors, skipped };
}

function compileCondition(c: MappingCondition) {
  const lower = (s: string | undefined) => s?.toLowerCase();
  const [equals, notEquals] = [lower(c.equals?.trim()), lower(c.notEquals?.trim())];
  const [startsWith, contains] = [lower(c.startsWith), lower(c.contains)];
  return {
    column: c.column,
    passes(value: string): boolean {
      const v = value.toLowerCase();
      if (equals !== undefined && v !== equals) return false;
      if (notEquals !== undefined && v === notEquals) return false;
      if (c.notEmpty && value === "") return false;
      if (startsWith !== undefined && !v.startsWith(startsWith)) return false;
      return contains === undefined || v.includes(contains);
    },
  };
}

/** The row's P-code: the code cell, else the name cell, else the mapping's fixed code. Matches are remembered. */
function memoRegions(mapping: ImportMapping, regions: RegionMatcher) {
  const { code, name, fixed, level } = mapping.region;
  const fixedMatch = fixed ? regions.byCode(fixed) : null;
  const seen = new Map<string, RegionMatch>();
  const match = (byCode: boolean, text: string) => {
    const key = `${byCode}:${text}`;
    if (!seen.has(key)) seen.set(key, byCode ? regions.byCode(text, level) : regions.byName(text, level));
    return seen.get(key) as RegionMatch;
  };
  return (cell: Cell, fail: Fail): string | null => {
    const [codeText, nameText] = [cell(code), cell(name)];
    const result = codeText ? match(true, codeText) : nameText ? match(false, nameText) : fixedMatch;
    if (!result) fail(code ?? name ?? "region", "no region: the cell is empty");
    else if (!result.ok) fail((codeText ? code : nameText ? name : undefined) ?? "region", result.reason);
    return result?.ok ? result.pcode : null;
  };
}

/**
 * A text of the row as the mapping says: a column's cell, a fixed text, or a
 * template filled from the row's cells (a cell without its word is a row error).
 */
function specText(spec: TextSpec | undefined, cell: Cell, fail: Fail): string {
  if (!spec) return "";
  if ("column" in spec) return cell(spec.column);
  if ("fixed" in spec) return spec.fixed;
  let complete = true;
  const text = spec.template.replace(/\{([^{}]+)\}/g, (_, ref: string) => {
    const value = cell(ref);
    const words = spec.words?.[ref];
    if (!words) return value;
    const word = Object.hasOwn(words, value) ? words[value] : undefined;
    if (word === undefined) {
      fail(ref, `"${value}" is none of ${Object.keys(words).map((k) => `"${k}"`).join(", ")}`);
      complete = false;
    }
    return word ?? "";
  });
  return complete ? text.trim() : "";
}

/** The column a problem with a spec's text is reported at. */
const specColumn = (spec: TextSpec, fallback: string) => textSpecColumns(spec)[0] ?? fallback;

/** The row's source title, URL and date, when the mapping gives them (undefined when it has none). */
function sourceDetailsOf(mapping: ImportMapping, cell: Cell, fail: Fail): Candidate["sourceDetails"] {
  if (!mapping.sourceTitle && !mapping.sourceUrl && !mapping.sourceDate) return undefined;
  const details: NonNullable<Candidate["sourceDetails"]> = {};
  const title = specText(mapping.sourceTitle, cell, fail);
  if (title) details.title = title;
  const url = specText(mapping.sourceUrl, cell, fail);
  const urlProblem = url ? sourceUrlProblem(url) : null;
  if (urlProblem) fail(specColumn(mapping.sourceUrl!, "source URL"), urlProblem);
  else if (url) details.url = url;
  const dateText = specText(mapping.sourceDate, cell, fail);
  if (dateText) {
    const date = parseCellDate(dateText);
    if (date) details.date = date;
    else fail(specColumn(mapping.sourceDate!, "source date"), `"${dateText}" is not a date (write YYYY-MM-DD)`);
  }
  return details;
}

function periodOf(p: ImportMapping["period"], cell: Cell, fail: Fail): [string, string] | null {
  const date = (ref: string) => {
    const text = cell(ref);
    const parsed = parseCellDate(text);
    if (!parsed) fail(ref, text ? `"${text}" is not a date (write YYYY-MM-DD)` : "the date is missing");
    return parsed;
  };
  const year = (ref: string) => {
    const parsed = parseCellYear(cell(ref));
    if (parsed === null) fail(ref, cell(ref) ? `"${cell(ref)}" is not a year` : "the year is missing");
    return parsed;
  };
  if ("date" in p) {
    const d = date(p.date);
    return d ? [d, d] : null;
  }
  if ("start" in p) {
    const [start, end] = [date(p.start), date(p.end)];
    if (!start || !end) return null;
    if (end >= start) return [start, end];
    fail(p.end, `the period ends (${end}) before it starts (${start})`);
    return null;
  }
  if ("label" in p) {
    const y = year(p.year);
    const range = y === null ? null : parseMonthRange(cell(p.label), y);
    if (y !== null && !range) fail(p.label, `"${cell(p.label)}" is not a month range such as Jun-Aug`);
    return range;
  }
  if ("yearEnd" in p) {
    const y = year(p.yearEnd);
    return y === null ? null : [`${y}-12-31`, `${y}-12-31`];
  }
  if ("year" in p) {
    const y = year(p.year);
    return y === null ? null : [`${y}-01-01`, `${y}-12-31`];
  }
  return [p.fixedStart, p.fixedEnd];
}

/** The row's CH status; null when the cell holds another word (reported here, once). */
function statusOf(s: ImportMapping["status"], cell: Cell, fail: Fail): ChStatus | undefined | null {
  if (!s) return undefined;
  if ("fixed" in s) return s.fixed;
  const text = cell(s.column);
  if (!text) return undefined;
  const parsed = parseChStatus(text);
  if (!parsed) fail(s.column, `"${text}" is neither current nor projected`);
  return parsed;
}

/** The figure's CH phase, status or sector as its indicator needs them; undefined after an error. */
function disaggregationOf(
  v: ImportMapping["values"][number],
  info: IndicatorInfo,
  status: ChStatus | undefined | null,
  mapping: ImportMapping,
  cell: Cell,
  fail: Fail,
): Disaggregation | null | undefined {
  const d: Disaggregation = {};
  if (info.disaggregation === "ch_phase_status") {
    if (v.chPhase === undefined) return void fail(v.column, `${v.indicator} needs a CH phase (1 to 5)`);
    d.chPhase = v.chPhase;
  }
  if (info.disaggregation === "ch_phase_status" || info.disaggregation === "ch_status") {
    const s = v.chStatus ?? status;
    if (s === null) return undefined;
    const statusColumn = mapping.status && "column" in mapping.status ? mapping.status.column : undefined;
    if (!s) return void fail(statusColumn ?? v.column, "needs a status: current or projected");
    d.chStatus = s;
  }
  const sector = info.disaggregation === "sector" ? cell(mapping.sector?.column) : "";
  if (sector) d.sector = sector;
  return Object.keys(d).length ? d : null;
}
