// Filters of the audit log page, its CSV export and GET /api/v1/audit.
import { z } from "zod";
import { isoDateText } from "./iso-date";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => v || undefined)
    .optional();

/** Marks the "to before from" refusal (zod issue params), so the page can say so in the reader's language. */
const ORDER_PROBLEM = { problem: "order" } as const;

export const auditQuerySchema = z
  .object({
    /** An action (`auth.login`) or a prefix ending in a dot (`user.`). */
    action: optionalText(100),
    /** The acting user's email, or part of it. */
    user: optionalText(320),
    entity: optionalText(50),
    entityId: optionalText(100),
    from: isoDateText().optional(),
    to: isoDateText().optional(),
    /** Keyset paging: events older than this id. */
    before: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before from", path: ["to"], params: ORDER_PROBLEM });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** URLSearchParams or a page's searchParams as the plain object the schema reads (first value of each). */
export function auditQueryInput(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  return Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}

/** Why the page ignored a filter: not a date, an end before the start, or any other bad value. */
export type AuditFilterProblem = "date" | "order" | "invalid";

function problemOf(issue: z.core.$ZodIssue): AuditFilterProblem {
  const problem = issue.code === "custom" ? (issue.params as { problem?: unknown } | undefined)?.problem : undefined;
  return problem === "date" || problem === "order" ? problem : "invalid";
}

/**
 * The audit page's reading of its URL: each refused filter is dropped (and
 * reported against its field) and the others still apply, so a hand-edited
 * `from=2024-99-99` shows an error at the field rather than failing the page.
 */
export function parseAuditFilters(input: Record<string, string>): { query: AuditQuery; values: Record<string, string>; problems: Partial<Record<string, AuditFilterProblem>> } {
  const problems: Partial<Record<string, AuditFilterProblem>> = {};
  let values = input;
  // Field refusals come first; the from/to order is only checked once every field parses.
  for (let pass = 0; pass < 3; pass++) {
    const parsed = auditQuerySchema.safeParse(values);
    if (parsed.success) return { query: parsed.data, values, problems };
    for (const issue of parsed.error.issues) problems[String(issue.path[0] ?? "")] ??= problemOf(issue);
    values = Object.fromEntries(Object.entries(values).filter(([k]) => !(k in problems)));
  }
  return { query: auditQuerySchema.parse({}), values: {}, problems };
}
