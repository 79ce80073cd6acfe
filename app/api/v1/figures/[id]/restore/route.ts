import { endpointResponse, jsonError, withApi } from "@/lib/api/respond";
import { parseFigureId, restoreFigureEndpoint } from "@/lib/api/figure-writes-endpoint";

export const dynamic = "force-dynamic";

/** Admins bring a deleted figure back under its old id. */
export const POST = withApi<{ params: Promise<{ id: string }> }>("figures:restore", async (_request, { params, user }) => {
  const raw = (await params).id;
  const id = parseFigureId(raw);
  if (id === null) return jsonError(400, "invalid_parameter", `"${raw}" is not a figure id`, { parameter: "id" });
  return endpointResponse(await restoreFigureEndpoint(id, user));
});
