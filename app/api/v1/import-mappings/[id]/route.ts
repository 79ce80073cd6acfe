import { NextResponse } from "next/server";
import { jsonError, withApi } from "@/lib/api/respond";
import { parseFigureId } from "@/lib/api/figure-writes-endpoint";
import { deleteImportMapping, MappingError } from "@/lib/data/import-mappings";

export const dynamic = "force-dynamic";

export const DELETE = withApi<{ params: Promise<{ id: string }> }>("imports:write", async (_request, { params, user }) => {
  const raw = (await params).id;
  const id = parseFigureId(raw);
  if (id === null) return jsonError(400, "invalid_parameter", `"${raw}" is not a mapping id`, { parameter: "id" });
  try {
    await deleteImportMapping(id, user.id);
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    return jsonError(404, "not_found", error.message);
  }
});
