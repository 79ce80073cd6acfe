import { NextResponse } from "next/server";
import { jsonError, withApi } from "@/lib/api/respond";
import { parseFigureId } from "@/lib/api/figure-writes-endpoint";
import { getImport } from "@/lib/data/imports";

export const dynamic = "force-dynamic";

/** One import: its counts, status and review (`review`, `reviewComment`, reviewer). */
export const GET = withApi<{ params: Promise<{ id: string }> }>("figures:read", async (_request, { params }) => {
  const raw = (await params).id;
  const id = parseFigureId(raw);
  if (id === null) return jsonError(400, "invalid_parameter", `"${raw}" is not an import id`, { parameter: "id" });
  const record = await getImport(id);
  return record ? NextResponse.json({ data: record }) : jsonError(404, "not_found", `There is no import ${id}`);
});
