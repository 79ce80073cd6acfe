// Who reads a page: a signed-in user (with their scope, and a reviewer's
// "include unpublished" choice), or the visitor of a public read-only link,
// who sees published figures only. Pages that a public link may show ask
// requireReader instead of requireUser; every data read then takes the
// reader's visibility (lib/auth/visibility.ts).
import { cache } from "react";
import { cookies } from "next/headers";
import type { SessionUser } from "../data/users";
import type { Permission } from "./permissions";
import { requireUser } from "./session";
import { PUBLISHED_ONLY, visibilityFor, type Visibility } from "./visibility";

/** Set by the toggle reviewers see in the header; ignored for everyone else (visibilityFor). */
export const INCLUDE_UNPUBLISHED_COOKIE = "sr_include_unpublished";

/** The public link a request renders a page for (app/p/[token]). */
export interface PublicLinkReader {
  linkId: number;
  /** The page and filters the link shows, e.g. `/snapshot?region=ML05`. */
  path: string;
}

// One slot per request (React cache): the public link's page sets it before rendering the linked page.
const publicLinkSlot = cache((): { link: PublicLinkReader | null } => ({ link: null }));

/** Marks this request as rendering `link`'s page: no login, published figures only. */
export function enterPublicLink(link: PublicLinkReader): void {
  publicLinkSlot().link = link;
}

export function currentPublicLink(): PublicLinkReader | null {
  return publicLinkSlot().link;
}

export interface PageReader {
  /** Null only for a public link's visitor. */
  user: SessionUser | null;
  visibility: Visibility;
  publicLink: PublicLinkReader | null;
}

/** For pages a public link may show: the public link's reader, else the signed-in user with `permission` (or a redirect, as requireUser). */
export async function requireReader(permission: Permission = "figures:read"): Promise<PageReader> {
  const link = currentPublicLink();
  if (link) return { user: null, visibility: PUBLISHED_ONLY, publicLink: link };
  const user = await requireUser(permission);
  const includeUnpublished = (await cookies()).get(INCLUDE_UNPUBLISHED_COOKIE)?.value === "1";
  return { user, visibility: visibilityFor(user, { includeUnpublished }), publicLink: null };
}
