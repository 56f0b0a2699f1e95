/**
 * The one randomness interface of disclosure control, and exact uniform / Bernoulli sampling on
 * top of it. Releases use {@link createCryptoRandomSource} (the platform CSPRNG); tests pass a
 * deterministic source so that statistical tests cannot flake. All sampling here is integer
 * arithmetic with rejection, never floating point (a floating-point sampler leaks through the
 * low bits of its output: Mironov, CCS 2012).
 */

export interface TRandomSource {
  /** A uniformly random integer in [0, 2^32). */
  nextUint32(): number;
}

/**
 * Randomness from `crypto.getRandomValues` (Node ≥ 19 and browsers), drawn in pooled blocks
 * because each call to the CSPRNG has a fixed cost.
 */
export function createCryptoRandomSource(): TRandomSource {
  const pool = new Uint32Array(1024);
  let index = pool.length;
  return {
    nextUint32() {
      if (index === pool.length) {
        globalThis.crypto.getRandomValues(pool);
        index = 0;
      }
      return pool[index++]!;
    },
  };
}

/**
 * A reproducible source (xoshiro128**, seeded through SplitMix32). For tests and simulations
 * only: its output is predictable from the seed, so it gives **no privacy** in a release.
 */
export function createDeterministicRandomSource(seed: number): TRandomSource {
  let x = seed >>> 0;
  const splitMix = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitMix();
  let b = splitMix();
  let c = splitMix();
  let d = splitMix();
  return {
    nextUint32() {
      const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
      const t = (b << 9) >>> 0;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      return result;
    },
  };
}

const rotl = (v: number, k: number): number => ((v << k) | (v >>> (32 - k))) >>> 0;

const TWO_32 = 4294967296;

/**
 * Uniform integer in [0, n) for a safe integer n ≥ 1, by rejection (no modulo bias).
 * @throws RangeError for n outside [1, 2^53].
 */
export function uniformInt(random: TRandomSource, n: number): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`uniformInt bound must be a safe integer ≥ 1: ${n}`);
  if (n <= TWO_32) {
    const limit = TWO_32 - (TWO_32 % n);
    for (;;) {
      const x = random.nextUint32();
      if (x < limit) return x % n;
    }
  }
  // 53 random bits: 21 from one word, 32 from the next.
  const space = 2 ** 53;
  const limit = space - (space % n);
  for (;;) {
    const x = (random.nextUint32() & 0x1fffff) * TWO_32 + random.nextUint32();
    if (x < limit) return x % n;
  }
}

/** Uniform bigint in [0, n) for n ≥ 1, by rejection on the bit length of n. */
export function uniformBigInt(random: TRandomSource, n: bigint): bigint {
  if (n < 1n) throw new RangeError('uniformBigInt bound must be ≥ 1');
  if (n <= BigInt(Number.MAX_SAFE_INTEGER)) return BigInt(uniformInt(random, Number(n)));
  const bits = n.toString(2).length;
  const words = Math.ceil(bits / 32);
  const mask = (1n << BigInt(bits)) - 1n;
  for (;;) {
    let x = 0n;
    for (let i = 0; i < words; i++) x = (x << 32n) | BigInt(random.nextUint32());
    x &= mask;
    if (x < n) return x;
  }
}

/** Exactly Bernoulli(num/den) for 0 ≤ num ≤ den, den ≥ 1. */
export function bernoulli(random: TRandomSource, num: bigint, den: bigint): boolean {
  if (num <= 0n) return false;
  if (num >= den) return true;
  return uniformBigInt(random, den) < num;
}

/** A fair coin. */
export function coin(random: TRandomSource): boolean {
  return (random.nextUint32() & 1) === 1;
}
