import { figureExportRoute } from "@/lib/api/figure-exports";

export const dynamic = "force-dynamic";

/** The CSV of GET /api/v1/figures.csv for French Excel: semicolons, decimal commas, UTF-8 BOM, ISO dates. */
export const GET = figureExportRoute("csv-excel-fr");
