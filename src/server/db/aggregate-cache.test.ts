import { describe, expect, it } from "vitest";
import { AggregateCache } from "./aggregate-cache";

function liveCache(options: Partial<ConstructorParameters<typeof AggregateCache>[0]> = {}) {
  let clock = 0;
  const cache = new AggregateCache({ maxEntries: 100, maxBytes: 10_000, maxAgeMs: 1000, now: () => clock, ...options });
  cache.setLive(true);
  return { cache, advance: (ms: number) => (clock += ms) };
}

/** A load that counts its calls and answers `value`. */
function counter(value: unknown) {
  const load = async () => {
    load.calls++;
    return value;
  };
  load.calls = 0;
  return load;
}

describe("AggregateCache", () => {
  it("answers a repeated read from the cache until a table it reads changes", async () => {
    const { cache } = liveCache();
    const load = counter(42);
    expect(await cache.get(["shipments"], "count", load)).toBe(42);
    expect(await cache.get(["shipments"], "count", load)).toBe(42);
    expect(load.calls).toBe(1);

    cache.invalidate("pickups");
    await cache.get(["shipments"], "count", load);
    expect(load.calls).toBe(1);

    cache.invalidate("shipments");
    await cache.get(["shipments"], "count", load);
    expect(load.calls).toBe(2);
  });

  it("stores nothing while not live (no subscription: every read is the database's)", async () => {
    const cache = new AggregateCache({ maxEntries: 10, maxBytes: 1000, maxAgeMs: 1000 });
    const load = counter(1);
    await cache.get(["shipments"], "count", load);
    await cache.get(["shipments"], "count", load);
    expect(load.calls).toBe(2);
    expect(cache.stats().entries).toBe(0);
  });

  it("forgets everything when the subscription is lost", async () => {
    const { cache } = liveCache();
    const load = counter(1);
    await cache.get(["stores"], "options", load);
    cache.setLive(false);
    cache.setLive(true);
    await cache.get(["stores"], "options", load);
    expect(load.calls).toBe(2);
  });

  it("does not keep what a load read when its table changed while it ran", async () => {
    const { cache } = liveCache();
    let release!: (value: number) => void;
    const slow = cache.get(["shipments"], "count", () => new Promise<number>((resolve) => (release = resolve)));
    cache.invalidate("shipments");
    release(1);
    expect(await slow).toBe(1);
    const load = counter(2);
    expect(await cache.get(["shipments"], "count", load)).toBe(2);
    expect(load.calls).toBe(1);
  });

  it("runs one query for concurrent readers of the same key, and a new one after a change", async () => {
    const { cache } = liveCache();
    let release!: (value: number) => void;
    let calls = 0;
    const load = () => {
      calls++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const first = cache.get(["shipments"], "count", load);
    const second = cache.get(["shipments"], "count", load);
    expect(calls).toBe(1);
    release(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);

    cache.invalidate("shipments");
    const third = cache.get(["shipments"], "count", load);
    cache.invalidate("shipments");
    const fourth = cache.get(["shipments"], "count", load);
    expect(calls).toBe(3);
    release(8);
    expect(await fourth).toBe(8);
    void third;
  });

  it("reloads an entry older than the maximum age", async () => {
    const { cache, advance } = liveCache({ maxAgeMs: 1000 });
    const load = counter(3);
    await cache.get(["quotes"], "quoted", load);
    advance(1001);
    await cache.get(["quotes"], "quoted", load);
    expect(load.calls).toBe(2);
  });

  it("keeps at most maxEntries and maxBytes, dropping the least recently used first", async () => {
    const { cache } = liveCache({ maxEntries: 2, maxBytes: 10_000 });
    await cache.get(["shipments"], "a", counter(1));
    await cache.get(["shipments"], "b", counter(2));
    await cache.get(["shipments"], "a", counter(1)); // a is now the most recent
    await cache.get(["shipments"], "c", counter(3));
    const b = counter(2);
    const a = counter(1);
    await cache.get(["shipments"], "a", a);
    await cache.get(["shipments"], "b", b);
    expect(a.calls).toBe(0);
    expect(b.calls).toBe(1);
    expect(cache.stats().entries).toBe(2);

    const small = liveCache({ maxEntries: 100, maxBytes: 100 }).cache;
    await small.get(["shipments"], "x", counter("x".repeat(60)));
    await small.get(["shipments"], "y", counter("y".repeat(60)));
    expect(small.stats().entries).toBe(1);
    expect(small.stats().bytes).toBeLessThanOrEqual(100);
    // A value larger than the whole budget is returned, never stored.
    await small.get(["shipments"], "z", counter("z".repeat(200)));
    expect(small.stats().bytes).toBeLessThanOrEqual(100);
  });

  it("does not cache a failed load", async () => {
    const { cache } = liveCache();
    await expect(cache.get(["shipments"], "count", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    const load = counter(5);
    expect(await cache.get(["shipments"], "count", load)).toBe(5);
    expect(load.calls).toBe(1);
  });
});
