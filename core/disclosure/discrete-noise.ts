/**
 * Exact samplers for integer-valued privacy noise, after Canonne, Kamath & Steinke, "The Discrete
 * Gaussian for Differential Privacy" (NeurIPS 2020), Algorithms 1-3. Only integer and rational
 * arithmetic and uniform integers from a {@link TRandomSource} are used, so the output
 * distribution is exactly the one claimed: no floating-point Laplace anywhere.
 *
 * - Discrete Laplace with scale τ: P(x) ∝ exp(-|x|/τ) on the integers. Adding it with τ = Δ/ε
 *   to an integer query of L1 sensitivity Δ gives ε-differential privacy.
 * - Discrete Gaussian with variance parameter σ²: P(x) ∝ exp(-x²/(2σ²)); gives ρ-zCDP with
 *   ρ = Δ²/(2σ²) for L2 sensitivity Δ.
 */
import { rational, toRational, type TRational } from './rational.ts';
import { bernoulli, coin, uniformInt, type TRandomSource } from './random-source.ts';

const MAX_PARAM = 2 ** 32;

/** Bernoulli(exp(-num/den)) for 0 ≤ num/den ≤ 1, small integers (Algorithm 1, first part). */
function bernoulliExpUnit(random: TRandomSource, num: number, den: number): boolean {
  // K counts how long Bernoulli(γ/K) keeps succeeding; P(K odd) = exp(-γ).
  let k = 1;
  while (num > 0 && uniformInt(random, den * k) < num) k++;
  return (k & 1) === 1;
}

/** Bernoulli(exp(-num/den)) for any num/den ≥ 0, small integers (Algorithm 1). */
function bernoulliExpSmall(random: TRandomSource, num: number, den: number): boolean {
  while (num > den) {
    if (!bernoulliExpUnit(random, 1, 1)) return false;
    num -= den;
  }
  return bernoulliExpUnit(random, num, den);
}

/** Bernoulli(exp(-γ)) for a rational γ ≥ 0 of any size (Algorithm 1 over bigint). */
export function bernoulliExp(random: TRandomSource, gamma: TRational): boolean {
  if (gamma.num < 0n) throw new RangeError('bernoulliExp needs γ ≥ 0');
  let num = gamma.num;
  const den = gamma.den;
  while (num > den) {
    if (!bernoulliExpUnit(random, 1, 1)) return false;
    num -= den;
  }
  let k = 1n;
  while (bernoulli(random, num, den * k)) k++;
  return k % 2n === 1n;
}

/**
 * One sample of the discrete Laplace distribution with scale t/s (Algorithm 2).
 * @param t, s positive integers ≤ 2^32.
 * @throws RangeError for parameters outside that range.
 */
export function sampleDiscreteLaplaceTS(random: TRandomSource, t: number, s: number): number {
  if (!Number.isInteger(t) || !Number.isInteger(s) || t < 1 || s < 1 || t > MAX_PARAM || s > MAX_PARAM) {
    throw new RangeError(`discrete Laplace parameters must be integers in [1, 2^32]: t=${t}, s=${s}`);
  }
  for (;;) {
    // X = U + t·V is geometric with ratio exp(-1/t): U uniform below t, accepted with
    // probability exp(-U/t), V geometric with ratio exp(-1).
    const u = uniformInt(random, t);
    if (!bernoulliExpSmall(random, u, t)) continue;
    let v = 0;
    while (bernoulliExpUnit(random, 1, 1)) v++;
    const y = Math.floor((u + t * v) / s);
    const isNegative = coin(random);
    // Both signs would count zero; reject one of them to keep P(0) right.
    if (isNegative && y === 0) continue;
    return isNegative ? -y : y;
  }
}

/**
 * One sample of the discrete Laplace distribution with a rational scale τ > 0.
 * @throws RangeError when τ ≤ 0 or its numerator/denominator exceed 2^32.
 */
export function sampleDiscreteLaplace(random: TRandomSource, scale: number | string | TRational): number {
  const tau = toRational(scale);
  if (tau.num <= 0n) throw new RangeError('discrete Laplace scale must be > 0');
  return sampleDiscreteLaplaceTS(random, Number(tau.num), Number(tau.den));
}

/** The largest denominator kept when ε must be approximated (see {@link laplaceScaleForEpsilon}). */
const EPSILON_DENOMINATOR = 2n ** 20n;

/**
 * The discrete Laplace scale Δ/ε as t/s with both ≤ 2^32. When ε's exact fraction is too fine
 * (e.g. ln 3 as a double) it is rounded **down** to a multiple of 2^-20: less ε, more noise, so
 * the privacy guarantee still holds for the ε requested.
 * @returns the scale and the ε actually used (≤ the one requested).
 * @throws RangeError when ε ≤ 0, ε rounds to 0, or Δ is not a positive integer ≤ 4096.
 */
export function laplaceScaleForEpsilon(
  epsilon: number | string | TRational,
  sensitivity = 1,
): { t: number; s: number; epsilonUsed: TRational } {
  if (!Number.isInteger(sensitivity) || sensitivity < 1 || sensitivity > 4096) {
    throw new RangeError('sensitivity must be an integer in [1, 4096]');
  }
  let eps = toRational(epsilon);
  if (eps.num <= 0n) throw new RangeError('epsilon must be > 0');
  const delta = BigInt(sensitivity);
  const fits = (e: TRational): boolean => e.num <= BigInt(MAX_PARAM) && delta * e.den <= BigInt(MAX_PARAM);
  if (!fits(eps)) {
    eps = rational((eps.num * EPSILON_DENOMINATOR) / eps.den, EPSILON_DENOMINATOR);
    if (eps.num <= 0n || !fits(eps)) throw new RangeError('epsilon is outside the supported range (2^-20 to 4096)');
  }
  // scale = Δ/ε = Δ·den/num, reduced.
  const scale = rational(delta * eps.den, eps.num);
  return { t: Number(scale.num), s: Number(scale.den), epsilonUsed: eps };
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // Correct the floating-point estimate exactly.
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

/**
 * One sample of the discrete Gaussian with variance parameter σ² (Algorithm 3): discrete
 * Laplace proposals with scale ⌊σ⌋+1, accepted with probability exp(-(|Y|-σ²/t)²/(2σ²)).
 * @throws RangeError when σ² ≤ 0 or σ is above 2^32.
 */
export function sampleDiscreteGaussian(random: TRandomSource, sigmaSquared: number | string | TRational): number {
  const s2 = toRational(sigmaSquared);
  if (s2.num <= 0n) throw new RangeError('σ² must be > 0');
  const t = isqrt(s2.num / s2.den) + 1n;
  if (t > BigInt(MAX_PARAM)) throw new RangeError('σ is too large');
  const tNumber = Number(t);
  const n = s2.num;
  const d = s2.den;
  const denominator = 2n * n * d * t * t;
  for (;;) {
    const y = sampleDiscreteLaplaceTS(random, tNumber, 1);
    const a = BigInt(Math.abs(y)) * t * d - n;
    if (bernoulliExp(random, rational(a * a, denominator))) return y;
  }
}
