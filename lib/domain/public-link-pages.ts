// The pages a public read-only link may show: the dashboards that read
// figures through requireReader (published figures only for a link's
// visitor). Not lists of records, forms or admin pages. Pure, so the proxy,
// the header's share tool and the link page ask the same rule.

export const LINKABLE_PAGES = ["/", "/displacement", "/food-security", "/funding", "/map", "/regions", "/regions/[pcode]", "/compare", "/snapshot"] as const;
export type LinkablePage = (typeof LINKABLE_PAGES)[number];

/** A region's P-code as a path segment (ML, ML05, ML0501…). */
const PCODE_SEGMENT = /^\/regions\/([A-Za-z0-9]{1,20})$/;

/** The linkable page `pathname` (no query) is, with its P-code for a region's page; null when a link may not show it. */
export function linkablePage(pathname: string): { page: LinkablePage; pcode?: string } | null {
  if ((LINKABLE_PAGES as readonly string[]).includes(pathname) && pathname !== "/regions/[pcode]") return { page: pathname as LinkablePage };
  const region = PCODE_SEGMENT.exec(pathname);
  return region ? { page: "/regions/[pcode]", pcode: region[1]! } : null;
}

/** The longest expiry of a public link. */
export const PUBLIC_LINK_MAX_DAYS = 365;
export const PUBLIC_LINK_LABEL_MAX = 100;
