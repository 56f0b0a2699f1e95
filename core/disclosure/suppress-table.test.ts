import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../errors/app-error.ts';
import { determinedByEquations, feasibleValues } from './attackers.test-support.ts';
import { extendTable, toPublishedGrid, toPublishedTable, type TPublishedCell } from './count-table.ts';
import { suppressTable, type TSuppressedTable, type TZeroPolicy } from './suppress-table.ts';
import { computeFeasibleIntervals } from './table-attack.ts';

const P: TPublishedCell = { suppressed: true, reason: 'primary' };
const S: TPublishedCell = { suppressed: true, reason: 'secondary' };
const v = (value: number): TPublishedCell => ({ value });

/** Compact picture of the extended grid: numbers, P (primary), S (secondary). */
function picture(t: TSuppressedTable): string[] {
  return toPublishedGrid(t).map((row) => row.map((c) => ('value' in c ? String(c.value) : c.reason === 'primary' ? 'P' : 'S')).join(' '));
}

test('a small cell is suppressed with partners so that no line has a lone suppression', () => {
  const t = suppressTable([
    [20, 3, 40],
    [15, 25, 30],
    [50, 60, 12],
  ]);
  assert.deepEqual(picture(t), ['S P 40 63', 'S S 30 70', '50 60 12 122', '85 88 82 255']);
  assert.equal(t.primaryCount, 1);
  assert.equal(t.secondaryCount, 3);
  assert.deepEqual(
    t.primaryIntervals.map((i) => [i.row, i.column, i.lower, i.upper]),
    [[0, 1, 0, 10]],
  );
});

test('the line rule alone is not enough once reasons are public: the exact audit adds suppressions', () => {
  // Line rule only would suppress the four inner cells and publish every margin. Then
  // x00 + x01 = 11 with x01 ≥ 11 (it is "secondary") forces x00 = 0: the whole table is known.
  const lineRuleOnly = toPublishedTable([
    [P, S, v(11)],
    [S, S, v(50)],
    [v(20), v(41), v(61)],
  ]);
  const naive = computeFeasibleIntervals(lineRuleOnly, { threshold: 11 });
  assert.deepEqual(
    naive.map((i) => [i.lower, i.upper]),
    [
      [0, 0],
      [11, 11],
      [20, 20],
      [30, 30],
    ],
  );
  const t = suppressTable([
    [0, 11],
    [20, 30],
  ]);
  assert.deepEqual(picture(t), ['P S S', 'S S S', '20 41 61']);
  assert.deepEqual(
    t.primaryIntervals.map((i) => [i.lower, i.upper]),
    [[0, 9]],
  );
});

test('margins below the threshold are suppressed too', () => {
  const t = suppressTable(
    [
      [1, 2],
      [30, 40],
    ],
    { threshold: 5, zeros: 'publish' },
  );
  assert.deepEqual(t.rowTotals[0], P);
  assert.deepEqual(t.cells[0], [P, P]);
  assert.ok(t.primaryIntervals.every((i) => i.upper > i.lower));
});

test('zero policy: sensitive zeros are suppressed, published zeros and structural zeros are not', () => {
  const table = [
    [0, 50],
    [30, 40],
  ];
  assert.deepEqual(picture(suppressTable(table)), ['P S 50', 'S S 70', '30 90 120']);
  assert.deepEqual(picture(suppressTable(table, { zeros: 'publish' })), ['0 50 50', '30 40 70', '30 90 120']);
  const structural = suppressTable(table, { structuralZeros: [[true, false]] });
  assert.equal(structural.primaryCount, 0);
  assert.deepEqual(structural.cells[0]![0], v(0));
});

test('options that would let a label reveal the count are refused', () => {
  const isInvalid = (e: unknown) => e instanceof AppError && e.code === 'VALIDATION_FAILED';
  assert.throws(() => suppressTable([[1, 20]], { threshold: 1 }), isInvalid);
  assert.throws(() => suppressTable([[1, 20]], { threshold: 11, minIntervalWidth: 11 }), isInvalid);
  assert.throws(() => suppressTable([[1, 20]], { structuralZeros: [[true]] }), isInvalid);
  assert.throws(() => suppressTable([[1, -2]]), isInvalid);
  assert.throws(() => suppressTable([[1, 2], [3]]), isInvalid);
  assert.throws(() => suppressTable([]), isInvalid);
});

test('a table that no suppression pattern protects is refused, not published', () => {
  // Threshold 2: both cells are 1 and their total 2 is "secondary" (≥ 2), so even with
  // everything hidden 0 ≤ x, y ≤ 1 and x + y ≥ 2 force x = y = 1.
  assert.throws(
    () => suppressTable([[1], [1]], { threshold: 2 }),
    (e: unknown) => e instanceof AppError && e.code === 'DOMAIN_RULE_VIOLATED' && e.details.reason === 'TABLE_CANNOT_BE_PROTECTED',
  );
});

test('with published zeros, a zero needed to protect a neighbour is hidden and labelled primary', () => {
  const t = suppressTable(
    [
      [1, 2, 0],
      [0, 15, 0],
    ],
    { threshold: 5, zeros: 'publish' },
  );
  assert.deepEqual(picture(t), ['P P 0 P', 'P 15 0 S', 'P S 0 18']);
  assert.ok(t.primaryIntervals.every((i) => i.upper > i.lower));
});

test('a wider protection interval can be required', () => {
  const t = suppressTable(
    [
      [5, 30, 40],
      [25, 26, 27],
      [31, 32, 33],
    ],
    { minIntervalWidth: 8 },
  );
  assert.ok(t.primaryIntervals.every((i) => i.upper - i.lower >= 8));
});

test('the test attackers do catch a careless publication (they are not toothless)', () => {
  const lone = toPublishedTable([
    [P, v(40), v(43)],
    [v(30), v(20), v(50)],
    [v(33), v(60), v(93)],
  ]);
  assert.deepEqual(
    determinedByEquations(lone).map((d) => [d.pos.row, d.pos.column, Number(d.value.num)]),
    [[0, 0, 3]],
  );
  const lineRuleOnly = toPublishedTable([
    [P, S, v(11)],
    [S, S, v(50)],
    [v(20), v(41), v(61)],
  ]);
  assert.deepEqual(determinedByEquations(lineRuleOnly), []);
  assert.deepEqual(feasibleValues(lineRuleOnly, { threshold: 11 }, 200), [{ pos: { row: 0, column: 0 }, values: [0] }]);
});

// ---------------------------------------------------------------------------------------------
// The attacker property. For random tables the published output is attacked by two attackers
// written independently of the suppressor (attackers.test-support.ts): exact Gaussian
// elimination over the published equations, and a brute-force integer search that also uses
// non-negativity and the public reason labels. Neither may pin a primary entry.

const count = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 10 }) },
  { weight: 5, arbitrary: fc.integer({ min: 11, max: 40 }) },
);
const tableArb = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([m, n]) => fc.array(fc.array(count, { minLength: n, maxLength: n }), { minLength: m, maxLength: m }));
const scenario = fc.record({
  table: tableArb,
  threshold: fc.constantFrom(2, 3, 5, 11),
  zeros: fc.constantFrom<TZeroPolicy>('sensitive', 'publish'),
  minIntervalWidth: fc.constantFrom(1, 1, 2),
});

test('property: no attacker can pin down a primary-suppressed entry', () => {
  fc.assert(
    fc.property(scenario, ({ table, threshold, zeros, minIntervalWidth }) => {
      const knowledge = { threshold };
      const truth = extendTable(table);
      const cap = 2 * truth.at(-1)!.at(-1)! + threshold;
      let t: TSuppressedTable;
      try {
        t = suppressTable(table, { threshold, zeros, minIntervalWidth });
      } catch (e) {
        if (threshold - 1 < minIntervalWidth) {
          // A primary label alone ([0, threshold-1]) would be too narrow: refused up front.
          assert.ok(e instanceof AppError && e.code === 'VALIDATION_FAILED', String(e));
          return;
        }
        assert.ok(e instanceof AppError && e.details.reason === 'TABLE_CANNOT_BE_PROTECTED', String(e));
        // Legitimate only if hiding everything still lets the brute-force attacker pin a small entry.
        const everythingHidden = toPublishedTable(truth.map((row) => row.map((x) => (x < threshold ? P : S))));
        const widths = feasibleValues(everythingHidden, knowledge, cap).map(({ values }) => values.at(-1)! - values[0]!);
        assert.ok(widths.some((w) => w < minIntervalWidth), 'refused a table that full suppression would protect');
        return;
      }
      const grid = toPublishedGrid(t);
      // Published entries are true; every small entry is hidden; reasons tell the truth:
      // primary = below the threshold (a hidden zero included), secondary = at or above it.
      grid.forEach((row, i) =>
        row.forEach((cell, j) => {
          const x = truth[i]![j]!;
          const isSmall = x < threshold && (x > 0 || zeros === 'sensitive');
          if ('value' in cell) assert.equal(cell.value, x);
          else assert.equal(cell.reason, x < threshold ? 'primary' : 'secondary');
          if (isSmall) assert.deepEqual(cell, P);
        }),
      );
      // No line of the extended grid holds exactly one suppression.
      const lines = [...grid, ...grid[0]!.map((_, j) => grid.map((r) => r[j]!))];
      for (const line of lines) assert.notEqual(line.filter((c) => 'suppressed' in c).length, 1);
      // Attacker 1: linear algebra on the published equations.
      const determined = determinedByEquations(t);
      const isPrimary = (c: TPublishedCell): boolean => 'suppressed' in c && c.reason === 'primary';
      assert.ok(
        determined.every((d) => !isPrimary(grid[d.pos.row]![d.pos.column]!)),
        `primary entry determined by the equations: ${JSON.stringify(determined)}`,
      );
      // Attacker 2: exhaustive integer search with bounds and reason labels.
      const lp = new Map(computeFeasibleIntervals(t, knowledge).map((iv) => [`${iv.row},${iv.column}`, iv]));
      for (const { pos, values } of feasibleValues(t, knowledge, cap)) {
        assert.ok(values.includes(truth[pos.row]![pos.column]!), 'the true value must stay feasible');
        const width = values[values.length - 1]! - values[0]!;
        assert.ok(width >= minIntervalWidth, `entry ${pos.row},${pos.column} has feasible values ${values}`);
        // The LP attacker (used by the suppressor) agrees exactly with brute force.
        const iv = lp.get(`${pos.row},${pos.column}`)!;
        assert.deepEqual([iv.lower, iv.upper], [values[0], values[values.length - 1]]);
        assert.equal(values.length, iv.upper - iv.lower + 1, 'every integer in the range is feasible');
      }
    }),
    { numRuns: 500 },
  );
});
