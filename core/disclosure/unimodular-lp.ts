/**
 * An exact simplex solver for linear programs whose constraint matrix is totally unimodular
 * (TU): every square submatrix has determinant 0, 1 or -1. The additivity constraints of a
 * two-way table with margins are of this kind (after sign changes they are the incidence
 * matrix of a bipartite graph; see README), and adding variable bounds keeps it so.
 *
 * Why this matters: for a TU matrix, every simplex tableau B⁻¹A has entries in {-1, 0, 1}, so
 * with integer data all arithmetic stays in small integers: no rounding error, no rationals,
 * and every basic solution (hence every optimum) is integral. The solver checks the property as
 * it goes (every pivot must be 1, every number a safe integer) and throws instead of returning
 * a wrong answer if it is handed a matrix that is not TU.
 *
 * Problem form: minimise c·x subject to A x = b and 0 ≤ x ≤ u (u may be Infinity).
 * Bland's rule is used for pivoting: these problems are highly degenerate and Bland's rule
 * cannot cycle.
 */
import { AppError } from '../errors/app-error.ts';

export interface TLinearProgram {
  /** Dense equality rows over the variables (integers). */
  rows: readonly (readonly number[])[];
  /** Right-hand sides (integers). */
  rhs: readonly number[];
  /** Upper bound per variable (integer or Infinity); lower bounds are 0. */
  upper: readonly number[];
}

export type TLpOutcome = { status: 'optimal'; value: number; x: number[] } | { status: 'unbounded' };

export interface TLpSolver {
  /** Minimises c·x from the feasible basis found once by phase one. */
  minimise(c: readonly number[]): TLpOutcome;
}

function notUnimodular(detail: string): never {
  throw new AppError('INTERNAL', 'Linear program is not totally unimodular', { reason: 'LP_NOT_UNIMODULAR', detail });
}

function checkSafe(v: number): number {
  if (!Number.isSafeInteger(v)) notUnimodular(`non-integral or unsafe value ${v}`);
  return v;
}

class Tableau {
  constructor(
    /** Constraint rows; the last entry of each is the right-hand side. */
    readonly t: number[][],
    /** Reduced costs; the last entry is minus the objective value. */
    public obj: number[],
    /** Basic variable (column index) of each row. */
    readonly basis: number[],
  ) {}

  clone(): Tableau {
    return new Tableau(
      this.t.map((r) => r.slice()),
      this.obj.slice(),
      this.basis.slice(),
    );
  }

  pivot(row: number, col: number): void {
    const pr = this.t[row]!;
    const p = pr[col]!;
    if (p !== 1 && p !== -1) notUnimodular(`pivot element ${p}`);
    if (p === -1) for (let j = 0; j < pr.length; j++) pr[j] = -pr[j]! || 0;
    const eliminate = (r: number[]): void => {
      const f = r[col]!;
      if (f === 0) return;
      for (let j = 0; j < r.length; j++) {
        const a = pr[j]!;
        if (a !== 0) r[j] = checkSafe(r[j]! - f * a);
      }
    };
    for (let i = 0; i < this.t.length; i++) if (i !== row) eliminate(this.t[i]!);
    eliminate(this.obj);
    this.basis[row] = col;
  }

  /**
   * Runs simplex iterations on the current objective, allowing only columns `< allowed`
   * to enter. Returns false when the objective is unbounded below.
   */
  run(allowed: number): boolean {
    const rhs = this.t[0] ? this.t[0].length - 1 : 0;
    for (;;) {
      let enter = -1;
      for (let j = 0; j < allowed; j++) {
        if (this.obj[j]! < 0) {
          enter = j;
          break;
        }
      }
      if (enter < 0) return true;
      let leave = -1;
      let best = Infinity;
      for (let i = 0; i < this.t.length; i++) {
        const a = this.t[i]![enter]!;
        if (a <= 0) continue;
        const ratio = this.t[i]![rhs]! / a;
        if (ratio < best || (ratio === best && this.basis[i]! < this.basis[leave]!)) {
          best = ratio;
          leave = i;
        }
      }
      if (leave < 0) return false;
      this.pivot(leave, enter);
    }
  }
}

/**
 * Runs phase one (feasibility) once and returns a solver for any number of objectives.
 * @returns null when the program is infeasible.
 * @throws AppError INTERNAL (reason `LP_NOT_UNIMODULAR`) if the matrix turns out not to be TU.
 */
export function createUnimodularLpSolver(lp: TLinearProgram): TLpSolver | null {
  const n = lp.upper.length;
  const bounded: number[] = [];
  for (let k = 0; k < n; k++) if (Number.isFinite(lp.upper[k]!)) bounded.push(k);
  const me = lp.rows.length;
  const nb = bounded.length;
  // Columns: x (n) | bound slacks (nb) | artificials (me) | rhs.
  const width = n + nb + me + 1;
  const rhsCol = width - 1;
  const t: number[][] = [];
  const basis: number[] = [];
  for (let i = 0; i < me; i++) {
    const row = new Array<number>(width).fill(0);
    const sign = lp.rhs[i]! < 0 ? -1 : 1;
    for (let k = 0; k < n; k++) row[k] = sign * (lp.rows[i]![k] ?? 0) || 0;
    row[n + nb + i] = 1;
    row[rhsCol] = checkSafe(sign * lp.rhs[i]!);
    t.push(row);
    basis.push(n + nb + i);
  }
  bounded.forEach((k, s) => {
    const row = new Array<number>(width).fill(0);
    row[k] = 1;
    row[n + s] = 1;
    row[rhsCol] = checkSafe(lp.upper[k]!);
    t.push(row);
    basis.push(n + s);
  });
  // Phase one: minimise the sum of artificials; reduced costs = -(sum of equality rows).
  const obj = new Array<number>(width).fill(0);
  for (let i = 0; i < me; i++) {
    for (let j = 0; j < width; j++) if (j < n + nb || j === rhsCol) obj[j] = checkSafe(obj[j]! - t[i]![j]!);
  }
  const tableau = new Tableau(t, obj, basis);
  tableau.run(n + nb);
  if (-tableau.obj[rhsCol]! > 0) return null;
  // Drive remaining (zero-level) artificials out of the basis; rows where that is impossible
  // are linear combinations of others (tables always have one: rows and columns share the total).
  for (let i = tableau.t.length - 1; i >= 0; i--) {
    if (tableau.basis[i]! < n + nb) continue;
    const row = tableau.t[i]!;
    const col = row.findIndex((v, j) => j < n + nb && v !== 0);
    if (col >= 0) tableau.pivot(i, col);
    else {
      tableau.t.splice(i, 1);
      tableau.basis.splice(i, 1);
    }
  }
  // Artificial columns are never allowed to re-enter (run() only scans j < n + nb).
  return {
    minimise(c) {
      const tab = tableau.clone();
      const o = new Array<number>(width).fill(0);
      for (let k = 0; k < n; k++) o[k] = c[k] ?? 0;
      tab.obj = o;
      // Express the objective in the current basis.
      tab.t.forEach((row, i) => {
        const cb = o[tab.basis[i]!]!;
        if (cb === 0) return;
        for (let j = 0; j < width; j++) if (row[j] !== 0) o[j] = checkSafe(o[j]! - cb * row[j]!);
      });
      if (!tab.run(n + nb)) return { status: 'unbounded' };
      const x = new Array<number>(n).fill(0);
      tab.t.forEach((row, i) => {
        const b = tab.basis[i]!;
        if (b < n) x[b] = row[rhsCol]!;
      });
      return { status: 'optimal', value: -tab.obj[rhsCol]! || 0, x };
    },
  };
}
