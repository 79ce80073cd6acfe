// The filters of GET /api/v1/figures (and, later, its exports).
import { z } from "zod";
import { isoDate } from "./iso-date";
import { DATASET_CODE } from "./dataset-input";
import { queryIssue } from "./query-issue";

export const INDICATOR_CODE = /^[a-z][a-z0-9_]{0,63}$/;
// OCHA P-codes (ML, ML05, ML0501); IOM's MLI05 is accepted by imports, not here.
export const PCODE = /^ML(\d{2}){0,3}$/;

export const figuresQuerySchema = z
  .object({
    indicator: z.array(z.string().regex(INDICATOR_CODE, "must be an indicator code such as idps")).max(50),
    region: z.array(z.string().regex(PCODE, "must be a P-code such as ML05")).max(200),
    dataset: z.array(z.string().regex(DATASET_CODE, "must be a dataset code such as iom-dtm-mali")).max(50),
    from: isoDate().optional(),
    to: isoDate().optional(),
    limit: z.coerce.number().int().min(1).max(50_000).default(5_000),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before from", path: ["to"] });

export type FiguresQuery = z.infer<typeof figuresQuerySchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; parameter: string; message: string };

const REPEATABLE = new Set(["indicator", "region", "dataset"]);
const KNOWN = new Set(["indicator", "region", "dataset", "from", "to", "limit", "offset"]);

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
    limit: params.get("limit") ?? undefined,
    offset: params.get("offset") ?? undefined,
  };
  const parsed = figuresQuerySchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, ...queryIssue(parsed.error) };
}
