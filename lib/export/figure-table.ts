// The columns of a figures export, shared by CSV, XLSX and HXL: one row per
// figure, as GET /api/v1/figures returns them, with names for people.
import type { FigureDto } from "../data/figures";
import type { IndicatorDto, RegionDto } from "../data/reference";

export interface ExportNames {
  regions: ReadonlyMap<string, Pick<RegionDto, "name" | "level">>;
  indicators: ReadonlyMap<string, Pick<IndicatorDto, "name" | "hxl">>;
  lang: "en" | "fr";
}

export type ExportCell = string | number | null;

interface Column {
  header: string;
  kind?: "number" | "date";
  get: (f: FigureDto, names: ExportNames) => ExportCell;
}

/** The plain CSV and XLSX columns; `value` is the figure's value. */
export const FIGURE_COLUMNS: readonly Column[] = [
  { header: "id", kind: "number", get: (f) => f.id },
  { header: "indicator", get: (f) => f.indicator },
  { header: "indicator_name", get: (f, n) => n.indicators.get(f.indicator)?.name[n.lang] ?? null },
  { header: "region", get: (f) => f.region },
  { header: "region_name", get: (f, n) => n.regions.get(f.region)?.name[n.lang] ?? null },
  { header: "admin_level", kind: "number", get: (f, n) => n.regions.get(f.region)?.level ?? null },
  { header: "period_start", kind: "date", get: (f) => f.periodStart },
  { header: "period_end", kind: "date", get: (f) => f.periodEnd },
  { header: "ch_phase", kind: "number", get: (f) => f.disaggregation?.chPhase ?? null },
  { header: "ch_status", get: (f) => f.disaggregation?.chStatus ?? null },
  { header: "sector", get: (f) => f.disaggregation?.sector ?? null },
  { header: "value", kind: "number", get: (f) => f.value },
  { header: "unit", get: (f) => f.unit },
  /** The series or report the figure belongs to: figures of two datasets may share every other key column. */
  { header: "dataset", get: (f) => f.dataset.code },
  { header: "dataset_name", get: (f) => f.dataset.name },
  { header: "source_organisation", get: (f) => f.source.organisation },
  { header: "source_title", get: (f) => f.source.title },
  { header: "source_url", get: (f) => f.source.url },
  { header: "source_date", kind: "date", get: (f) => f.source.date },
  { header: "note", get: (f) => f.note },
  { header: "updated_at", get: (f) => f.updatedAt },
];

export function figureRow(f: FigureDto, names: ExportNames): ExportCell[] {
  return FIGURE_COLUMNS.map((c) => c.get(f, names));
}

/**
 * HXL value columns: one per indicator (and CH phase), so each row fills the
 * column of its figure and the import maps every column by its tag. CH status
 * and sector go in their own columns (#status, #sector).
 */
export interface HxlValueColumn {
  indicator: string;
  chPhase: number | null;
  header: string;
  tag: string;
}

export function hxlValueColumns(combos: readonly { indicator: string; chPhase: number | null }[], names: ExportNames): HxlValueColumn[] {
  return combos.map(({ indicator, chPhase }) => {
    const base = names.indicators.get(indicator)?.hxl ?? `#indicator+${indicator}`;
    // ch_population_by_phase is tagged per phase (#affected+food+ch+p3); ch_phase3plus already says +p3plus.
    const tag = chPhase === null ? base : `${base.replace(/\+p[1-5]$/, "")}+p${chPhase}`;
    const name = names.indicators.get(indicator)?.name[names.lang] ?? indicator;
    return { indicator, chPhase, header: chPhase === null ? name : `${name} (phase ${chPhase})`, tag };
  });
}

const AREA_TAG = ["#country+code", "#adm1+code", "#adm2+code"] as const;
const AREA_NAME_TAG = ["#country+name", "#adm1+name", "#adm2+name"] as const;

/** The HXL export's header and hashtag rows. */
export function hxlHeader(level: 0 | 1 | 2, values: readonly HxlValueColumn[]): { headers: string[]; tags: string[] } {
  const fixed = [
    ["P-code", AREA_TAG[level]],
    ["Area", AREA_NAME_TAG[level]],
    ["Start", "#date+start"],
    ["End", "#date+end"],
    ["CH status", "#status"],
    ["Sector", "#sector"],
  ];
  const after = [
    // The import reads it back as the row's dataset: a re-import lands in the same datasets.
    ["Dataset", "#meta+dataset"],
    ["Source", "#meta+source"],
    ["Source title", "#meta+source+title"],
    ["Source URL", "#meta+source+url"],
    ["Source date", "#meta+source+date"],
    ["Note", "#meta+comment"],
  ];
  const all = [...fixed, ...values.map((v) => [v.header, v.tag]), ...after];
  return { headers: all.map((c) => c[0]!), tags: all.map((c) => c[1]!) };
}

/** One figure as an HXL row: its value in its own column, the others empty. */
export function hxlRow(f: FigureDto, values: readonly HxlValueColumn[], names: ExportNames): ExportCell[] {
  const chPhase = f.disaggregation?.chPhase ?? null;
  return [
    f.region,
    names.regions.get(f.region)?.name[names.lang] ?? null,
    f.periodStart,
    f.periodEnd,
    f.disaggregation?.chStatus ?? null,
    f.disaggregation?.sector ?? null,
    ...values.map((v) => (v.indicator === f.indicator && v.chPhase === chPhase ? f.value : null)),
    f.dataset.code,
    f.source.organisation,
    f.source.title,
    f.source.url,
    f.source.date,
    f.note,
  ];
}

/** A file name that says what it holds: figures_idps_ML05-ML06_2016-01-01_2025-12-31.csv (and _iom-dtm-mali when filtered by dataset) */
export function exportFileName(filters: { indicator: string[]; region: string[]; dataset?: string[]; from: string | null; to: string | null }, extension: string): string {
  const part = (values: string[], all: string) => (values.length === 0 ? all : values.length > 3 ? `${values.slice(0, 3).join("-")}-and-${values.length - 3}-more` : values.join("-"));
  const dates = filters.from || filters.to ? `_${filters.from ?? "start"}_${filters.to ?? "latest"}` : "";
  const datasets = filters.dataset?.length ? `_${part(filters.dataset, "")}` : "";
  return `figures_${part(filters.indicator, "all-indicators")}_${part(filters.region, "all-areas")}${datasets}${dates}.${extension}`.replace(/[^A-Za-z0-9_.-]/g, "-");
}
