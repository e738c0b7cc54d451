// A small seeded pseudo-random generator for the emulator's demo data: sfc32 (Chris Doty-Humphrey's
// "small fast counting" generator, 128 bits of state), seeded through splitmix32. The same seed always
// gives the same sequence on every platform; nothing here reads Math.random or the clock.

const TWO_POW_32 = 4294967296;

function splitmix32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
    // Fold seeds beyond 32 bits (e.g. 20261126123) into the state instead of silently truncating them.
    const low = seed | 0;
    const high = Math.floor(seed / TWO_POW_32) | 0;
    const mix = splitmix32(low ^ Math.imul(high, 0x27d4eb2d));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    // Discard the first outputs: sfc32 needs a few rounds to diffuse a low-entropy seed.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick() from an empty array");
    return items[Math.floor(this.next() * items.length)];
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One value of `[value, weight]` entries, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const entry of entries) total += entry[1];
    if (!(total > 0)) throw new RangeError("weighted() needs a positive total weight");
    let x = this.next() * total;
    for (const entry of entries) {
      x -= entry[1];
      if (x < 0) return entry[0];
    }
    return entries[entries.length - 1][0];
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** A string of `count` random decimal digits (leading zeros allowed). */
  digits(count: number): string {
    let out = "";
    while (count > 0) {
      const n = Math.min(count, 9);
      out += String(Math.floor(this.next() * 10 ** n)).padStart(n, "0");
      count -= n;
    }
    return out;
  }
}

/**
 * A precomputed weighted table, for hot paths where `Random.weighted` would re-add the weights on
 * every call.
 */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = entries.map((entry) => entry[0]);
    this.cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach((entry, i) => {
      if (!(entry[1] >= 0)) throw new RangeError("weights must be non-negative");
      total += entry[1];
      this.cumulative[i] = total;
    });
    if (!(total > 0)) throw new RangeError("WeightedTable needs a positive total weight");
    this.total = total;
  }

  sample(random: Random): T {
    const x = random.next() * this.total;
    const cumulative = this.cumulative;
    for (let i = 0; i < cumulative.length; i++) if (x < cumulative[i]) return this.values[i];
    return this.values[this.values.length - 1];
  }
}
