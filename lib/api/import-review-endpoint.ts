// POST /api/v1/imports/:id/approve and /return: the batch review's answers,
// in one place for both routes.
import { NextResponse } from "next/server";
import { jsonError, readJsonBody } from "./respond";
import { parseFigureId } from "./figure-writes-endpoint";
import { outsideScopeBody } from "./scope-refusal";
import { getImport } from "../data/imports";
import { REVIEW_COMMENT_MAX, reviewImport, type ImportReviewAction } from "../data/import-review";
import type { SessionUser } from "../data/users";

export async function importReviewEndpoint(request: Request, rawId: string, user: SessionUser, action: ImportReviewAction["action"]): Promise<Response> {
  const id = parseFigureId(rawId);
  if (id === null) return jsonError(400, "invalid_parameter", `"${rawId}" is not an import id`, { parameter: "id" });
  let review: ImportReviewAction = { action: "approve" };
  if (action === "return") {
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const comment = (body.value as { comment?: unknown } | null)?.comment;
    if (typeof comment !== "string") return jsonError(400, "invalid_body", 'Send {"comment": "…"}: a return says why', { field: "comment" });
    review = { action: "return", comment };
  }
  const outcome = await reviewImport(user, id, review);
  switch (outcome.status) {
    case "reviewed":
      return NextResponse.json({ data: { ...(await getImport(id)), figures: outcome.figures, revisions: outcome.revisions } });
    case "not_found":
      return jsonError(404, "not_found", `There is no import ${id}`);
    case "forbidden":
      return jsonError(403, "forbidden", `Your role (${user.role}) may not review imports`);
    case "own_work":
      return jsonError(403, "own_work", "You imported it: another reviewer must review it (four eyes)");
    case "outside_scope":
      return NextResponse.json(outsideScopeBody(outcome.outside), { status: 403 });
    case "not_submitted":
      return jsonError(409, "not_submitted", `Import ${id} does not wait for review (published, returned or rolled back)`);
    case "invalid_comment":
      return jsonError(400, "invalid_body", outcome.reason === "required" ? "A return needs a comment saying why" : `The comment may not exceed ${REVIEW_COMMENT_MAX} characters`, { field: "comment" });
  }
}
