// How often a public link may be opened, shared by every app instance
// (request-throttle.ts): per client IP, then per link (keyed by the token's
// hash, so the proxy needs no lookup to count it).
import { hashToken } from "../auth/tokens";
import { takeRequest, type RateDecision, type RatePolicy } from "./request-throttle";

/** One visitor: a page a second on average is more than anyone reads. */
export const PUBLIC_LINK_IP_POLICY: RatePolicy = { limit: 60, windowSeconds: 60 };
/** One link, all visitors together: a bulletin's link opened by many readers at once. */
export const PUBLIC_LINK_POLICY: RatePolicy = { limit: 600, windowSeconds: 60 };

export async function throttlePublicLinkVisit(ip: string, token: string, policies = { ip: PUBLIC_LINK_IP_POLICY, link: PUBLIC_LINK_POLICY }): Promise<RateDecision> {
  const byIp = await takeRequest(`rate:public-link-ip:${ip.slice(0, 64)}`, policies.ip);
  if (!byIp.allowed) return byIp;
  return takeRequest(`rate:public-link:${hashToken(token)}`, policies.link);
}
