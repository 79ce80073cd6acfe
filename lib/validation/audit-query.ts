// Filters of the audit log page, its CSV export and GET /api/v1/audit.
import { z } from "zod";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .transform((v) => v || undefined)
    .optional();

export const auditQuerySchema = z
  .object({
    /** An action (`auth.login`) or a prefix ending in a dot (`user.`). */
    action: optionalText(100),
    /** The acting user's email, or part of it. */
    user: optionalText(320),
    entity: optionalText(50),
    entityId: optionalText(100),
    from: z.string().regex(ISO_DATE, "from must be a date YYYY-MM-DD").optional(),
    to: z.string().regex(ISO_DATE, "to must be a date YYYY-MM-DD").optional(),
    /** Keyset paging: events older than this id. */
    before: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["to"] });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** URLSearchParams or a page's searchParams as the plain object the schema reads (first value of each). */
export function auditQueryInput(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  return Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}
