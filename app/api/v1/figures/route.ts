import { NextResponse } from "next/server";
import { endpointResponse, readJsonBody, withApi } from "@/lib/api/respond";
import { figuresEndpoint } from "@/lib/api/figures-endpoint";
import { createFigureEndpoint } from "@/lib/api/figure-writes-endpoint";
import { visibilityFor } from "@/lib/auth/visibility";

export const dynamic = "force-dynamic";

// `status=` is the API's "include unpublished": it defaults to published, and a reviewer may ask for what they may review.
export const GET = withApi("figures:read", async (request, { user }) => {
  const { status, body } = await figuresEndpoint(visibilityFor(user, { includeUnpublished: true }), new URL(request.url).searchParams);
  return NextResponse.json(body, { status });
});

export const POST = withApi("figures:write", async (request, { user }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return endpointResponse(await createFigureEndpoint(body.value, user));
});
