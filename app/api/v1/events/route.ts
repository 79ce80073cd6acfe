import { endpointResponse, readJsonBody, withApi } from "@/lib/api/respond";
import { createEventEndpoint, eventsEndpoint } from "@/lib/api/events-endpoint";

export const dynamic = "force-dynamic";

/** Dated events, oldest first; `?region=` (its own and the national ones), `?from=`, `?to=`. */
export const GET = withApi("figures:read", async (request, { user }) => endpointResponse(await eventsEndpoint(new URL(request.url).searchParams, user.scope)));

/** Creates an event from { title, titleFr?, startDate, endDate?, region?, sourceUrl, note? }. */
export const POST = withApi("events:write", async (request, { user }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return endpointResponse(await createEventEndpoint(body.value, user));
});
