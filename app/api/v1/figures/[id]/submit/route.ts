import { endpointResponse, jsonError, withApi } from "@/lib/api/respond";
import { parseFigureId } from "@/lib/api/figure-writes-endpoint";
import { submitEndpoint } from "@/lib/api/review-endpoint";

export const dynamic = "force-dynamic";

/** Its author submits a draft or returned figure (or revision) for review. */
export const POST = withApi<{ params: Promise<{ id: string }> }>("figures:write", async (_request, { params, user }) => {
  const raw = (await params).id;
  const id = parseFigureId(raw);
  if (id === null) return jsonError(400, "invalid_parameter", `"${raw}" is not a figure id`, { parameter: "id" });
  return endpointResponse(await submitEndpoint(id, user));
});
