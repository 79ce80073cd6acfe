import { endpointResponse, jsonError, withApi } from "@/lib/api/respond";
import { parseFigureId } from "@/lib/api/figure-writes-endpoint";
import { reviewEndpoint } from "@/lib/api/review-endpoint";

export const dynamic = "force-dynamic";

/** A reviewer approves a figure submitted by someone else (its pending revision, when it has one). */
export const POST = withApi<{ params: Promise<{ id: string }> }>("figures:review", async (_request, { params, user }) => {
  const raw = (await params).id;
  const id = parseFigureId(raw);
  if (id === null) return jsonError(400, "invalid_parameter", `"${raw}" is not a figure id`, { parameter: "id" });
  return endpointResponse(await reviewEndpoint(id, null, user, "approve"));
});
