import { describe, expect, it } from "vitest";
import { decodeFigureCursor, encodeFigureCursor } from "./figure-cursor";

describe("figure cursor", () => {
  it("round-trips a row's (updatedAt, id) to the millisecond", () => {
    const c = { updatedAt: new Date("2026-12-02T08:59:01.123Z"), id: 3174 };
    const token = encodeFigureCursor(c);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeFigureCursor(token)).toEqual(c);
  });

  it("refuses what it did not write", () => {
    for (const token of ["", "abc", "x".repeat(65), "a+b/", Buffer.from("1.0").toString("base64url"), Buffer.from("1.2147483648").toString("base64url"), Buffer.from("-1.5").toString("base64url"), Buffer.from("1.5.6").toString("base64url")]) {
      expect(decodeFigureCursor(token), token).toBeNull();
    }
  });
});
