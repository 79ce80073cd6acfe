import { figureExportRoute } from "@/lib/api/figure-exports";

export const dynamic = "force-dynamic";

/** The figures of GET /api/v1/figures (same filters) as XLSX (a Figures and a Sources sheet); all of them (at most 200,000), unless limit/offset are given. */
export const GET = figureExportRoute("xlsx");
