/**
 * Rounding a count table to a base (e.g. 5), an alternative to suppression chosen per release.
 *
 * - `controlled` (default): every cell and margin moves to one of its two neighbouring
 *   multiples of the base (multiples stay unchanged, so zeros stay zero) and the rounded table
 *   is still additive: rows and columns sum to their rounded margins. Such a rounding always
 *   exists for two-way tables (Bacharach 1966, Cox 1987): with r = count mod base, the
 *   fractions r/base satisfy the additivity equations, those equations are totally unimodular,
 *   so the polytope of 0/1 "round up" choices has an integral vertex, which the exact simplex
 *   finds. Among them it picks one closest to conventional rounding.
 * - `random`: each entry independently rounds up with probability r/base (unbiased), using the
 *   release's random source. Margins are rounded on their own, so the table is not additive.
 * Neither method hides small counts as well as suppression; rounding to base b reveals each
 * count to within b-1.
 */
import { AppError } from '../errors/app-error.ts';
import { extendTable, tableEquations, validateCountTable, type TCountTable } from './count-table.ts';
import { bernoulli, type TRandomSource } from './random-source.ts';
import { createUnimodularLpSolver } from './unimodular-lp.ts';

export interface TRoundingOptions {
  /** Rounding base (default 5). */
  base?: number;
  method?: 'controlled' | 'random';
  /** Required for `random`: use the crypto source in releases. */
  random?: TRandomSource;
}

export interface TRoundedTable {
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  grandTotal: number;
  base: number;
  method: 'controlled' | 'random';
}

/**
 * Rounds a count table to multiples of a base.
 * @throws AppError VALIDATION_FAILED for a malformed table, a base below 2, or `random`
 *   without a random source.
 */
export function roundTable(table: TCountTable, options: TRoundingOptions = {}): TRoundedTable {
  const { rows: m, columns: n } = validateCountTable(table);
  const base = options.base ?? 5;
  const method = options.method ?? 'controlled';
  if (!Number.isSafeInteger(base) || base < 2) {
    throw new AppError('VALIDATION_FAILED', 'Invalid rounding base', { issues: [{ path: 'base', message: 'must be an integer ≥ 2' }] });
  }
  const grid = extendTable(table);
  let rounded: number[][];
  if (method === 'random') {
    const random = options.random;
    if (!random) {
      throw new AppError('VALIDATION_FAILED', 'Random rounding needs a random source', { issues: [{ path: 'random', message: 'required' }] });
    }
    rounded = grid.map((row) =>
      row.map((v) => {
        const r = v % base;
        return v - r + (r > 0 && bernoulli(random, BigInt(r), BigInt(base)) ? base : 0);
      }),
    );
  } else {
    rounded = controlledRounding(grid, m, n, base);
  }
  return {
    cells: rounded.slice(0, m).map((r) => r.slice(0, n)),
    rowTotals: rounded.slice(0, m).map((r) => r[n]!),
    columnTotals: rounded[m]!.slice(0, n),
    grandTotal: rounded[m]![n]!,
    base,
    method,
  };
}

function controlledRounding(grid: number[][], m: number, n: number, base: number): number[][] {
  // One 0/1 variable δ per entry that is not a multiple of the base: round up (1) or down (0).
  const index = new Map<string, number>();
  const residues: number[] = [];
  grid.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v % base !== 0) {
        index.set(`${i},${j}`, residues.length);
        residues.push(v % base);
      }
    }),
  );
  const rows: number[][] = [];
  const rhs: number[] = [];
  for (const eq of tableEquations(m, n)) {
    // Σ coef·(floor + base·δ) = 0 ⇔ Σ coef·δ = Σ coef·r / base (an integer, as the residues add up).
    const coefficients = new Array<number>(residues.length).fill(0);
    let residueSum = 0;
    let hasVariable = false;
    eq.entries.forEach((p, e) => {
      const k = index.get(`${p.row},${p.column}`);
      if (k === undefined) return;
      hasVariable = true;
      coefficients[k] = eq.coefficients[e]!;
      residueSum += eq.coefficients[e]! * residues[k]!;
    });
    if (!hasVariable) continue;
    rows.push(coefficients);
    rhs.push(residueSum / base);
  }
  const solver = createUnimodularLpSolver({ rows, rhs, upper: residues.map(() => 1) });
  // Conventional rounding is the cheapest: rounding up costs base - 2r (negative when r > base/2).
  const outcome = solver?.minimise(residues.map((r) => base - 2 * r));
  if (!outcome || outcome.status !== 'optimal') {
    throw new AppError('INTERNAL', 'Controlled rounding found no solution', { reason: 'ROUNDING_FAILED' });
  }
  return grid.map((row, i) =>
    row.map((v, j) => {
      const k = index.get(`${i},${j}`);
      return k === undefined ? v : v - residues[k]! + base * outcome.x[k]!;
    }),
  );
}
