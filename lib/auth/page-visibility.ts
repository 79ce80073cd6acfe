// The visibility of a signed-in user's page that no public link shows
// (/figures, a figure's page, imports): their own unpublished figures, and a
// reviewer's "include unpublished" when they turned it on in the header.
import { cookies } from "next/headers";
import type { SessionUser } from "../data/users";
import { INCLUDE_UNPUBLISHED_COOKIE } from "./reader";
import { visibilityFor, type Visibility } from "./visibility";

/** Whether the reader turned "include unpublished" on (the header's toggle; only reviewers are offered it). */
export async function includeUnpublishedChosen(): Promise<boolean> {
  return (await cookies()).get(INCLUDE_UNPUBLISHED_COOKIE)?.value === "1";
}

export async function pageVisibility(user: SessionUser): Promise<Visibility> {
  return visibilityFor(user, { includeUnpublished: await includeUnpublishedChosen() });
}
