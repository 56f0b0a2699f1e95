/**
 * Small-cell suppression with secondary suppression for a two-way table with margins.
 *
 * 1. Primary: every cell *and margin* with a count below the threshold. Zeros: by default
 *    (`zeros: 'sensitive'`) a zero is treated like any small count, because a published zero
 *    says "nobody in this group", which with the margins can reveal that everyone in a row
 *    shares one attribute. Cells that are zero by definition (structural zeros, e.g. "minor"
 *    × "48+") can be declared and are always published as 0. `zeros: 'publish'` publishes
 *    sampling zeros too, unless one is needed to protect a small cell (see 2).
 * 2. Complementary suppression, line rule: no row or column of the extended grid may hold
 *    exactly one suppressed entry (it would equal the line's sum minus the rest). The
 *    cheapest eligible entry of such a line is suppressed too: inner cells before margins,
 *    then entries whose other line already has a suppression, then the smallest count.
 * 3. Complementary suppression, exact audit: the line rule is not sufficient (entries can
 *    still be pinned by combinations of equations, by non-negativity and by the public
 *    reasons), so the attacker of table-attack.ts computes each small entry's exact feasible
 *    range. While some range is narrower than `minIntervalWidth`, one more entry in that
 *    entry's row or column is suppressed and the audit runs again.
 *
 * What a reason means (and what the attacker is assumed to know): `primary` = the hidden
 * count is below the threshold (zero included); `secondary` = it is at or above the threshold
 * and was hidden to protect others. A published zero hidden in step 2 or 3 is therefore
 * labelled `primary`: labelling it `secondary` would be false and would mislead the audit.
 *
 * If even hiding every non-structural entry leaves a small entry pinned (possible only in
 * corner cases such as threshold 2), the table cannot be published with suppression and a
 * DOMAIN_RULE_VIOLATED error says so; coarsen the table or use rounding or noise instead.
 */
import { AppError } from '../errors/app-error.ts';
import {
  extendTable,
  toPublishedTable,
  validateCountTable,
  type TCountTable,
  type TPublishedCell,
  type TPublishedTable,
} from './count-table.ts';
import { computeFeasibleIntervals, reasonBounds, type TEntryInterval } from './table-attack.ts';

export type TZeroPolicy = 'sensitive' | 'publish';

export interface TSuppressionOptions {
  /** Smallest count that may be published (default 11, CTDC's k). */
  threshold?: number;
  /** How sampling zeros are treated (default `sensitive`); see the file comment. */
  zeros?: TZeroPolicy;
  /** Cells that are zero by definition; published as 0 under either policy. */
  structuralZeros?: readonly (readonly boolean[])[];
  /** Smallest acceptable width (upper - lower) of an attacker's range for a small entry (default 1). */
  minIntervalWidth?: number;
}

export interface TSuppressedTable extends TPublishedTable {
  threshold: number;
  zeros: TZeroPolicy;
  primaryCount: number;
  secondaryCount: number;
  /** The attacker's range for every primary entry, as verified before release. */
  primaryIntervals: TEntryInterval[];
}

type TStatus = 'published' | 'structural' | 'primary' | 'secondary';
type TLine = 'row' | 'column';

/**
 * Suppresses a count table for publication.
 * @param table counts by row and column (totals are computed, never taken from the caller).
 * @param options threshold, zero policy, structural zeros, protection width.
 * @throws AppError VALIDATION_FAILED for a malformed table, a structural zero that is not 0, or
 *   options under which a primary label alone would narrow a count too much;
 *   DOMAIN_RULE_VIOLATED (reason `TABLE_CANNOT_BE_PROTECTED`) when no suppression pattern
 *   protects every small entry.
 */
export function suppressTable(table: TCountTable, options: TSuppressionOptions = {}): TSuppressedTable {
  const { rows: m, columns: n } = validateCountTable(table);
  const threshold = options.threshold ?? 11;
  const zeros = options.zeros ?? 'sensitive';
  const minWidth = options.minIntervalWidth ?? 1;
  validateOptions(table, threshold, minWidth, options.structuralZeros);
  const grid = extendTable(table);
  const status: TStatus[][] = grid.map((row, i) =>
    row.map((v, j): TStatus => {
      if (i < m && j < n && options.structuralZeros?.[i]?.[j]) return 'structural';
      return v < threshold && (v > 0 || zeros === 'sensitive') ? 'primary' : 'published';
    }),
  );
  const isEligible = (i: number, j: number): boolean => status[i]![j] === 'published';
  /** Hides a published entry, with the reason that truthfully describes its value. */
  const hide = (i: number, j: number): void => {
    status[i]![j] = grid[i]![j]! < threshold ? 'primary' : 'secondary';
  };
  const suppressedIn = (line: TLine, k: number): number => {
    let count = 0;
    if (line === 'row') for (let j = 0; j <= n; j++) count += isSuppressed(status[k]![j]!) ? 1 : 0;
    else for (let i = 0; i <= m; i++) count += isSuppressed(status[i]![k]!) ? 1 : 0;
    return count;
  };
  /** Lexicographic cost: margins last, then avoid creating a new lone suppression, then small counts. */
  const cost = (i: number, j: number, along: TLine): number[] => {
    const marginRank = i === m && j === n ? 2 : i === m || j === n ? 1 : 0;
    const other = along === 'row' ? suppressedIn('column', j) : suppressedIn('row', i);
    return [marginRank, other === 0 ? 1 : 0, grid[i]![j]!, i, j];
  };
  const pickCheapest = (candidates: [number, number, TLine][]): [number, number] | null => {
    let best: [number, number] | null = null;
    let bestCost: number[] | null = null;
    for (const [i, j, along] of candidates) {
      const c = cost(i, j, along);
      if (!bestCost || compareCost(c, bestCost) < 0) {
        best = [i, j];
        bestCost = c;
      }
    }
    return best;
  };
  const candidatesIn = (line: TLine, k: number): [number, number, TLine][] => {
    const out: [number, number, TLine][] = [];
    if (line === 'row') {
      for (let j = 0; j <= n; j++) if (isEligible(k, j)) out.push([k, j, 'row']);
    } else {
      for (let i = 0; i <= m; i++) if (isEligible(i, k)) out.push([i, k, 'column']);
    }
    return out;
  };

  const applyLineRule = (): void => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const [line, size] of [
        ['row', m],
        ['column', n],
      ] as const) {
        for (let k = 0; k <= size; k++) {
          if (suppressedIn(line, k) !== 1) continue;
          const pick = pickCheapest(candidatesIn(line, k));
          if (pick) {
            hide(pick[0], pick[1]);
            changed = true;
          }
        }
      }
    }
  };

  const knowledge = { threshold, isReasonKnown: true };
  for (;;) {
    applyLineRule();
    const published = toPublishedTable(publish(grid, status));
    const intervals = computeFeasibleIntervals(published, knowledge).filter((iv) => iv.reason === 'primary');
    const weakest = intervals
      .filter((iv) => iv.upper - iv.lower < minWidth)
      .sort((a, b) => a.upper - a.lower - (b.upper - b.lower))[0];
    if (!weakest) {
      return {
        ...published,
        threshold,
        zeros,
        primaryCount: count(status, 'primary'),
        secondaryCount: count(status, 'secondary'),
        primaryIntervals: intervals,
      };
    }
    let pick = pickCheapest([...candidatesIn('row', weakest.row), ...candidatesIn('column', weakest.column)]);
    if (!pick) {
      const anywhere: [number, number, TLine][] = [];
      for (let i = 0; i <= m; i++) anywhere.push(...candidatesIn('row', i));
      pick = pickCheapest(anywhere);
    }
    if (!pick) {
      // Every non-structural entry is hidden and a small entry is still pinned: hiding more
      // is impossible, and hiding is monotone (more hidden = more uncertainty), so no pattern works.
      throw new AppError('DOMAIN_RULE_VIOLATED', 'This table cannot be protected by suppression', {
        reason: 'TABLE_CANNOT_BE_PROTECTED',
        entry: { row: weakest.row, column: weakest.column, lower: weakest.lower, upper: weakest.upper },
      });
    }
    hide(pick[0], pick[1]);
  }
}

function isSuppressed(s: TStatus): boolean {
  return s === 'primary' || s === 'secondary';
}

function compareCost(a: number[], b: number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
}

function count(status: TStatus[][], wanted: TStatus): number {
  return status.reduce((sum, row) => sum + row.filter((s) => s === wanted).length, 0);
}

function publish(grid: number[][], status: TStatus[][]): TPublishedCell[][] {
  return grid.map((row, i) =>
    row.map((v, j): TPublishedCell => {
      const s = status[i]![j]!;
      return s === 'primary' || s === 'secondary' ? { suppressed: true, reason: s } : { value: v };
    }),
  );
}

function validateOptions(
  table: TCountTable,
  threshold: number,
  minWidth: number,
  structuralZeros: TSuppressionOptions['structuralZeros'],
): void {
  const issues: { path: string; message: string }[] = [];
  if (!Number.isSafeInteger(threshold) || threshold < 1) issues.push({ path: 'threshold', message: 'must be an integer ≥ 1' });
  if (!Number.isSafeInteger(minWidth) || minWidth < 1) issues.push({ path: 'minIntervalWidth', message: 'must be an integer ≥ 1' });
  const [lower, upper] = reasonBounds('primary', { threshold });
  if (issues.length === 0 && upper - lower < minWidth) {
    issues.push({
      path: 'threshold',
      message: `a primary label alone narrows the count to [${lower}, ${upper}], narrower than the required width ${minWidth}`,
    });
  }
  structuralZeros?.forEach((row, i) =>
    row.forEach((isStructural, j) => {
      if (isStructural && table[i]?.[j] !== 0) issues.push({ path: `structuralZeros.${i}.${j}`, message: 'cell is not zero' });
    }),
  );
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Invalid suppression options', { reason: 'INVALID_SUPPRESSION_OPTIONS', issues });
  }
}
