import { endpointResponse, readJsonBody, withApi } from "@/lib/api/respond";
import { deleteViewEndpoint, updateViewEndpoint } from "@/lib/api/views-endpoint";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Rename or (un)share: the owner only. */
export const PATCH = withApi<Context>("views:save", async (request, { params, user }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return endpointResponse(await updateViewEndpoint(user, (await params).id, body.value));
});

/** The owner, or an admin for a view shared with everyone. */
export const DELETE = withApi<Context>("views:save", async (_request, { params, user }) => endpointResponse(await deleteViewEndpoint(user, (await params).id)));
