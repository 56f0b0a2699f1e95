import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { postProcessNoisyTable, releaseDpTable } from './dp-table.ts';
import { spendPrivacyBudget } from './privacy-budget.ts';
import { createDeterministicRandomSource } from './random-source.ts';

const tableArb = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([m, n]) => fc.array(fc.array(fc.nat({ max: 30 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }));

test('property: a DP release is non-negative, integral and additive', () => {
  fc.assert(
    fc.property(tableArb, fc.constantFrom('0.1', '0.5', '1', '2'), fc.integer(), (table, epsilon, seed) => {
      const r = releaseDpTable(table, { epsilon, random: createDeterministicRandomSource(seed) });
      for (const row of r.cells) for (const x of row) assert.ok(Number.isInteger(x) && x >= 0);
      r.cells.forEach((row, i) => assert.equal(row.reduce((a, b) => a + b, 0), r.rowTotals[i]));
      r.columnTotals.forEach((c, j) => assert.equal(r.cells.reduce((a, row) => a + row[j]!, 0), c));
      assert.equal(r.rowTotals.reduce((a, b) => a + b, 0), r.grandTotal);
      assert.equal(r.epsilonSpent, epsilon);
    }),
    { numRuns: 200 },
  );
});

test('noise is centred on the true count with the scale asked for', () => {
  const random = createDeterministicRandomSource(5);
  let sum = 0;
  let sq = 0;
  const trials = 3000;
  for (let k = 0; k < trials; k++) {
    const x = releaseDpTable([[1000]], { epsilon: 0.5, random }).cells[0]![0]! - 1000;
    sum += x;
    sq += x * x;
  }
  // Scale 2: variance 2p/(1-p)^2 with p = e^-0.5 ≈ 7.92.
  assert.ok(Math.abs(sum / trials) < 0.2, String(sum / trials));
  assert.ok(Math.abs(sq / trials - 7.92) < 0.8, String(sq / trials));
});

test('a release records its ε, which the ledger then accounts for', () => {
  const r = releaseDpTable([[3, 4]], { epsilon: '0.25', sensitivity: 2, random: createDeterministicRandomSource(1) });
  assert.equal(r.scale, '8/1');
  const ledger = spendPrivacyBudget({ totalEpsilon: '0.5', spends: [{ releaseId: 'r1', epsilon: '0.25' }], request: { releaseId: 'r2', epsilon: r.epsilonSpent } });
  assert.equal(ledger.remainingEpsilon, '0');
});

test('post-processing of noisy counts from any mechanism clamps and re-derives margins', () => {
  assert.deepEqual(postProcessNoisyTable([[-2, 5], [3, -1]]), { cells: [[0, 5], [3, 0]], rowTotals: [5, 3], columnTotals: [3, 5], grandTotal: 8 });
});
