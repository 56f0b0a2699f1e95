/**
 * A small seeded PRNG for synthetic data and sampling (sfc32 seeded through SplitMix32).
 * Deterministic by seed so that generated evaluation sets, EM samples and benchmarks are
 * reproducible. It gives no secrecy: anything secret (keys, record ids) uses node:crypto.
 */

export interface TRng {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform float in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [0, n) for 1 ≤ n ≤ 2^32 (multiply-shift; the bias is below 2^-32·n). */
  int(n: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

/** Hashes a string seed to 32 bits (FNV-1a), so seeds can be readable labels. */
export function hashSeed(seed: string | number): number {
  if (typeof seed === 'number') return seed >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Creates a reproducible generator.
 * @param seed a number or a label; equal seeds give equal streams.
 */
export function createRng(seed: string | number): TRng {
  let x = hashSeed(seed);
  const splitMix = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitMix();
  let b = splitMix();
  let c = splitMix();
  let d = splitMix();
  const nextUint32 = (): number => {
    // sfc32
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint32();
  const next = (): number => nextUint32() / 4294967296;
  return {
    nextUint32,
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty array');
      return items[Math.floor(next() * items.length)]!;
    },
  };
}

/**
 * Samples indices from fixed weights in O(log n) per draw (cumulative table + binary search).
 * Used for Zipf-like name frequencies, where a few names are very common.
 */
export function createWeightedSampler(weights: readonly number[]): (rng: TRng) => number {
  if (weights.length === 0) throw new RangeError('no weights');
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(w >= 0)) throw new RangeError('weights must be non-negative');
    total += w;
    cumulative[i] = total;
  }
  if (total <= 0) throw new RangeError('weights sum to zero');
  return (rng) => {
    const target = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Zipf weights 1/(rank+1)^s for n items: the usual shape of name frequencies. */
export function zipfWeights(n: number, s = 1): number[] {
  return Array.from({ length: n }, (_, rank) => 1 / (rank + 1) ** s);
}
