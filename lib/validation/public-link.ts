// A public read-only link as the admin form, the header's share tool and
// POST /api/v1/public-links send it. Messages are keys of the `links` namespace.
import { z } from "zod";
import { linkablePage, PUBLIC_LINK_LABEL_MAX, PUBLIC_LINK_MAX_DAYS } from "../domain/public-link-pages";
import { viewPath } from "./saved-view";

export { PUBLIC_LINK_MAX_DAYS };

/**
 * The page a link shows: a same-origin path of this site with its query (the
 * saved views' rule, viewPath), and one of the linkable pages. Null when refused.
 */
export function publicLinkPath(value: unknown): string | null {
  const path = viewPath(value);
  if (path === null) return null;
  const pathname = path.split("?")[0]!;
  return linkablePage(pathname) ? path : null;
}

export const publicLinkInputSchema = z.object({
  label: z.string({ error: "labelRequired" }).trim().min(1, "labelRequired").max(PUBLIC_LINK_LABEL_MAX, "labelTooLong"),
  path: z.string({ error: "pathInvalid" }).transform((value, ctx) => {
    const path = publicLinkPath(value);
    if (path === null) ctx.addIssue({ code: "custom", message: "pathInvalid" });
    return path ?? "";
  }),
  days: z.coerce.number({ error: "daysRange" }).int("daysRange").min(1, "daysRange").max(PUBLIC_LINK_MAX_DAYS, "daysRange"),
});

export type PublicLinkInput = z.infer<typeof publicLinkInputSchema>;
