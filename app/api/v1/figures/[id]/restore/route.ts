import { NextResponse } from "next/server";
import { jsonError, withApi } from "@/lib/api/respond";
import { parseFigureId } from "@/lib/api/figure-writes-endpoint";
import { FigureWriteError, restoreFigure } from "@/lib/data/figure-writes";

export const dynamic = "force-dynamic";

/** Admins bring a deleted figure back under its old id. */
export const POST = withApi<{ params: Promise<{ id: string }> }>("figures:restore", async (_request, { params, user }) => {
  const raw = (await params).id;
  const id = parseFigureId(raw);
  if (id === null) return jsonError(400, "invalid_parameter", `"${raw}" is not a figure id`, { parameter: "id" });
  try {
    return NextResponse.json({ data: await restoreFigure(id, user.id) });
  } catch (error) {
    if (!(error instanceof FigureWriteError)) throw error;
    return jsonError(error.kind === "not_found" ? 404 : 409, error.kind, error.message, { ...error.detail });
  }
});
