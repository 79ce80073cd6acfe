// Pure (no database, no password hashing), so the proxy can read it too.

/**
 * The client's address. scripts/serve.mjs sets `x-client-ip` from the socket
 * (or, with TRUST_PROXY=true, from the proxy's X-Forwarded-For) and drops any
 * value a client sent; without it (next dev) the last X-Forwarded-For hop.
 */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.at(-1) : value;
  };
  const ip = get("x-client-ip") ?? get("x-forwarded-for")?.split(",").at(-1);
  return ip?.trim().slice(0, 64) || "unknown";
}
