import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/respond";
import { listRegions } from "@/lib/data/reference";

export const dynamic = "force-dynamic";

export const GET = withApi("figures:read", async () => NextResponse.json({ data: await listRegions() }));
