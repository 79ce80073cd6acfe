import { NextResponse } from "next/server";
import { endpointResponse, readJsonBody, withApi } from "@/lib/api/respond";
import { figuresEndpoint } from "@/lib/api/figures-endpoint";
import { createFigureEndpoint } from "@/lib/api/figure-writes-endpoint";

export const dynamic = "force-dynamic";

export const GET = withApi("figures:read", async (request) => {
  const { status, body } = await figuresEndpoint(new URL(request.url).searchParams);
  return NextResponse.json(body, { status });
});

export const POST = withApi("figures:write", async (request, { user }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return endpointResponse(await createFigureEndpoint(body.value, user));
});
