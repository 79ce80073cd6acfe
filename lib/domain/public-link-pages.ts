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

/**
 * Set by the proxy on /p/* requests only (any value a client sends is
 * dropped): the root layout then renders the page without navigation.
 */
export const PUBLIC_LINK_HEADER = "x-sr-public";

/** The pages that show one area: the region named is their subject, not a filter. */
export function needsRegion(page: LinkablePage): boolean {
  return page === "/regions/[pcode]" || page === "/snapshot";
}

export interface LinkFormChoice {
  page: string;
  /** A P-code: the region's page or snapshot, else a `region=` filter. */
  region: string;
  /** A query string (`indicator=idps&from=2024-01-01`), with or without its `?`. */
  filters: string;
}

/** The admin form's choices as a path (the link's `path`), or the key of what is missing. */
export function composeLinkPath(choice: LinkFormChoice): { path: string } | { error: "pathInvalid" | "regionRequired" } {
  if (!(LINKABLE_PAGES as readonly string[]).includes(choice.page)) return { error: "pathInvalid" };
  const page = choice.page as LinkablePage;
  const region = choice.region.trim();
  if (region && !/^[A-Za-z0-9]{1,20}$/.test(region)) return { error: "regionRequired" };
  if (needsRegion(page) && !region) return { error: "regionRequired" };
  const query = new URLSearchParams(choice.filters.trim().replace(/^\?/, ""));
  if (region && page !== "/regions/[pcode]") query.set("region", region);
  const pathname = page === "/regions/[pcode]" ? `/regions/${region}` : page;
  const search = query.toString();
  return { path: search ? `${pathname}?${search}` : pathname };
}

/** A path (a page the user was on) as the admin form's choices, to prefill it; null when no link may show it. */
export function decomposeLinkPath(path: string): LinkFormChoice | null {
  let url: URL;
  try {
    url = new URL(path, "http://link.invalid");
  } catch {
    return null;
  }
  const target = linkablePage(url.pathname);
  if (!target) return null;
  const query = new URLSearchParams(url.search);
  let region = target.pcode ?? "";
  // One region filter becomes the region choice; several stay filters.
  if (!region && query.getAll("region").length === 1) {
    region = query.get("region")!;
    query.delete("region");
  }
  return { page: target.page, region, filters: query.toString() };
}
