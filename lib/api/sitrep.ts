// GET /api/v1/sitrep.pptx and /api/v1/sitrep.docx: the snapshot's content
// (lib/api/snapshot-content.ts) as an editable PowerPoint deck or a Word
// document, in en or fr. Same area, language, permission and export slot as
// the PDF; built in this process, no browser.
import { NextResponse } from "next/server";
import { recordReadAudit } from "../data/audit";
import type { SessionUser } from "../data/users";
import { DOCX_CONTENT_TYPE, sitrepDocx } from "../export/sitrep-docx";
import { PPTX_CONTENT_TYPE, sitrepPptx } from "../export/sitrep-pptx";
import { withExportSlot } from "./export-gate";
import { withApi } from "./respond";
import { publishedOnly, visibilityFor } from "../auth/visibility";
import { snapshotContent, snapshotRequest } from "./snapshot-content";

export type PackFormat = "pptx" | "docx";

const BUILD: Record<PackFormat, { type: string; build: typeof sitrepPptx }> = {
  pptx: { type: PPTX_CONTENT_TYPE, build: sitrepPptx },
  docx: { type: DOCX_CONTENT_TYPE, build: sitrepDocx },
};

export async function sitrepPack(format: PackFormat, request: Request, user: SessionUser): Promise<Response> {
  // A file that leaves the app: published figures, within the user's read scope.
  const v = publishedOnly(visibilityFor(user));
  const checked = await snapshotRequest(request, v);
  if (!checked.ok) return checked.response;
  const { area, locale } = checked;
  const content = await snapshotContent(v, area, locale);
  const bytes = await BUILD[format].build(content);
  await recordReadAudit({ userId: user.id, action: `export.${format}`, entity: "snapshot", entityId: area.pcode, after: { locale } });
  const name = `sitrep_${area.name.en.toLowerCase().replace(/[^a-z0-9]+/g, "-")}_${locale}_${content.today}.${format}`;
  return new NextResponse(new Uint8Array(bytes), { headers: { "content-type": BUILD[format].type, "content-disposition": `attachment; filename="${name}"`, "cache-control": "private, no-store" } });
}

/** The route handler of one format: any role that may export, in one of the user's export slots. */
export function sitrepRoute(format: PackFormat) {
  return withApi("exports:read", (request, { user }) => withExportSlot(user.id, () => sitrepPack(format, request, user)));
}
