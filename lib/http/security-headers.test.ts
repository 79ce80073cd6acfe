import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, needsOriginCheck, originAllowed } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows only nonce'd scripts, forbids framing and plugins", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { dev: true, https: true })).toMatch(/'unsafe-eval'.*upgrade-insecure-requests/);
  });

  it("makes a different 128-bit nonce each time", () => {
    const a = createNonce();
    expect(atob(a)).toHaveLength(16);
    expect(createNonce()).not.toBe(a);
  });
});

describe("Origin check", () => {
  const h = (init: Record<string, string>) => new Headers(init);
  it("applies to state-changing requests with cookies, not to safe methods, Bearer calls or cookie-less calls", () => {
    expect(needsOriginCheck("POST", h({ cookie: "next-auth.session-token=x" }), "/api/v1/figures")).toBe(true);
    expect(needsOriginCheck("delete", h({ cookie: "a=b" }), "/api/v1/figures/1")).toBe(true);
    expect(needsOriginCheck("GET", h({ cookie: "a=b" }), "/figures")).toBe(false);
    expect(needsOriginCheck("POST", h({ cookie: "a=b", authorization: "Bearer sr_x" }), "/api/v1/figures")).toBe(false);
    expect(needsOriginCheck("PATCH", h({}), "/api/v1/figures/1")).toBe(false);
    // Pages and Server Actions read only the cookie: a Bearer header there buys no exemption.
    expect(needsOriginCheck("POST", h({ cookie: "a=b", authorization: "Bearer sr_x" }), "/account")).toBe(true);
    expect(needsOriginCheck("POST", h({ cookie: "a=b", authorization: "Bearer sr_x" }), "/api/v1evil")).toBe(true);
  });

  it("accepts only an Origin naming an allowed host", () => {
    expect(originAllowed("http://localhost:3000", ["localhost:3000"])).toBe(true);
    expect(originAllowed("https://Sitrep.example.org", ["sitrep.example.org"])).toBe(true);
    expect(originAllowed("http://localhost:3000.evil.test", ["localhost:3000"])).toBe(false);
    expect(originAllowed("http://evil.test", ["localhost:3000"])).toBe(false);
    expect(originAllowed(null, ["localhost:3000"])).toBe(false);
    expect(originAllowed("null", ["localhost:3000"])).toBe(false);
    expect(originAllowed("not a url", ["localhost:3000"])).toBe(false);
    expect(originAllowed("file://localhost:3000", ["localhost:3000"])).toBe(false);
  });
});
