import { withExportSlot } from "@/lib/api/export-gate";
import { withApi } from "@/lib/api/respond";
import { snapshotPdf } from "@/lib/api/snapshot-pdf";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The situation snapshot of the country (no region) or a region, one A4 page in en or fr. */
export const GET = withApi("exports:read", (request, { user }) => withExportSlot(user.id, () => snapshotPdf(request, user)));
