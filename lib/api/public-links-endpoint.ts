// /api/v1/public-links without the HTTP wrapper (integration tests call it
// against a real database): lib/data/public-links.ts as JSON.
import type { Role } from "../auth/permissions";
import type { Scope } from "../auth/scope";
import { createPublicLink, listPublicLinks, revokePublicLink, type PublicLinkOutcome } from "../data/public-links";
import { LINKABLE_PAGES, PUBLIC_LINK_LABEL_MAX, PUBLIC_LINK_MAX_DAYS } from "../domain/public-link-pages";
import { parseViewId } from "./views-endpoint";

type Actor = { id: number; role: Role; scope: Scope };
export type EndpointResult = { status: number; body?: unknown };

/** The form's message keys, in the API's English. */
const MESSAGES: Record<string, string> = {
  labelRequired: "is required",
  labelTooLong: `must be at most ${PUBLIC_LINK_LABEL_MAX} characters`,
  pathInvalid: `must be a path of this site with its query, on one of the pages a link may show: ${LINKABLE_PAGES.join(", ")} (e.g. /snapshot?region=ML05)`,
  daysRange: `must be a whole number of days from 1 to ${PUBLIC_LINK_MAX_DAYS}`,
};

function answer(outcome: PublicLinkOutcome): EndpointResult {
  switch (outcome.status) {
    case "created":
      // The token is in this answer only: the database keeps its hash.
      return { status: 201, body: { data: { ...outcome.link, token: outcome.token, url: `/p/${outcome.token}` } } };
    case "revoked":
      return { status: 204 };
    case "invalid":
      return { status: 400, body: { error: { code: "invalid_body", message: "Some fields are not valid", fields: Object.fromEntries(Object.entries(outcome.fields).map(([k, v]) => [k, MESSAGES[v] ?? v])) } } };
    case "not_found":
      return { status: 404, body: { error: { code: "not_found", message: "No such public link" } } };
    case "forbidden":
      return { status: 403, body: { error: { code: "forbidden", message: "Only its creator or an admin may revoke this link" } } };
    case "read_scoped":
      return { status: 403, body: { error: { code: "outside_scope", message: "Your reading is limited to a scope: a public link would show published figures beyond it, so it is not yours to create" } } };
  }
}

export async function listPublicLinksEndpoint(actor: Actor): Promise<EndpointResult> {
  return { status: 200, body: { data: await listPublicLinks(actor) } };
}

export async function createPublicLinkEndpoint(actor: Actor, body: unknown): Promise<EndpointResult> {
  return answer(await createPublicLink(actor, body));
}

export async function revokePublicLinkEndpoint(actor: Actor, rawId: string): Promise<EndpointResult> {
  const id = parseViewId(rawId);
  if (id === null) return { status: 400, body: { error: { code: "invalid_parameter", parameter: "id", message: `"${rawId}" is not a link id` } } };
  return answer(await revokePublicLink(actor, id));
}
