import { withApi } from "@/lib/api/respond";
import { importReviewEndpoint } from "@/lib/api/import-review-endpoint";

export const dynamic = "force-dynamic";

/** Publishes every row an import holds for review, at once (403 own_work / outside_scope, 409 when it does not wait). */
export const POST = withApi<{ params: Promise<{ id: string }> }>("figures:review", async (request, { params, user }) =>
  importReviewEndpoint(request, (await params).id, user, "approve"),
);
