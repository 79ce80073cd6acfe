// POST /api/v1/figures/:id/submit, /approve, /return and GET
// /api/v1/review-queue without the HTTP wrapper: each runs the review use
// case (lib/data/review.ts) and translates its outcome, in this one place.
import { getFigure } from "../data/figure-writes";
import { reviewFigures, reviewQueue, submitFigure, type ItemRefusal, type ReviewAction } from "../data/review";
import type { Reviewer } from "../domain/review";
import { reviewCommentSchema, reviewQueueQuerySchema } from "../validation/review";
import { outsideScopeBody } from "./scope-refusal";
import type { EndpointResult } from "./figure-writes-endpoint";

const error = (status: number, code: string, message: string): EndpointResult => ({ status, body: { error: { code, message } } });

/** One refused item as HTTP: 403 who may not, 409 what cannot be, 404 what is not. */
export function refusalResponse(refusal: ItemRefusal): EndpointResult {
  switch (refusal.reason) {
    case "not_found":
      return error(404, "not_found", `There is no figure ${refusal.id}`);
    case "forbidden":
      return error(403, "forbidden", "Only a reviewer or an admin reviews figures");
    case "own_work":
      return error(403, "own_work", "You wrote this change: someone else must review it (four eyes)");
    case "outside_scope":
      return { status: 403, body: outsideScopeBody(refusal.outside ?? { kind: "region", code: "" }) };
    case "not_submitted":
      return error(409, "not_submitted", `Figure ${refusal.id} is not waiting for review`);
    case "duplicate":
      return error(409, "duplicate_figure", "Another figure now has this indicator, region, period, disaggregation and dataset");
  }
}

export async function reviewEndpoint(id: number, body: unknown, reviewer: Reviewer, action: ReviewAction): Promise<EndpointResult> {
  let comment = "";
  if (action === "return") {
    const parsed = reviewCommentSchema.safeParse(typeof body === "object" && body !== null ? (body as Record<string, unknown>).comment : undefined);
    if (!parsed.success) return { status: 400, body: { error: { code: "invalid_body", message: "comment: say what the author should fix (a non-empty text of at most 2,000 characters)", fields: { comment: parsed.error.issues[0]?.message } } } };
    comment = parsed.data;
  }
  const result = await reviewFigures([id], reviewer, action, comment);
  if (result.refused[0]) return refusalResponse(result.refused[0]);
  return { status: 200, body: { data: await getFigure(id) } };
}

export async function submitEndpoint(id: number, user: Reviewer): Promise<EndpointResult> {
  const outcome = await submitFigure(id, user);
  switch (outcome.status) {
    case "submitted":
      return { status: 200, body: { data: outcome.figure } };
    case "not_found":
      return error(404, "not_found", `There is no figure ${id}`);
    case "forbidden":
      return error(403, "forbidden", "Only its author submits a figure for review");
    case "not_draft":
      return error(409, "not_draft", `Figure ${id} is neither a draft nor returned`);
    case "outside_scope":
      return { status: 403, body: outsideScopeBody(outcome.outside) };
  }
}

export async function reviewQueueEndpoint(params: URLSearchParams, reviewer: Reviewer): Promise<EndpointResult> {
  const parsed = reviewQueueQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) return error(400, "invalid_parameter", `${String(parsed.error.issues[0]?.path[0] ?? "query")}: not a valid filter`);
  const items = await reviewQueue(reviewer, parsed.data);
  return { status: 200, body: { data: items, meta: { count: items.length } } };
}
