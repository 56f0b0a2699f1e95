import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../errors/app-error.ts';
import { extendTable } from './count-table.ts';
import { createDeterministicRandomSource } from './random-source.ts';
import { roundTable, type TRoundedTable } from './round-table.ts';

const grid = (r: TRoundedTable): number[][] => [...r.cells.map((row, i) => [...row, r.rowTotals[i]!]), [...r.columnTotals, r.grandTotal]];

const tableArb = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([m, n]) => fc.array(fc.array(fc.nat({ max: 60 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }));

test('property: controlled rounding is additive, moves each entry to an adjacent multiple, keeps multiples', () => {
  fc.assert(
    fc.property(tableArb, fc.constantFrom(3, 5, 10), (table, base) => {
      const rounded = grid(roundTable(table, { base }));
      const truth = extendTable(table);
      rounded.forEach((row, i) =>
        row.forEach((x, j) => {
          const t = truth[i]![j]!;
          assert.equal(x % base, 0);
          assert.ok(x === t - (t % base) || x === t - (t % base) + base, `${t} → ${x}`);
          if (t % base === 0) assert.equal(x, t);
        }),
      );
      const m = table.length;
      const n = table[0]!.length;
      for (let i = 0; i <= m; i++) assert.equal(rounded[i]!.slice(0, n).reduce((a, b) => a + b, 0), rounded[i]![n]);
      for (let j = 0; j <= n; j++) assert.equal(rounded.slice(0, m).reduce((a, row) => a + row[j]!, 0), rounded[m]![j]);
    }),
    { numRuns: 300 },
  );
});

test('controlled rounding prefers conventional rounding where additivity allows', () => {
  const r = roundTable([[1, 9, 10]], { base: 5 });
  assert.deepEqual(r.cells, [[0, 10, 10]]);
  assert.equal(r.grandTotal, 20);
});

test('random rounding is unbiased and only moves to adjacent multiples', () => {
  const random = createDeterministicRandomSource(11);
  let sum = 0;
  const trials = 4000;
  for (let k = 0; k < trials; k++) {
    const r = roundTable([[2, 13]], { base: 5, method: 'random', random });
    assert.ok([0, 5].includes(r.cells[0]![0]!));
    assert.ok([10, 15].includes(r.cells[0]![1]!));
    sum += r.cells[0]![0]!;
  }
  // E = 2; the mean of 4000 draws has standard deviation ≈ 0.04.
  assert.ok(Math.abs(sum / trials - 2) < 0.2, String(sum / trials));
});

test('bad options are refused', () => {
  assert.throws(() => roundTable([[1]], { base: 1 }), AppError);
  assert.throws(() => roundTable([[1]], { method: 'random' }), AppError);
});
