// Rows → figures under a mapping. Every problem is reported with its line
// and column; rows a filter leaves out are listed as skipped, with the reason.
// Rows that give the same figure (communes of one region) are added up when
// the indicator adds up across areas; otherwise that is an error.
import { disaggregationKey, type Disaggregation } from "../domain/disaggregation";
import { decimalText, parseCellDate, parseCellNumber, parseCellYear, parseChStatus, parseMonthRange } from "./cells";
import { findColumn, type ImportMapping, type TableLayout } from "./mapping";
import type { Table } from "./read-table";
import type { RegionMatcher } from "./region-match";

export interface IndicatorInfo {
  unit: "people" | "usd" | "percent" | "count";
  spatialAggregation: "sum" | "none";
  disaggregation: "none" | "ch_phase_status" | "ch_status" | "sector";
}

export interface RowError {
  line: number;
  column: string;
  reason: string;
}

export interface Candidate {
  indicator: string;
  region: string;
  periodStart: string;
  periodEnd: string;
  disaggregation: Disaggregation | null;
  /** Exact decimal text. */
  value: string;
  /** The row's own source (a #meta+source cell), if any. */
  source: string | null;
  note: string | null;
  lines: number[];
}

export interface MappingResult {
  candidates: Candidate[];
  errors: RowError[];
  skipped: { line: number; reason: string }[];
}

interface Context {
  regions: RegionMatcher;
  indicators: ReadonlyMap<string, IndicatorInfo>;
}

/** The mapping's columns that the file lacks: an error for the whole file. */
export function missingColumns(layout: TableLayout, mapping: ImportMapping): string[] {
  const p = mapping.period as Record<string, string>;
  const refs = [
    mapping.region.code,
    mapping.region.name,
    ...["date", "start", "end", "year", "yearEnd", "label"].map((k) => p[k]),
    ...mapping.values.map((v) => v.column),
    mapping.status && "column" in mapping.status ? mapping.status.column : undefined,
    mapping.sector?.column,
    mapping.source?.column,
    mapping.note?.column,
    ...mapping.filters.map((f) => f.column),
  ].filter((r): r is string => !!r);
  return [...new Set(refs.filter((r) => !findColumn(layout.columns, r)))];
}

export function applyMapping(table: Table, layout: TableLayout, mapping: ImportMapping, ctx: Context): MappingResult {
  // Resolved once: a file can have 100,000 rows.
  const resolved = new Map<string, ReturnType<typeof findColumn>>();
  const col = (ref: string | undefined) => {
    if (!ref) return undefined;
    if (!resolved.has(ref)) resolved.set(ref, findColumn(layout.columns, ref));
    return resolved.get(ref);
  };
  const header = (ref: string) => col(ref)?.header || ref;
  const errors: RowError[] = [];
  const skipped: MappingResult["skipped"] = [];
  const sums = new Map<string, { candidate: Candidate; total: number; summable: boolean }>();

  for (let i = layout.dataStart; i < table.rows.length; i++) {
    const row = table.rows[i] as string[];
    const line = table.lineNumbers[i] as number;
    const cell = (ref: string | undefined) => {
      const c = col(ref);
      return c ? (row[c.index] ?? "").trim() : "";
    };
    const fail = (ref: string, reason: string) => errors.push({ line, column: header(ref), reason });

    const refused = mapping.filters.find((f) => !passes(cell(f.column), f));
    if (refused) {
      skipped.push({ line, reason: `${header(refused.column)} is "${cell(refused.column)}"` });
      continue;
    }
    const before = errors.length;
    const region = regionOf(mapping, cell, ctx, fail);
    const period = periodOf(mapping, cell, fail);
    let status: "current" | "projected" | undefined;
    if (mapping.status && "fixed" in mapping.status) status = mapping.status.fixed;
    else if (mapping.status) {
      const text = cell(mapping.status.column);
      const parsed = text ? parseChStatus(text) : null;
      if (text && !parsed) fail(mapping.status.column, `"${text}" is neither current nor projected`);
      status = parsed ?? undefined;
    }
    if (errors.length > before || !region || !period) continue;

    for (const v of mapping.values) {
      const text = cell(v.column);
      if (text === "") continue; // an empty cell is "no data", never 0
      const info = ctx.indicators.get(v.indicator);
      if (!info) {
        fail(v.column, `unknown indicator "${v.indicator}"`);
        continue;
      }
      const value = parseCellNumber(text);
      if (value === null) {
        fail(v.column, `"${text}" is not a number`);
        continue;
      }
      if (value < 0) fail(v.column, `${text} is negative`);
      else if (info.unit === "percent" && value > 100) fail(v.column, `${text} is a percentage over 100`);
      const d: Disaggregation = {};
      if (info.disaggregation === "ch_phase_status") {
        if (v.chPhase === undefined) fail(v.column, "needs a CH phase (1 to 5)");
        else d.chPhase = v.chPhase;
      }
      if (info.disaggregation === "ch_phase_status" || info.disaggregation === "ch_status") {
        const s = v.chStatus ?? status;
        if (!s) fail(mapping.status && "column" in mapping.status ? mapping.status.column : v.column, "needs a status: current or projected");
        else d.chStatus = s;
      }
      if (info.disaggregation === "sector" && mapping.sector) {
        const sector = cell(mapping.sector.column);
        if (sector) d.sector = sector;
      }
      if (errors.length > before) continue;
      const disaggregation = Object.keys(d).length ? d : null;
      const key = [v.indicator, region, period[0], period[1], disaggregationKey(disaggregation)].join("|");
      const existing = sums.get(key);
      const amount = Math.round(value * 10_000);
      if (existing) {
        if (!existing.summable) {
          fail(v.column, `same figure as line ${existing.candidate.lines[0]} (${v.indicator}, ${region}, ${period[0]}); ${v.indicator} does not add up across rows`);
          continue;
        }
        existing.total += amount;
        existing.candidate.lines.push(line);
        continue;
      }
      const candidate: Candidate = {
        indicator: v.indicator,
        region,
        periodStart: period[0],
        periodEnd: period[1],
        disaggregation,
        value: "",
        source: mapping.source ? cell(mapping.source.column) || null : null,
        note: mapping.note ? cell(mapping.note.column) || null : null,
        lines: [line],
      };
      sums.set(key, { candidate, total: amount, summable: info.spatialAggregation === "sum" });
    }
  }
  const candidates = [...sums.values()].map(({ candidate, total }) => ({ ...candidate, value: decimalText(total) }));
  return { candidates: mapping.derive.includes("funding") ? withFundingDerived(candidates) : candidates, errors, skipped };
}

function passes(value: string, f: ImportMapping["filters"][number]): boolean {
  if (f.equals !== undefined && value.toLowerCase() !== f.equals.toLowerCase()) return false;
  if (f.notEquals !== undefined && value.toLowerCase() === f.notEquals.toLowerCase()) return false;
  if (f.notEmpty && value === "") return false;
  if (f.matches !== undefined && !new RegExp(f.matches, "i").test(value)) return false;
  return true;
}

function regionOf(mapping: ImportMapping, cell: (ref?: string) => string, ctx: Context, fail: (ref: string, reason: string) => void): string | null {
  const { code, name, fixed, level } = mapping.region;
  const codeText = cell(code);
  const nameText = cell(name);
  const match = codeText ? ctx.regions.byCode(codeText, level) : nameText ? ctx.regions.byName(nameText, level) : fixed ? ctx.regions.byCode(fixed) : null;
  if (!match) {
    fail(code ?? name ?? "region", "no region: the cell is empty");
    return null;
  }
  if (!match.ok) {
    fail(codeText ? (code as string) : nameText ? (name as string) : "region", match.reason);
    return null;
  }
  return match.pcode;
}

function periodOf(mapping: ImportMapping, cell: (ref?: string) => string, fail: (ref: string, reason: string) => void): [string, string] | null {
  const p = mapping.period;
  const date = (ref: string) => {
    const text = cell(ref);
    const parsed = parseCellDate(text);
    if (!parsed) fail(ref, text ? `"${text}" is not a date (write YYYY-MM-DD)` : "the date is missing");
    return parsed;
  };
  const year = (ref: string) => {
    const parsed = parseCellYear(cell(ref));
    if (parsed === null) fail(ref, `"${cell(ref)}" is not a year`);
    return parsed;
  };
  if ("date" in p) {
    const d = date(p.date);
    return d ? [d, d] : null;
  }
  if ("start" in p) {
    const [start, end] = [date(p.start), date(p.end)];
    if (!start || !end) return null;
    if (end < start) {
      fail(p.end, `the period ends (${end}) before it starts (${start})`);
      return null;
    }
    return [start, end];
  }
  if ("label" in p) {
    const y = year(p.year);
    if (y === null) return null;
    const range = parseMonthRange(cell(p.label), y);
    if (!range) fail(p.label, `"${cell(p.label)}" is not a month range such as Jun-Aug`);
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

/** Unmet = max(0, required − funded) and coverage = funded / required, from the same row's sums (DOMAIN.md). */
function withFundingDerived(candidates: Candidate[]): Candidate[] {
  const groupKey = (c: Candidate) => [c.region, c.periodStart, c.periodEnd, disaggregationKey(c.disaggregation)].join("|");
  const byKey = new Map<string, Map<string, Candidate>>();
  for (const c of candidates) byKey.set(groupKey(c), (byKey.get(groupKey(c)) ?? new Map()).set(c.indicator, c));
  const derived: Candidate[] = [];
  for (const group of byKey.values()) {
    const required = group.get("funding_required");
    if (!required) continue; // funding outside a plan has no requirement and no coverage
    const req = Math.round(Number(required.value) * 10_000);
    const funded = group.get("funding_funded");
    const fund = funded ? Math.round(Number(funded.value) * 10_000) : 0;
    if (!group.has("funding_unmet")) derived.push({ ...required, indicator: "funding_unmet", value: decimalText(Math.max(0, req - fund)) });
    if (req > 0 && funded && !group.has("funding_coverage")) {
      derived.push({ ...required, indicator: "funding_coverage", value: decimalText(Math.round((fund / req) * 1000) * 1000) });
    }
  }
  return [...candidates, ...derived];
}
