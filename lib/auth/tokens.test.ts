import { describe, expect, it } from "vitest";
import { bearerToken, generateToken, hashToken } from "./tokens";

describe("API tokens", () => {
  it("are long, random and prefixed", () => {
    const a = generateToken();
    expect(a).toMatch(/^sr_[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
  });
  it("are stored as a SHA-256 hex digest", () => {
    expect(hashToken("sr_x")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken("sr_x")).toBe(hashToken("sr_x"));
  });
  it("are read from a Bearer header only", () => {
    expect(bearerToken("Bearer sr_abc")).toBe("sr_abc");
    expect(bearerToken("bearer  sr_abc ")).toBe("sr_abc");
    expect(bearerToken("Basic dXNlcg==")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
