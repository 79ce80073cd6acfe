import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/respond";
import { listImportMappings } from "@/lib/data/import-mappings";

export const dynamic = "force-dynamic";

/** Column mappings saved for reuse (save one with `saveMappingAs` on POST /api/v1/imports). */
export const GET = withApi("imports:write", async () => NextResponse.json({ data: await listImportMappings() }));
