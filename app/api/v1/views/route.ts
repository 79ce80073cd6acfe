import { endpointResponse, readJsonBody, withApi } from "@/lib/api/respond";
import { createViewEndpoint, listViewsEndpoint } from "@/lib/api/views-endpoint";

export const dynamic = "force-dynamic";

/** The caller's saved views and those others share with everyone. */
export const GET = withApi("views:save", async (_request, { user }) => endpointResponse(await listViewsEndpoint(user)));

export const POST = withApi("views:save", async (request, { user }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return endpointResponse(await createViewEndpoint(user, body.value));
});
