import { figureExportRoute } from "@/lib/api/figure-exports";

export const dynamic = "force-dynamic";

/** The figures of GET /api/v1/figures (same filters) as XLSX (a Figures and a Sources sheet); all of them (at most 1,048,575, the rows an Excel sheet holds), unless limit/offset are given. */
export const GET = figureExportRoute("xlsx");
