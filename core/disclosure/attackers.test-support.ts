/**
 * Test-only attackers on published tables, written independently of the library's LP attacker
 * so that the suppression tests are not a tautology of the suppressor's own audit:
 * - `determinedByEquations`: Gaussian elimination over exact bigint rationals; finds entries the
 *   published equations alone pin down (the classic "differencing" attack);
 * - `feasibleValues`: a brute-force integer search (bounds propagation + depth-first search)
 *   that lists every value a suppressed entry can take in some integer table consistent with
 *   the publication, using non-negativity and the reason labels.
 */
import { tableEquations, toPublishedGrid, type TEntryPosition, type TPublishedTable } from './count-table.ts';
import { addRational, multiplyRational, rational, subtractRational, type TRational } from './rational.ts';
import { reasonBounds, type TAttackerKnowledge } from './table-attack.ts';

interface TSystem {
  unknowns: { pos: TEntryPosition; reason: 'primary' | 'secondary' }[];
  /** rows[e][k] coefficient of unknown k in equation e; rhs[e]. */
  rows: number[][];
  rhs: number[];
}

function buildSystem(published: TPublishedTable): TSystem {
  const grid = toPublishedGrid(published);
  const m = grid.length - 1;
  const n = grid[0]!.length - 1;
  const unknowns: TSystem['unknowns'] = [];
  const index = new Map<string, number>();
  grid.forEach((row, i) =>
    row.forEach((cell, j) => {
      if ('suppressed' in cell) {
        index.set(`${i},${j}`, unknowns.length);
        unknowns.push({ pos: { row: i, column: j }, reason: cell.reason });
      }
    }),
  );
  const rows: number[][] = [];
  const rhs: number[] = [];
  for (const eq of tableEquations(m, n)) {
    const coefficients = new Array<number>(unknowns.length).fill(0);
    let constant = 0;
    eq.entries.forEach((p, e) => {
      const k = index.get(`${p.row},${p.column}`);
      const cell = grid[p.row]![p.column]!;
      if (k === undefined) constant += eq.coefficients[e]! * ('value' in cell ? cell.value : 0);
      else coefficients[k] = eq.coefficients[e]!;
    });
    rows.push(coefficients);
    rhs.push(-constant);
  }
  return { unknowns, rows, rhs };
}

/**
 * Entries uniquely determined by the linear equations of the publication (ignoring bounds):
 * x_k is determined iff the unit vector e_k lies in the row space, i.e. some row of the
 * reduced row echelon form is exactly e_k.
 */
export function determinedByEquations(published: TPublishedTable): { pos: TEntryPosition; value: TRational }[] {
  const { unknowns, rows, rhs } = buildSystem(published);
  const k = unknowns.length;
  const a: TRational[][] = rows.map((r, e) => [...r.map((v) => rational(BigInt(v))), rational(BigInt(rhs[e]!))]);
  let pivotRow = 0;
  const pivots: number[] = [];
  for (let col = 0; col < k && pivotRow < a.length; col++) {
    const found = a.findIndex((r, i) => i >= pivotRow && r[col]!.num !== 0n);
    if (found < 0) continue;
    [a[pivotRow], a[found]] = [a[found]!, a[pivotRow]!];
    const p = a[pivotRow]![col]!;
    a[pivotRow] = a[pivotRow]!.map((v) => multiplyRational(v, rational(p.den, p.num)));
    for (let i = 0; i < a.length; i++) {
      if (i === pivotRow) continue;
      const f = a[i]![col]!;
      if (f.num === 0n) continue;
      a[i] = a[i]!.map((v, j) => subtractRational(v, multiplyRational(f, a[pivotRow]![j]!)));
    }
    pivots.push(col);
    pivotRow++;
  }
  const out: { pos: TEntryPosition; value: TRational }[] = [];
  pivots.forEach((col, r) => {
    const row = a[r]!;
    const isUnit = row.every((v, j) => j === k || j === col || v.num === 0n);
    if (isUnit) out.push({ pos: unknowns[col]!.pos, value: addRational(row[k]!, rational(0n)) });
  });
  return out;
}

/**
 * Every value each *primary* entry can take in an integer table consistent with the
 * publication and the attacker's knowledge.
 * @param cap upper bound used for entries nothing bounds (only restricts the attacker, so a test
 *   that still finds two values per entry is conservative).
 */
export function feasibleValues(
  published: TPublishedTable,
  knowledge: TAttackerKnowledge,
  cap: number,
): { pos: TEntryPosition; values: number[] }[] {
  const { unknowns, rows, rhs } = buildSystem(published);
  const base = unknowns.map((u) => {
    const [lo, hi] = reasonBounds(u.reason, knowledge);
    return [lo, Math.min(hi, cap)] as [number, number];
  });
  const out: { pos: TEntryPosition; values: number[] }[] = [];
  unknowns.forEach((u, k) => {
    if (u.reason !== 'primary') return;
    const values: number[] = [];
    for (let v = base[k]![0]; v <= base[k]![1]; v++) {
      const domains = base.map((d) => [d[0], d[1]] as [number, number]);
      domains[k] = [v, v];
      if (isFeasible(rows, rhs, domains)) values.push(v);
    }
    out.push({ pos: u.pos, values });
  });
  return out;
}

/** Bounds propagation to a fixpoint; false if some domain empties. */
function propagate(rows: number[][], rhs: number[], d: [number, number][]): boolean {
  for (let changed = true; changed; ) {
    changed = false;
    for (let e = 0; e < rows.length; e++) {
      const row = rows[e]!;
      let minSum = 0;
      let maxSum = 0;
      for (let k = 0; k < row.length; k++) {
        const c = row[k]!;
        if (c === 0) continue;
        minSum += c > 0 ? c * d[k]![0] : c * d[k]![1];
        maxSum += c > 0 ? c * d[k]![1] : c * d[k]![0];
      }
      if (minSum > rhs[e]! || maxSum < rhs[e]!) return false;
      for (let k = 0; k < row.length; k++) {
        const c = row[k]!;
        if (c === 0) continue;
        // c·x_k = rhs - (others); others lie in [minSum - own min, maxSum - own max].
        const ownMin = c > 0 ? c * d[k]![0] : c * d[k]![1];
        const ownMax = c > 0 ? c * d[k]![1] : c * d[k]![0];
        const lo = rhs[e]! - (maxSum - ownMax);
        const hi = rhs[e]! - (minSum - ownMin);
        const newLo = c > 0 ? Math.ceil(lo / c) : Math.ceil(hi / c);
        const newHi = c > 0 ? Math.floor(hi / c) : Math.floor(lo / c);
        if (newLo > d[k]![0]) {
          d[k]![0] = newLo;
          changed = true;
        }
        if (newHi < d[k]![1]) {
          d[k]![1] = newHi;
          changed = true;
        }
        if (d[k]![0] > d[k]![1]) return false;
      }
    }
  }
  return true;
}

function isFeasible(rows: number[][], rhs: number[], domains: [number, number][]): boolean {
  if (!propagate(rows, rhs, domains)) return false;
  const k = domains.findIndex((d) => d[0] < d[1]);
  if (k < 0) return true;
  for (let v = domains[k]![0]; v <= domains[k]![1]; v++) {
    const next = domains.map((d) => [d[0], d[1]] as [number, number]);
    next[k] = [v, v];
    if (isFeasible(rows, rhs, next)) return true;
  }
  return false;
}
