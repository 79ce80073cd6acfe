import { withApi } from "@/lib/api/respond";
import { importReviewEndpoint } from "@/lib/api/import-review-endpoint";

export const dynamic = "force-dynamic";

/** Returns an import whole to its importer with {"comment"} (required). */
export const POST = withApi<{ params: Promise<{ id: string }> }>("figures:review", async (request, { params, user }) =>
  importReviewEndpoint(request, (await params).id, user, "return"),
);
