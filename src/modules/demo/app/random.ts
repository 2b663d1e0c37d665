/**
 * A seeded pseudo-random generator for the demo data (no Math.random: the same seed gives the same data).
 * mulberry32 over a 32-bit state; independent streams are derived from a seed and a few integers (case
 * number, fiscal year, purpose) so that redrawing one case's year leaves every other draw unchanged.
 */

/** Mixes integers into one 32-bit seed (murmur3 finaliser per part). */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    let k = Math.imul(p | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Random {
  private a: number;

  constructor(seed: number) {
    this.a = seed >>> 0;
  }

  /** A stream of its own for the given parts. */
  static of(...parts: readonly number[]): Random {
    return new Random(mixSeed(...parts));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return max <= min ? min : min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of `items`, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** Log-uniform in [lo, hi]: as many amounts between 1 and 10 million as between 10 and 100 million. */
  logUniform(lo: number, hi: number): number {
    return Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo)));
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/**
 * `k` items drawn without replacement, each with probability proportional to its weight (Efraimidis–Spirakis:
 * the k largest keys u^(1/w)); items of weight 0 are never drawn unless fewer than k others exist.
 */
export function weightedSample<T>(rnd: Random, items: readonly T[], weight: (t: T) => number, k: number): T[] {
  const keyed = items.map((item, i) => {
    const w = weight(item);
    const u = rnd.next();
    return { item, i, key: w > 0 ? Math.log(u + 1e-300) / w : -Infinity - 0 };
  });
  keyed.sort((a, b) => (b.key === a.key ? a.i - b.i : b.key > a.key ? 1 : -1));
  return keyed.slice(0, Math.max(0, k)).map((x) => x.item);
}
