import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TEMPORARY_PASSWORD_RANDOM_BYTES, temporaryPasswordFromBytes } from './account-recovery.ts';

const SHAPE = /^[a-hj-km-np-y2-9]{4}(-[a-hj-km-np-y2-9]{4}){3}$/;

test('temporary passwords: four groups of four, skipping bytes that would bias the symbols', () => {
  const cases: [string, number[], string][] = [
    ['bytes 0..15 are the first sixteen symbols', [...Array(16).keys()], 'abcd-efgh-jkmn-pqrs'],
    ['a byte and the same byte plus 30 give the same symbol', [...Array(16).keys()].map((i) => i + 30), 'abcd-efgh-jkmn-pqrs'],
    ['bytes 240..255 are skipped', [240, 255, 29, ...Array(15).fill(0)], '9aaa-aaaa-aaaa-aaaa'],
  ];
  for (const [what, bytes, expected] of cases) assert.equal(temporaryPasswordFromBytes(Uint8Array.from(bytes)), expected, what);
  assert.throws(() => temporaryPasswordFromBytes(Uint8Array.from(Array(64).fill(250))), /not enough random bytes/);
});

test('temporary passwords: any random input of the stated size with enough usable bytes has the shape, no look-alikes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: TEMPORARY_PASSWORD_RANDOM_BYTES, maxLength: TEMPORARY_PASSWORD_RANDOM_BYTES }), (bytes) => {
      fc.pre(bytes.filter((byte) => byte < 240).length >= 16);
      const password = temporaryPasswordFromBytes(bytes);
      assert.match(password, SHAPE);
      assert.doesNotMatch(password, /[01ilozIO]/);
    }),
  );
});

test('temporary passwords: each of the 30 symbols equally likely (every byte value below 240 maps to one, 8 each)', () => {
  const counts = new Map<string, number>();
  for (let byte = 0; byte < 240; byte++) {
    const symbol = temporaryPasswordFromBytes(Uint8Array.from([byte, ...Array(15).fill(0)]))[0]!;
    counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
  }
  assert.equal(counts.size, 30);
  assert.deepEqual(new Set(counts.values()), new Set([8]));
});
