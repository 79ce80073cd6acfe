import { NextResponse } from "next/server";
import { jsonError, withApi } from "@/lib/api/respond";
import { parseFigureId } from "@/lib/api/figure-writes-endpoint";
import { ImportError, rollbackImport } from "@/lib/data/imports";
import { outsideScopeBody } from "@/lib/api/scope-refusal";

export const dynamic = "force-dynamic";

/** Undoes a committed import as a whole (409 naming the figures edited since; 403 outside_scope when it wrote outside the writer's scope). */
export const POST = withApi<{ params: Promise<{ id: string }> }>("imports:write", async (_request, { params, user }) => {
  const raw = (await params).id;
  const id = parseFigureId(raw);
  if (id === null) return jsonError(400, "invalid_parameter", `"${raw}" is not an import id`, { parameter: "id" });
  try {
    return NextResponse.json({ data: await rollbackImport(id, user.id, user.scope) });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    if (error.kind === "outside_scope" && error.outside) return NextResponse.json(outsideScopeBody(error.outside), { status: 403 });
    return jsonError(error.kind === "not_found" ? 404 : 409, "rollback_refused", error.message);
  }
});
