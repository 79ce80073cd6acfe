// The dashboards' filters, kept in the URL query so any view can be bookmarked
// and shared: ?indicator=idps&region=ML05&region=ML07&from=2018-01-01&to=2021-12-31
// &status=projected&date=2021-09-30&year=2024&level=cercle. A malformed value is dropped
// (the page falls back to its default) rather than failing the whole page.
import { z } from "zod";
import { isoDateText } from "./iso-date";
import { INDICATOR_CODE, PCODE } from "./figures-query";

export type ChStatusFilter = "current" | "projected";
/** The map's areas: regions, or cercles (the CH area phase map). */
export type LevelFilter = "region" | "cercle";

export interface DashboardFilters {
  indicator?: string;
  regions: string[];
  from?: string;
  to?: string;
  status: ChStatusFilter;
  date?: string;
  year?: number;
  level: LevelFilter;
}

type SearchParams = Record<string, string | string[] | undefined>;

const isoDate = isoDateText();
const fields = {
  indicator: z.string().regex(INDICATOR_CODE),
  region: z.string().regex(PCODE),
  from: isoDate,
  to: isoDate,
  status: z.enum(["current", "projected"]),
  date: isoDate,
  year: z.coerce.number().int().min(1990).max(2100),
  level: z.enum(["region", "cercle"]),
};

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function valid<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function parseDashboardFilters(params: SearchParams): DashboardFilters {
  const rawRegions = params.region === undefined ? [] : ([] as string[]).concat(params.region);
  const regions = [...new Set(rawRegions.flatMap((r) => r.split(",")).map((r) => r.trim().toUpperCase()))].filter((r) => fields.region.safeParse(r).success).slice(0, 60);
  let from = valid(fields.from, first(params.from));
  let to = valid(fields.to, first(params.to));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    indicator: valid(fields.indicator, first(params.indicator)),
    regions,
    from,
    to,
    status: valid(fields.status, first(params.status)) ?? "current",
    date: valid(fields.date, first(params.date)),
    year: valid(fields.year, first(params.year)),
    level: valid(fields.level, first(params.level)) ?? "region",
  };
}

/** The query string for `filters`, without defaults, in a stable order. */
export function filtersToQuery(filters: Partial<DashboardFilters>): string {
  const q = new URLSearchParams();
  if (filters.indicator) q.set("indicator", filters.indicator);
  for (const r of filters.regions ?? []) q.append("region", r);
  if (filters.from) q.set("from", filters.from);
  if (filters.to) q.set("to", filters.to);
  if (filters.status && filters.status !== "current") q.set("status", filters.status);
  if (filters.date) q.set("date", filters.date);
  if (filters.year) q.set("year", String(filters.year));
  if (filters.level && filters.level !== "region") q.set("level", filters.level);
  const text = q.toString();
  return text ? `?${text}` : "";
}
