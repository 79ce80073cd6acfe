import { sitrepRoute } from "@/lib/api/sitrep";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The situation snapshot of the country (no region) or a region as an editable PowerPoint deck (native charts with their data), in en or fr. */
export const GET = sitrepRoute("pptx");
