import { endpointResponse, jsonError, readJsonBody, withApi } from "@/lib/api/respond";
import { parseFigureId } from "@/lib/api/figure-writes-endpoint";
import { reviewEndpoint } from "@/lib/api/review-endpoint";

export const dynamic = "force-dynamic";

/** A reviewer returns a submitted figure (its pending revision, when it has one) to its author with a comment: {"comment": "…"}. */
export const POST = withApi<{ params: Promise<{ id: string }> }>("figures:review", async (request, { params, user }) => {
  const raw = (await params).id;
  const id = parseFigureId(raw);
  if (id === null) return jsonError(400, "invalid_parameter", `"${raw}" is not a figure id`, { parameter: "id" });
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return endpointResponse(await reviewEndpoint(id, body.value, user, "return"));
});
