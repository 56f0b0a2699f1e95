import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, createWeightedSampler, hashSeed, zipfWeights } from './random.ts';
import { radixSortByKey } from './radix-sort.ts';
import fc from 'fast-check';

test('the generator is deterministic by seed and differs across seeds', () => {
  const draw = (seed: string | number) => {
    const rng = createRng(seed);
    return Array.from({ length: 20 }, () => rng.nextUint32());
  };
  assert.deepEqual(draw('a'), draw('a'));
  assert.deepEqual(draw(7), draw(7));
  assert.notDeepEqual(draw('a'), draw('b'));
  assert.equal(hashSeed(12), 12);
});

test('int, chance and pick stay in range', () => {
  const rng = createRng(1);
  for (let i = 0; i < 10_000; i++) {
    const n = 1 + (i % 97);
    const x = rng.int(n);
    assert.ok(Number.isInteger(x) && x >= 0 && x < n);
    const f = rng.next();
    assert.ok(f >= 0 && f < 1);
  }
  assert.throws(() => rng.pick([]), RangeError);
});

test('weighted sampling follows the weights', () => {
  const rng = createRng('w');
  const sample = createWeightedSampler([1, 0, 3]);
  const counts = [0, 0, 0];
  for (let i = 0; i < 40_000; i++) counts[sample(rng)]!++;
  assert.equal(counts[1], 0);
  assert.ok(Math.abs(counts[2]! / counts[0]! - 3) < 0.15, String(counts));
  assert.throws(() => createWeightedSampler([]), RangeError);
  assert.throws(() => createWeightedSampler([0, 0]), RangeError);
  const zipf = zipfWeights(3);
  assert.deepEqual(zipf, [1, 1 / 2, 1 / 3]);
});

test('radix sort orders keys stably with their payload', () => {
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 300 }), (raw) => {
      const keys = Uint32Array.from(raw);
      const values = Int32Array.from(raw, (_, i) => i);
      const sorted = radixSortByKey(keys, values);
      const expected = raw.map((k, i) => [k, i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      return expected.every(([k, i], p) => sorted.keys[p] === k && sorted.values[p] === i);
    }),
    { numRuns: 200 },
  );
});
