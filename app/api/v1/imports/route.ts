import { NextResponse } from "next/server";
import { jsonError, withApi } from "@/lib/api/respond";
import { importEndpoint } from "@/lib/api/imports-endpoint";
import { MAX_IMPORT_MB, MAX_IMPORT_REQUEST_BYTES } from "@/lib/import/limits";
import { listImports } from "@/lib/data/imports";

export const dynamic = "force-dynamic";

export const GET = withApi("figures:read", async () => NextResponse.json({ data: await listImports() }));

/** 201 committed, 200 preview (dryRun=true) or nothing to change, 422 with the report when rows are invalid, 413 over 50 MB. */
export const POST = withApi("imports:write", async (request, { user }) => {
  // Also what Next's proxy buffers (next.config.js): a body it cut short never reaches the parser below.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_REQUEST_BYTES) {
    return jsonError(413, "payload_too_large", `The file is larger than ${MAX_IMPORT_MB} MB: split it`);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return jsonError(400, "invalid_body", `Send a multipart/form-data body with the file in a field named "file" (at most ${MAX_IMPORT_MB} MB)`);
  }
  const { status, body } = await importEndpoint(form, user);
  return NextResponse.json(body, { status });
});
