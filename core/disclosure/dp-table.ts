/**
 * Differentially private release of a two-way count table with the discrete Laplace mechanism.
 *
 * Privacy: neighbouring datasets differ by adding or removing one person, and each person is
 * counted in exactly one cell (callers must bound contributions first, e.g. one row per linked
 * victim). The table of inner cells then has L1 sensitivity 1 (`sensitivity` scales it, e.g. 2
 * for the replace-one-person relation), and adding discrete Laplace noise of scale Δ/ε to every
 * inner cell is ε-DP for the whole table (parallel composition).
 *
 * Post-processing, which costs no budget: negative noisy counts become 0 and the margins are
 * computed from the processed cells, so the release is non-negative, integral and additive.
 * Clamping biases small cells upwards; that is the price of never publishing a negative count.
 */
import { validateCountTable, type TCountTable } from './count-table.ts';
import { laplaceScaleForEpsilon, sampleDiscreteLaplaceTS } from './discrete-noise.ts';
import { formatRational, type TRational } from './rational.ts';
import type { TRandomSource } from './random-source.ts';

export interface TDpTableOptions {
  /** Privacy loss ε > 0 for this release (number, decimal string or fraction string). */
  epsilon: number | string | TRational;
  /** L1 sensitivity of the cell vector (default 1: one cell per person, add/remove neighbours). */
  sensitivity?: number;
  /** The noise source: {@link createCryptoRandomSource} in releases. */
  random: TRandomSource;
}

export interface TDpTable {
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  grandTotal: number;
  mechanism: 'discreteLaplace';
  /** ε actually spent, exactly (≤ the ε asked for; see laplaceScaleForEpsilon). Record it in the ledger. */
  epsilonSpent: string;
  /** The noise scale Δ/ε as a fraction. */
  scale: string;
}

/**
 * Adds exact discrete Laplace noise to every cell and post-processes to a consistent table.
 * @throws AppError VALIDATION_FAILED for a malformed table; RangeError for ε or Δ out of range.
 */
export function releaseDpTable(table: TCountTable, options: TDpTableOptions): TDpTable {
  const { columns: n } = validateCountTable(table);
  const { t, s, epsilonUsed } = laplaceScaleForEpsilon(options.epsilon, options.sensitivity ?? 1);
  const cells = table.map((row) => row.map((v) => Math.max(0, v + sampleDiscreteLaplaceTS(options.random, t, s))));
  return { ...withMargins(cells, n), mechanism: 'discreteLaplace', epsilonSpent: formatRational(epsilonUsed), scale: `${t}/${s}` };
}

/**
 * Consistent post-processing of noisy counts: clamps to non-negative integers and derives the
 * margins from the cells. Exposed for other mechanisms (e.g. discrete Gaussian noise).
 * @throws AppError VALIDATION_FAILED when the noisy table is not a rectangle of integers.
 */
export function postProcessNoisyTable(noisy: readonly (readonly number[])[]): Omit<TDpTable, 'mechanism' | 'epsilonSpent' | 'scale'> {
  const clamped = noisy.map((row) => row.map((v) => Math.max(0, v)));
  const { columns: n } = validateCountTable(clamped);
  return withMargins(clamped, n);
}

function withMargins(cells: number[][], n: number): Omit<TDpTable, 'mechanism' | 'epsilonSpent' | 'scale'> {
  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: n }, (_, j) => cells.reduce((a, row) => a + row[j]!, 0));
  return { cells, rowTotals, columnTotals, grandTotal: rowTotals.reduce((a, b) => a + b, 0) };
}
