import { figureExportRoute } from "@/lib/api/figure-exports";

export const dynamic = "force-dynamic";

/** The figures of GET /api/v1/figures (same filters) as CSV; all of them, streamed, unless limit/offset are given. */
export const GET = figureExportRoute("csv");
