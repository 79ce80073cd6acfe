// Counting slots for work that must not run too many at once: at most
// `perKey` for one key (a user) and `total` in all. Pure and synchronous, so
// that checking and taking a slot cannot interleave with another request.

export type SlotRefusal = "per_key" | "total";

export interface Slot {
  /** Gives the slot back; calling it again does nothing. */
  release(): void;
}

export type SlotResult = { ok: true; slot: Slot } | { ok: false; refusal: SlotRefusal };

export class SlotLimiter<K> {
  private readonly held = new Map<K, number>();
  private inUse = 0;

  constructor(
    readonly perKey: number,
    readonly total: number,
  ) {
    if (!(perKey >= 1 && total >= 1)) throw new RangeError("a limiter needs at least one slot per key and in all");
  }

  tryAcquire(key: K): SlotResult {
    const mine = this.held.get(key) ?? 0;
    if (mine >= this.perKey) return { ok: false, refusal: "per_key" };
    if (this.inUse >= this.total) return { ok: false, refusal: "total" };
    this.held.set(key, mine + 1);
    this.inUse += 1;
    let released = false;
    return {
      ok: true,
      slot: {
        release: () => {
          if (released) return;
          released = true;
          this.inUse -= 1;
          const left = (this.held.get(key) ?? 1) - 1;
          if (left > 0) this.held.set(key, left);
          else this.held.delete(key);
        },
      },
    };
  }

  /** Slots taken now: in all, or by one key. */
  running(key?: K): number {
    return key === undefined ? this.inUse : (this.held.get(key) ?? 0);
  }
}
