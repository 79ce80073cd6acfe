import { NextResponse } from "next/server";
import { endpointResponse, jsonError, readJsonBody, withApi } from "@/lib/api/respond";
import { deleteFigureEndpoint, parseFigureId, updateFigureEndpoint } from "@/lib/api/figure-writes-endpoint";
import { readFigure } from "@/lib/data/figures";
import { visibilityFor } from "@/lib/auth/visibility";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

const badId = (raw: string) => jsonError(400, "invalid_parameter", `"${raw}" is not a figure id`, { parameter: "id" });

export const GET = withApi<Context>("figures:read", async (_request, { params, user }) => {
  const raw = (await params).id;
  const id = parseFigureId(raw);
  if (id === null) return badId(raw);
  // Checked on the record: a figure the user may not read is answered as one that does not exist.
  const figure = await readFigure(visibilityFor(user, { includeUnpublished: true }), id);
  return figure ? NextResponse.json({ data: figure }) : jsonError(404, "not_found", `There is no figure ${id}`);
});

export const PATCH = withApi<Context>("figures:write", async (request, { params, user }) => {
  const raw = (await params).id;
  const id = parseFigureId(raw);
  if (id === null) return badId(raw);
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return endpointResponse(await updateFigureEndpoint(id, body.value, user));
});

/** `?version=n` makes the delete conditional on the version the client saw. */
export const DELETE = withApi<Context>("figures:write", async (request, { params, user }) => {
  const raw = (await params).id;
  const id = parseFigureId(raw);
  if (id === null) return badId(raw);
  return endpointResponse(await deleteFigureEndpoint(id, new URL(request.url).searchParams.get("version"), user));
});
