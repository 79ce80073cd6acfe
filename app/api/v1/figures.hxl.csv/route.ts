import { figureExportRoute } from "@/lib/api/figure-exports";

export const dynamic = "force-dynamic";

/** The figures of GET /api/v1/figures (same filters) as HXL-tagged CSV that the import reads back; all of them, streamed, unless limit/offset are given. */
export const GET = figureExportRoute("hxl");
