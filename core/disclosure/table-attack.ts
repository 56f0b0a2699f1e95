/**
 * The attacker's view of a published table: for every suppressed entry, the exact range of
 * values consistent with everything published. The attacker is assumed to know
 * - every published cell and margin, and that the table is additive;
 * - that counts are non-negative integers;
 * - the release parameters and each suppression's reason, hence that a primary entry lies in
 *   [0, threshold-1] and a secondary one in [threshold, ∞). (Under the `publish` zero policy a
 *   primary entry is usually ≥ 1, but a zero hidden to protect a neighbour is labelled primary
 *   too, so the attacker cannot rely on that.)
 * The ranges are computed by linear programming (min and max of each entry); because the
 * constraint matrix is totally unimodular the LP bounds are attained by integer tables, so they
 * are exactly the integer ranges, not approximations.
 */
import {
  tableEquations,
  toPublishedGrid,
  type TEntryPosition,
  type TPublishedCell,
  type TPublishedTable,
} from './count-table.ts';
import { createUnimodularLpSolver } from './unimodular-lp.ts';

export interface TAttackerKnowledge {
  threshold: number;
  /** Whether the attacker can read the reason of each suppression (our output publishes it). */
  isReasonKnown?: boolean;
}

export interface TEntryInterval extends TEntryPosition {
  reason: 'primary' | 'secondary';
  lower: number;
  /** Infinity when nothing published bounds the entry from above. */
  upper: number;
}

/** The prior range of a suppressed entry implied by its suppression reason. */
export function reasonBounds(reason: 'primary' | 'secondary', knowledge: TAttackerKnowledge): [number, number] {
  if (knowledge.isReasonKnown === false) return [0, Infinity];
  if (reason === 'primary') return [0, knowledge.threshold - 1];
  return [knowledge.threshold, Infinity];
}

/**
 * Exact feasible range of suppressed entries of a published table.
 * @param published the table as released.
 * @param knowledge what else the attacker knows (see the file comment).
 * @param only restrict the computation to these entries (default: all suppressed entries).
 * @returns one interval per requested suppressed entry, in grid order; an empty list if the
 *   published table is inconsistent (no table fits it), which cannot happen for our output.
 */
export function computeFeasibleIntervals(
  published: TPublishedTable,
  knowledge: TAttackerKnowledge,
  only?: readonly TEntryPosition[],
): TEntryInterval[] {
  const grid = toPublishedGrid(published);
  const m = grid.length - 1;
  const n = grid[0]!.length - 1;
  const index = new Map<string, number>();
  const unknowns: { pos: TEntryPosition; reason: 'primary' | 'secondary'; lower: number; upper: number }[] = [];
  grid.forEach((row, i) =>
    row.forEach((cell, j) => {
      if ('suppressed' in cell) {
        const [lower, upper] = reasonBounds(cell.reason, knowledge);
        index.set(`${i},${j}`, unknowns.length);
        unknowns.push({ pos: { row: i, column: j }, reason: cell.reason, lower, upper });
      }
    }),
  );
  if (unknowns.length === 0) return [];
  // Equations over the unknowns, shifted by their lower bounds (x = lower + y, y ≥ 0).
  const rows: number[][] = [];
  const rhs: number[] = [];
  for (const eq of tableEquations(m, n)) {
    const coefficients = new Array<number>(unknowns.length).fill(0);
    let constant = 0;
    let hasUnknown = false;
    eq.entries.forEach((pos, e) => {
      const coefficient = eq.coefficients[e]!;
      const k = index.get(`${pos.row},${pos.column}`);
      if (k === undefined) constant += coefficient * valueOf(grid[pos.row]![pos.column]!);
      else {
        hasUnknown = true;
        coefficients[k] = coefficient;
        constant += coefficient * unknowns[k]!.lower;
      }
    });
    if (!hasUnknown) continue;
    rows.push(coefficients);
    rhs.push(-constant);
  }
  const solver = createUnimodularLpSolver({ rows, rhs, upper: unknowns.map((u) => u.upper - u.lower) });
  if (!solver) return [];
  const wanted = only ? new Set(only.map((p) => `${p.row},${p.column}`)) : null;
  const out: TEntryInterval[] = [];
  unknowns.forEach((u, k) => {
    if (wanted && !wanted.has(`${u.pos.row},${u.pos.column}`)) return;
    const objective = new Array<number>(unknowns.length).fill(0);
    objective[k] = 1;
    const min = solver.minimise(objective);
    objective[k] = -1;
    const max = solver.minimise(objective);
    out.push({
      ...u.pos,
      reason: u.reason,
      lower: u.lower + (min.status === 'optimal' ? min.value : 0),
      upper: max.status === 'optimal' ? u.lower - max.value : Infinity,
    });
  });
  return out;
}

function valueOf(cell: TPublishedCell): number {
  return 'value' in cell ? cell.value : 0;
}
