// A saved view as the "Save view" form (and its Server Action) sends it.
// Messages are keys of the `share` namespace, so the form says them in the reader's language.
import { z } from "zod";
import { sameOriginPath } from "../auth/callback-url";
import { VIEW_NAME_MAX } from "../domain/view-pages";

export { VIEW_NAME_MAX };

/**
 * The page a view opens: a path of this site with its query string, never a
 * scheme, a host or the API (the one same-origin rule of lib/auth/callback-url.ts);
 * the fragment is dropped. Null when refused.
 */
export function viewPath(value: unknown): string | null {
  const path = sameOriginPath(value)?.split("#")[0];
  if (!path || path === "/api" || path.startsWith("/api/")) return null;
  return path;
}

export const savedViewInputSchema = z.object({
  name: z.string({ error: "nameRequired" }).trim().min(1, "nameRequired").max(VIEW_NAME_MAX, "nameTooLong"),
  path: z.string({ error: "pathInvalid" }).transform((value, ctx) => {
    const path = viewPath(value);
    if (path === null) ctx.addIssue({ code: "custom", message: "pathInvalid" });
    return path ?? "";
  }),
  /** A checkbox sends "on" when ticked and nothing otherwise. */
  shared: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

export type SavedViewInput = z.infer<typeof savedViewInputSchema>;

export const savedViewChangeSchema = z.object({
  name: savedViewInputSchema.shape.name.optional(),
  shared: z.boolean().optional(),
});
