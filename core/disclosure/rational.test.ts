import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addRational, compareRational, formatRational, rational, toRational } from './rational.ts';

test('decimals, exponents, fractions and numbers are read exactly', () => {
  assert.deepEqual(toRational('0.1'), { num: 1n, den: 10n });
  assert.deepEqual(toRational(0.1), { num: 1n, den: 10n });
  assert.deepEqual(toRational('1e-3'), { num: 1n, den: 1000n });
  assert.deepEqual(toRational('2.50'), { num: 5n, den: 2n });
  assert.deepEqual(toRational('-4/6'), { num: -2n, den: 3n });
  assert.deepEqual(toRational(1e21), { num: 10n ** 21n, den: 1n });
  for (const bad of ['', 'abc', '1/0', '.', 'NaN']) assert.throws(() => toRational(bad), RangeError, bad);
  assert.throws(() => toRational(Number.POSITIVE_INFINITY), RangeError);
});

test('0.1 + 0.2 + 0.7 is exactly 1', () => {
  const sum = ['0.1', '0.2', '0.7'].map(toRational).reduce(addRational);
  assert.equal(compareRational(sum, rational(1n)), 0);
  assert.equal(formatRational(sum), '1');
});

test('formatting is exact and reads back', () => {
  assert.equal(formatRational(toRational('0.35')), '0.35');
  assert.equal(formatRational(rational(1n, 3n)), '1/3');
  assert.equal(formatRational(rational(-1n, 8n)), '-0.125');
  fc.assert(
    fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
      const r = rational(n, d);
      assert.deepEqual(toRational(formatRational(r)), r);
    }),
  );
});
