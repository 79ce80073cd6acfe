import { NextResponse } from "next/server";
import { endpointResponse, jsonError, readJsonBody, withApi } from "@/lib/api/respond";
import { deleteEventEndpoint, parseEventId, updateEventEndpoint } from "@/lib/api/events-endpoint";
import { getEvent } from "@/lib/data/events";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

const badId = (raw: string) => jsonError(400, "invalid_parameter", `"${raw}" is not an event id`, { parameter: "id" });

export const GET = withApi<Context>("figures:read", async (_request, { params, user }) => {
  const raw = (await params).id;
  const id = parseEventId(raw);
  if (id === null) return badId(raw);
  const event = await getEvent(id, user.scope);
  return event ? NextResponse.json({ data: event }) : jsonError(404, "not_found", `There is no event ${id}`);
});

/** The fields to change and the `version` the client saw. */
export const PATCH = withApi<Context>("events:write", async (request, { params, user }) => {
  const raw = (await params).id;
  const id = parseEventId(raw);
  if (id === null) return badId(raw);
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return endpointResponse(await updateEventEndpoint(id, body.value, user));
});

/** `?version=n` makes the delete conditional on the version the client saw. */
export const DELETE = withApi<Context>("events:write", async (request, { params, user }) => {
  const raw = (await params).id;
  const id = parseEventId(raw);
  if (id === null) return badId(raw);
  return endpointResponse(await deleteEventEndpoint(id, new URL(request.url).searchParams.get("version"), user));
});
