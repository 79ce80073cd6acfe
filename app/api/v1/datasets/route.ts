import { NextResponse } from "next/server";
import { jsonError, readJsonBody, withApi } from "@/lib/api/respond";
import { createDataset, DatasetError, listDatasets } from "@/lib/data/datasets";
import { datasetInputSchema } from "@/lib/validation/dataset-input";
import { outsideScopeBody } from "@/lib/api/scope-refusal";

export const dynamic = "force-dynamic";

/** Every dataset, what it holds, how fresh it is and whether its writes wait for review (`needsReview`). */
export const GET = withApi("figures:read", async () => {
  return NextResponse.json({ data: await listDatasets() });
});

/** Creates a dataset from { code, name, publisher, url, kind, cadenceDays }; a writer limited to datasets may not (403 outside_scope). */
export const POST = withApi("datasets:write", async (request, { user }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = datasetInputSchema.safeParse(body.value);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "body", i.message]));
    return jsonError(400, "invalid_body", "The dataset is not valid", { fields });
  }
  try {
    const d = await createDataset(parsed.data, user);
    return NextResponse.json({ data: { code: d.code, name: d.name, publisher: d.publisher, url: d.url, licence: d.licence, kind: d.kind, cadenceDays: d.cadenceDays, needsReview: d.needsReview } }, { status: 201 });
  } catch (error) {
    if (error instanceof DatasetError && error.kind === "outside_scope") return NextResponse.json(outsideScopeBody({ kind: "dataset", code: parsed.data.code }), { status: 403 });
    if (error instanceof DatasetError && error.kind === "code_taken") return jsonError(409, "duplicate_dataset", error.message);
    throw error;
  }
});
