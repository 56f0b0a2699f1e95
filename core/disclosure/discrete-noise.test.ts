/**
 * Goodness of fit of the exact samplers against their exact probability mass functions.
 * The random source is seeded, so each test is deterministic (it cannot flake); the
 * significance level 0.001 says how surprising a pass would be for a wrong sampler, and the
 * "wrong scale" control shows the test has the power to notice a 10 % error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  laplaceScaleForEpsilon,
  sampleDiscreteGaussian,
  sampleDiscreteLaplace,
  sampleDiscreteLaplaceTS,
} from './discrete-noise.ts';
import { formatRational, toRational } from './rational.ts';
import { createCryptoRandomSource, createDeterministicRandomSource, uniformInt } from './random-source.ts';

const N = 200_000;

/** P(X = z) for the discrete Laplace with scale τ: (1-p)/(1+p)·p^|z|, p = exp(-1/τ). */
const laplacePmf = (tau: number) => {
  const p = Math.exp(-1 / tau);
  return (z: number): number => ((1 - p) / (1 + p)) * p ** Math.abs(z);
};

/** Upper 0.001 quantile of χ² with df degrees of freedom (Wilson–Hilferty; accurate to ~1 % for df ≥ 3). */
function chiSquareCritical(df: number): number {
  const z = 3.090232; // standard normal 0.999 quantile
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

/**
 * Pearson χ² of integer samples against a symmetric pmf, with bins -K..K where every expected
 * count is at least 5 and the two tails pooled into one bin each.
 */
function chiSquare(samples: Int32Array, pmf: (z: number) => number): { statistic: number; df: number } {
  let k = 0;
  while (N * pmf(k + 1) >= 5) k++;
  const observed = new Map<number, number>();
  for (const x of samples) {
    const bin = x < -k ? -k - 1 : x > k ? k + 1 : x;
    observed.set(bin, (observed.get(bin) ?? 0) + 1);
  }
  let inner = 0;
  for (let z = -k; z <= k; z++) inner += pmf(z);
  const tail = (1 - inner) / 2;
  let statistic = 0;
  for (let bin = -k - 1; bin <= k + 1; bin++) {
    const expected = N * (bin < -k || bin > k ? tail : pmf(bin));
    const o = observed.get(bin) ?? 0;
    statistic += (o - expected) ** 2 / expected;
  }
  return { statistic, df: 2 * k + 2 };
}

function draw(sample: () => number): Int32Array {
  const out = new Int32Array(N);
  for (let i = 0; i < N; i++) out[i] = sample();
  return out;
}

for (const [t, s] of [
  [1, 1],
  [10, 3],
  [25, 1],
] as const) {
  test(`discrete Laplace with scale ${t}/${s} fits its exact pmf (χ², α = 0.001)`, () => {
    const random = createDeterministicRandomSource(20_250_000 + t * 100 + s);
    const samples = draw(() => sampleDiscreteLaplaceTS(random, t, s));
    const { statistic, df } = chiSquare(samples, laplacePmf(t / s));
    assert.ok(statistic < chiSquareCritical(df), `χ² = ${statistic.toFixed(1)} with ${df} df, critical ${chiSquareCritical(df).toFixed(1)}`);
    const wrong = chiSquare(samples, laplacePmf((1.1 * t) / s));
    assert.ok(wrong.statistic > chiSquareCritical(wrong.df), 'the test must reject a 10 % wrong scale');
  });
}

test('discrete Gaussian with σ² = 4 fits its exact pmf (χ², α = 0.001)', () => {
  const random = createDeterministicRandomSource(7);
  const samples = draw(() => sampleDiscreteGaussian(random, 4));
  let norm = 0;
  for (let z = -80; z <= 80; z++) norm += Math.exp(-(z * z) / 8);
  const { statistic, df } = chiSquare(samples, (z) => Math.exp(-(z * z) / 8) / norm);
  assert.ok(statistic < chiSquareCritical(df), `χ² = ${statistic.toFixed(1)} with ${df} df`);
});

test('ε and sensitivity become an exact integer scale; too-fine ε is rounded down, never up', () => {
  assert.deepEqual(laplaceScaleForEpsilon('0.1'), { t: 10, s: 1, epsilonUsed: toRational('0.1') });
  assert.deepEqual(laplaceScaleForEpsilon('0.3', 2), { t: 20, s: 3, epsilonUsed: toRational('0.3') });
  const ln3 = laplaceScaleForEpsilon(Math.log(3));
  assert.ok(Number(formatRational(ln3.epsilonUsed)) <= Math.log(3));
  assert.ok(Math.log(3) - Number(formatRational(ln3.epsilonUsed)) < 2 ** -20);
  assert.throws(() => laplaceScaleForEpsilon(0), RangeError);
  assert.throws(() => laplaceScaleForEpsilon('-1'), RangeError);
  assert.throws(() => laplaceScaleForEpsilon(1, 0), RangeError);
  assert.throws(() => sampleDiscreteLaplaceTS(createCryptoRandomSource(), 0, 1), RangeError);
});

test('the same seed gives the same noise; the crypto source gives integers', () => {
  const a = createDeterministicRandomSource(99);
  const b = createDeterministicRandomSource(99);
  const xs = Array.from({ length: 50 }, () => sampleDiscreteLaplace(a, '7/2'));
  assert.deepEqual(
    xs,
    Array.from({ length: 50 }, () => sampleDiscreteLaplace(b, '7/2')),
  );
  const crypto = createCryptoRandomSource();
  for (let i = 0; i < 1000; i++) assert.ok(Number.isInteger(sampleDiscreteLaplace(crypto, 2)));
});

test('uniformInt has no modulo bias at awkward bounds, including above 2^32', () => {
  const random = createDeterministicRandomSource(3);
  const n = 3;
  const counts = [0, 0, 0];
  for (let i = 0; i < 30_000; i++) counts[uniformInt(random, n)]! += 1;
  for (const c of counts) assert.ok(Math.abs(c - 10_000) < 400, String(counts));
  const big = 2 ** 40 + 7;
  for (let i = 0; i < 1000; i++) {
    const x = uniformInt(random, big);
    assert.ok(x >= 0 && x < big && Number.isInteger(x));
  }
});
