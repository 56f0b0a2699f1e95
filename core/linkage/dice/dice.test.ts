import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  countAndPopcountJs, buildDiceModuleBytes, createSharedMemory, diceJs, countFilterPopcounts, instantiateDiceKernel, THRESHOLD_DENOMINATOR, thresholdNumerator,
} from './dice-kernel.ts';
import { signedLeb128, unsignedLeb128 } from './wasm-assembler.ts';
import { createDicePool } from '../workers/dice-pool.ts';

test('LEB128 encodings', () => {
  assert.deepEqual(unsignedLeb128(0), [0]);
  assert.deepEqual(unsignedLeb128(624485), [0xe5, 0x8e, 0x26]);
  assert.deepEqual(signedLeb128(-123456), [0xc0, 0xbb, 0x78]);
  assert.deepEqual(signedLeb128(63), [0x3f]);
  assert.deepEqual(signedLeb128(64), [0xc0, 0x00]);
  assert.deepEqual(signedLeb128(-64), [0x40]);
});

test('the generated modules are valid WebAssembly for 64 to 2048-bit filters', () => {
  for (const bits of [64, 512, 1024, 2048]) assert.ok(WebAssembly.validate(buildDiceModuleBytes(bits)), `${bits} bits`);
  assert.throws(() => buildDiceModuleBytes(1000), RangeError);
  assert.throws(() => thresholdNumerator(0), RangeError);
});

const filtersArbitrary = (count: number, bytes: number) => fc.uint8Array({ minLength: count * bytes, maxLength: count * bytes });

/** Kernel memory: A filters, B filters, popcounts, and room for blocks and output. */
async function setUp(a: Uint8Array, b: Uint8Array, bits: number) {
  const bytes = bits / 8;
  const na = a.length / bytes;
  const nb = b.length / bytes;
  const memory = createSharedMemory(1 << 20);
  const heap = new Uint8Array(memory.buffer);
  const layout = { filtersA: 0, filtersB: 65_536, popA: 2 * 65_536, popB: 2 * 65_536 + 4096, scratch: 3 * 65_536 };
  heap.set(a, layout.filtersA);
  heap.set(b, layout.filtersB);
  new Uint32Array(memory.buffer, layout.popA, na).set(countFilterPopcounts(a, bits));
  new Uint32Array(memory.buffer, layout.popB, nb).set(countFilterPopcounts(b, bits));
  return { memory, kernel: await instantiateDiceKernel(memory, bits), layout, na, nb };
}

for (const bits of [1024, 2048]) {
  test(`countRange equals a plain-JS popcount reference (${bits} bits)`, async () => {
    await fc.assert(
      fc.asyncProperty(filtersArbitrary(6, bits / 8), filtersArbitrary(5, bits / 8), fc.integer({ min: 1, max: THRESHOLD_DENOMINATOR }), async (a, b, num) => {
        const { kernel, layout } = await setUp(a, b, bits);
        const got = kernel.countRange(0, 6, 0, 5, layout.filtersA, layout.filtersB, layout.popA, layout.popB, num, THRESHOLD_DENOMINATOR);
        let expected = 0;
        for (let i = 0; i < 6; i++) {
          for (let j = 0; j < 5; j++) {
            const c = countAndPopcountJs(a, i, b, j, bits);
            const pa = countAndPopcountJs(a, i, a, i, bits);
            const pb = countAndPopcountJs(b, j, b, j, bits);
            if (2 * c * THRESHOLD_DENOMINATOR >= num * (pa + pb)) expected++;
          }
        }
        return got === expected;
      }),
      { numRuns: 60 },
    );
  });
}

/** Filters that are noisy copies of each other, so that many pairs pass realistic thresholds. */
function correlatedFilters(seed: number, count: number, bytes: number): Uint8Array {
  let s = seed >>> 0 || 1;
  const next = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
  const base = new Uint8Array(bytes).map(() => next() & 0xff);
  const out = new Uint8Array(count * bytes);
  for (let i = 0; i < count; i++) for (let k = 0; k < bytes; k++) out[i * bytes + k] = base[k]! ^ (next() & next() & next() & 0xff);
  return out;
}

test('matchBlocks returns exactly the pairs at or above the threshold, across blocks and output refills', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 1 << 30 }), fc.double({ min: 0.5, max: 0.95, noNaN: true }), fc.integer({ min: 1, max: 40 }), async (seed, threshold, cap) => {
      const bits = 1024;
      const a = correlatedFilters(seed, 12, bits / 8);
      const b = correlatedFilters(seed, 9, bits / 8);
      const { memory, kernel, layout } = await setUp(a, b, bits);
      // blocks: members are indices into A (first half) and B (second half) of one i32 array
      const blocks = [[0, 4, 0, 3], [4, 12, 3, 9], [2, 7, 5, 6]];
      const members = [...Array.from({ length: 12 }, (_, i) => i), ...Array.from({ length: 9 }, (_, j) => j)];
      const membersAt = layout.scratch;
      const blocksAt = membersAt + members.length * 4;
      const out = blocksAt + blocks.length * 16;
      const status = out + 12 * 1000;
      new Int32Array(memory.buffer, membersAt, members.length).set(members);
      new Int32Array(memory.buffer, blocksAt, blocks.length * 4).set(blocks.map(([as, ae, bs, be]) => [as!, ae!, 12 + bs!, 12 + be!]).flat());
      const num = thresholdNumerator(threshold);
      const capacity = 48 + (cap % 20); // the largest block has 8 × 6 = 48 pairs: always fits, and refills happen
      const got: string[] = [];
      let block = 0;
      while (block < blocks.length) {
        const next = kernel.matchBlocks(blocksAt, block, blocks.length, membersAt, layout.filtersA, layout.filtersB, layout.popA, layout.popB, num, THRESHOLD_DENOMINATOR, out, capacity, status);
        const written = new Int32Array(memory.buffer, status, 1)[0]!;
        const triples = new Int32Array(memory.buffer, out, written * 3);
        for (let t = 0; t < written; t++) got.push(`${triples[3 * t]},${triples[3 * t + 1]},${triples[3 * t + 2]}`);
        assert.ok(next > block || written > 0, 'the kernel made progress');
        block = next;
      }
      const expected: string[] = [];
      for (const [as, ae, bs, be] of blocks) {
        for (let i = as!; i < ae!; i++) {
          for (let j = bs!; j < be!; j++) {
            const c = countAndPopcountJs(a, i, b, j, bits);
            const pa = countAndPopcountJs(a, i, a, i, bits);
            const pb = countAndPopcountJs(b, j, b, j, bits);
            if (2 * c * THRESHOLD_DENOMINATOR >= num * (pa + pb)) expected.push(`${i},${j},${c}`);
          }
        }
      }
      assert.deepEqual(got, expected);
      return true;
    }),
    { numRuns: 40 },
  );
});

test('Dice is symmetric, in [0, 1], and 1 on identical non-empty filters', () => {
  fc.assert(
    fc.property(filtersArbitrary(1, 128), filtersArbitrary(1, 128), (a, b) => {
      const ab = diceJs(a, 0, b, 0);
      const ba = diceJs(b, 0, a, 0);
      const aa = diceJs(a, 0, a, 0);
      return ab === ba && ab >= 0 && ab <= 1 && (a.every((x) => x === 0) || aa === 1);
    }),
    { numRuns: 300 },
  );
});

test('the worker pool computes the same counts as the calling thread', async () => {
  const bits = 1024;
  const a = correlatedFilters(7, 40, bits / 8);
  const b = correlatedFilters(7, 30, bits / 8);
  const { memory, kernel, layout } = await setUp(a, b, bits);
  const num = thresholdNumerator(0.8);
  const local = kernel.countRange(0, 40, 0, 30, layout.filtersA, layout.filtersB, layout.popA, layout.popB, num, THRESHOLD_DENOMINATOR);
  const pool = await createDicePool(2, bits);
  try {
    const base = { memory, b0: 0, b1: 30, filtersA: layout.filtersA, filtersB: layout.filtersB, popA: layout.popA, popB: layout.popB, num, den: THRESHOLD_DENOMINATOR, reps: 2 };
    const [first, second] = await pool.count([{ ...base, a0: 0, a1: 20 }, { ...base, a0: 20, a1: 40 }]);
    assert.equal(first!.hits + second!.hits, local);
    assert.ok(local > 0);
  } finally {
    await pool.close();
  }
});
