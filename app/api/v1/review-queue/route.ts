import { endpointResponse, withApi } from "@/lib/api/respond";
import { reviewQueueEndpoint } from "@/lib/api/review-endpoint";

export const dynamic = "force-dynamic";

/** What waits for the caller's review, oldest first: ?region=, ?dataset=, ?author= (a user id). */
export const GET = withApi("figures:review", async (request, { user }) => endpointResponse(await reviewQueueEndpoint(new URL(request.url).searchParams, user)));
