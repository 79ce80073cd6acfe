import { endpointResponse, readJsonBody, withApi } from "@/lib/api/respond";
import { createPublicLinkEndpoint, listPublicLinksEndpoint } from "@/lib/api/public-links-endpoint";

export const dynamic = "force-dynamic";

/** Every public link (admins) or the caller's own (reviewers), with its last use; never a token. */
export const GET = withApi("links:manage", async (_request, { user }) => endpointResponse(await listPublicLinksEndpoint(user)));

/** `{label, path, days}`: the answer carries the token and `/p/<token>` once. */
export const POST = withApi("links:manage", async (request, { user }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return endpointResponse(await createPublicLinkEndpoint(user, body.value));
});
