import { describe, expect, it } from "vitest";
import { SlotLimiter } from "./slot-limiter";

describe("SlotLimiter", () => {
  it("refuses a key's slot beyond its own limit while others still get theirs", () => {
    const limiter = new SlotLimiter<number>(2, 4);
    expect(limiter.tryAcquire(1).ok).toBe(true);
    expect(limiter.tryAcquire(1).ok).toBe(true);
    expect(limiter.tryAcquire(1)).toEqual({ ok: false, refusal: "per_key" });
    expect(limiter.tryAcquire(2).ok).toBe(true);
    expect(limiter.running()).toBe(3);
    expect(limiter.running(1)).toBe(2);
  });

  it("refuses everyone once the total is reached, and frees a slot on release", () => {
    const limiter = new SlotLimiter<string>(2, 3);
    const slots = ["a", "b", "c"].map((k) => limiter.tryAcquire(k));
    expect(limiter.tryAcquire("d")).toEqual({ ok: false, refusal: "total" });
    const first = slots[0]!;
    if (!first.ok) throw new Error("expected a slot");
    first.slot.release();
    expect(limiter.running("a")).toBe(0);
    expect(limiter.tryAcquire("d").ok).toBe(true);
  });

  it("counts a double release once", () => {
    const limiter = new SlotLimiter<number>(1, 1);
    const taken = limiter.tryAcquire(7);
    if (!taken.ok) throw new Error("expected a slot");
    taken.slot.release();
    taken.slot.release();
    expect(limiter.running()).toBe(0);
    const again = limiter.tryAcquire(7);
    expect(again.ok).toBe(true);
    expect(limiter.tryAcquire(8)).toEqual({ ok: false, refusal: "total" });
  });

  it("needs at least one slot", () => {
    expect(() => new SlotLimiter(0, 1)).toThrow(RangeError);
    expect(() => new SlotLimiter(1, 0)).toThrow(RangeError);
  });
});
