import { sitrepRoute } from "@/lib/api/sitrep";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The situation snapshot of the country (no region) or a region as a Word document (key figures, chart pictures and tables, sources), in en or fr. */
export const GET = sitrepRoute("docx");
