import { endpointResponse, withApi } from "@/lib/api/respond";
import { revokePublicLinkEndpoint } from "@/lib/api/public-links-endpoint";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Revokes the link: its creator, or an admin. */
export const DELETE = withApi<Context>("links:manage", async (_request, { params, user }) => endpointResponse(await revokePublicLinkEndpoint(user, (await params).id)));
