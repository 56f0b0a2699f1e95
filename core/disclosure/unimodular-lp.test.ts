import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors/app-error.ts';
import { createUnimodularLpSolver } from './unimodular-lp.ts';

test('min and max of a variable under a transportation-style system', () => {
  // x0 + x1 = 5, x2 + x3 = 7, x0 + x2 = 6, x1 + x3 = 6 (redundant), x0 ≤ 4.
  const solver = createUnimodularLpSolver({
    rows: [
      [1, 1, 0, 0],
      [0, 0, 1, 1],
      [1, 0, 1, 0],
      [0, 1, 0, 1],
    ],
    rhs: [5, 7, 6, 6],
    upper: [4, Infinity, Infinity, Infinity],
  });
  assert.ok(solver);
  const min = solver.minimise([1, 0, 0, 0]);
  const max = solver.minimise([-1, 0, 0, 0]);
  assert.deepEqual(min.status === 'optimal' && [min.value, min.x], [0, [0, 5, 6, 1]]);
  assert.equal(max.status === 'optimal' && -max.value, 4);
});

test('unbounded and infeasible programs are recognised', () => {
  const open = createUnimodularLpSolver({ rows: [[1, -1]], rhs: [0], upper: [Infinity, Infinity] });
  assert.deepEqual(open?.minimise([-1, 0]), { status: 'unbounded' });
  assert.equal(createUnimodularLpSolver({ rows: [[1, 1]], rhs: [5], upper: [2, 2] }), null);
  assert.equal(createUnimodularLpSolver({ rows: [[1, 1]], rhs: [-1], upper: [Infinity, Infinity] }), null);
});

test('a matrix that is not totally unimodular is refused rather than mis-solved', () => {
  assert.throws(
    () => createUnimodularLpSolver({ rows: [[2, 1]], rhs: [3], upper: [Infinity, Infinity] })?.minimise([1, 0]),
    (e: unknown) => e instanceof AppError && e.details.reason === 'LP_NOT_UNIMODULAR',
  );
});
