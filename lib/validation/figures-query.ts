// The filters of GET /api/v1/figures, its exports and the /figures page.
import { z } from "zod";
import { decodeFigureCursor, type FigureCursor } from "../domain/figure-cursor";
import { parseIsoDate } from "../domain/dates";
import { isoDate, isoDateText } from "./iso-date";
import { DATASET_CODE } from "./dataset-input";
import { queryIssue } from "./query-issue";

export const INDICATOR_CODE = /^[a-z][a-z0-9_]{0,63}$/;
// OCHA P-codes (ML, ML05, ML0501); IOM's MLI05 is accepted by imports, not here.
export const PCODE = /^ML(\d{2}){0,3}$/;

/** Free text matched (case-insensitive) in the indicator's and region's names, the source's title and the note. */
export const figureSearchSchema = z
  .string()
  .trim()
  .max(200, "must be at most 200 characters")
  .transform((v) => v || undefined);

export const FIGURE_STATUSES = ["draft", "submitted", "published", "returned"] as const;
export type FigureStatusCode = (typeof FIGURE_STATUSES)[number];

/**
 * `status=`: a comma list of draft, submitted, published, returned, or `all`
 * (absent: published). The data layer intersects it with what the reader may
 * see, so asking for more is never refused, only answered with what is visible.
 */
export const figureStatusListSchema = z
  .string()
  .transform((raw, ctx): FigureStatusCode[] => {
    const parts = [...new Set(raw.split(",").map((p) => p.trim().toLowerCase()).filter(Boolean))];
    if (parts.includes("all")) return [...FIGURE_STATUSES];
    const unknown = parts.find((p) => !(FIGURE_STATUSES as readonly string[]).includes(p));
    // A mistyped word is named; anything else (an injection attempt) is not echoed back.
    if (unknown !== undefined || !parts.length) {
      ctx.addIssue({ code: "custom", message: `${unknown === undefined ? "is empty" : /^[a-z_]{1,20}$/.test(unknown) ? `"${unknown}" is not a status` : "holds a value that is not a status"}: give draft, submitted, published, returned (a comma list) or all` });
      return z.NEVER;
    }
    return parts as FigureStatusCode[];
  });

/** The id of the user who last changed the figure. */
export const changedBySchema = z.coerce.number().int().positive().max(2_147_483_647);

export const figuresQuerySchema = z
  .object({
    indicator: z.array(z.string().regex(INDICATOR_CODE, "must be an indicator code such as idps")).max(50),
    region: z.array(z.string().regex(PCODE, "must be a P-code such as ML05")).max(200),
    dataset: z.array(z.string().regex(DATASET_CODE, "must be a dataset code such as iom-dtm-mali")).max(50),
    from: isoDate().optional(),
    to: isoDate().optional(),
    q: figureSearchSchema.optional(),
    changedBy: changedBySchema.optional(),
    status: figureStatusListSchema.optional().transform((s): FigureStatusCode[] => s ?? ["published"]),
    limit: z.coerce.number().int().min(1).max(50_000).default(5_000),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before from", path: ["to"] });

export type FiguresQuery = z.infer<typeof figuresQuerySchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; parameter: string; message: string };

const REPEATABLE = new Set(["indicator", "region", "dataset"]);
const KNOWN = new Set(["indicator", "region", "dataset", "from", "to", "q", "changedBy", "status", "limit", "offset"]);

export function parseFiguresQuery(params: URLSearchParams): ParseResult<FiguresQuery> {
  for (const key of new Set(params.keys())) {
    if (!KNOWN.has(key)) return { ok: false, parameter: key, message: `unknown parameter "${key}"` };
    if (!REPEATABLE.has(key) && params.getAll(key).length > 1) {
      return { ok: false, parameter: key, message: `"${key}" may be given once` };
    }
  }
  const raw = {
    indicator: params.getAll("indicator").flatMap((v) => v.split(",")).map((v) => v.trim()),
    region: params.getAll("region").flatMap((v) => v.split(",")).map((v) => v.trim().toUpperCase()),
    dataset: params.getAll("dataset").flatMap((v) => v.split(",")).map((v) => v.trim().toLowerCase()),
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    q: params.get("q") ?? undefined,
    changedBy: params.get("changedBy") ?? undefined,
    status: params.get("status") ?? undefined,
    limit: params.get("limit") ?? undefined,
    offset: params.get("offset") ?? undefined,
  };
  const parsed = figuresQuerySchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, ...queryIssue(parsed.error) };
}

/** The /figures page's filters: one value each, as its GET form sends them. */
export interface FigureListFilters {
  indicator?: string;
  region?: string;
  dataset?: string;
  from?: string;
  to?: string;
  q?: string;
  changedBy?: number;
  /** One status (absent: every figure the reader may see, their own unpublished ones marked). */
  status?: FigureStatusCode;
}

const LIST_FIELDS = {
  indicator: z.string().regex(INDICATOR_CODE),
  region: z.string().trim().toUpperCase().regex(PCODE),
  dataset: z.string().regex(DATASET_CODE),
  from: isoDateText(),
  to: isoDateText(),
  q: figureSearchSchema,
  changedBy: changedBySchema,
  status: z.enum(FIGURE_STATUSES),
} as const;

/**
 * The /figures page's reading of its URL: a refused filter (a hand-edited
 * date, an unknown shape of code) is dropped and the others still apply;
 * `after`/`before` are the keyset cursors of the next and previous pages.
 */
export function parseFigureList(input: Record<string, string | string[] | undefined>): { filters: FigureListFilters; after: FigureCursor | null; before: FigureCursor | null; dropped: string[] } {
  const first = (key: string) => {
    const v = input[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const filters: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, schema] of Object.entries(LIST_FIELDS)) {
    const raw = first(key);
    if (raw === undefined || raw === "") continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
    else if (!parsed.success) dropped.push(key);
  }
  const list = filters as FigureListFilters;
  if (list.from && list.to && list.from > list.to) {
    delete list.to;
    dropped.push("to");
  }
  const after = first("after");
  const before = first("before");
  return { filters: list, after: after ? decodeFigureCursor(after) : null, before: before ? decodeFigureCursor(before) : null, dropped };
}

/** The page's filters as the data layer's (and the API's) query shape. */
export function listFiltersToQuery(f: FigureListFilters): Pick<FiguresQuery, "indicator" | "region" | "dataset" | "from" | "to" | "q" | "changedBy"> & { status?: FigureStatusCode[] } {
  return {
    indicator: f.indicator ? [f.indicator] : [],
    region: f.region ? [f.region] : [],
    dataset: f.dataset ? [f.dataset] : [],
    from: f.from ? parseIsoDate(f.from)! : undefined,
    to: f.to ? parseIsoDate(f.to)! : undefined,
    q: f.q,
    changedBy: f.changedBy,
    status: f.status ? [f.status] : undefined,
  };
}
