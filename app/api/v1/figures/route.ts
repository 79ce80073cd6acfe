import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/respond";
import { figuresEndpoint } from "@/lib/api/figures-endpoint";

export const dynamic = "force-dynamic";

export const GET = withApi("figures:read", async (request) => {
  const { status, body } = await figuresEndpoint(new URL(request.url).searchParams);
  return NextResponse.json(body, { status });
});
