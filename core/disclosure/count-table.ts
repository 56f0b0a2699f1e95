/**
 * Two-way count tables and their "extended" form: an (m+1)×(n+1) grid whose last column holds
 * the row totals, last row the column totals and corner the grand total. Disclosure control
 * works on the extended grid because totals are published cells too: each of its m+1 rows and
 * n+1 columns is one additivity equation (inner entries sum to the entry in the margin).
 */
import { AppError, type TErrorIssue } from '../errors/app-error.ts';

/** Counts by row and column, without totals (they are computed). */
export type TCountTable = readonly (readonly number[])[];

export type TPublishedCell = { value: number } | { suppressed: true; reason: 'primary' | 'secondary' };

/** A table as published: cells and margins, each either a value or a suppression mark. */
export interface TPublishedTable {
  cells: TPublishedCell[][];
  rowTotals: TPublishedCell[];
  columnTotals: TPublishedCell[];
  grandTotal: TPublishedCell;
}

/** Position in the extended grid: `row === rows` is the column-totals row, `column === columns` the row-totals column. */
export interface TEntryPosition {
  row: number;
  column: number;
}

/**
 * Checks that a table is a non-empty rectangle of non-negative safe integers.
 * @throws AppError VALIDATION_FAILED listing every bad entry.
 */
export function validateCountTable(table: TCountTable): { rows: number; columns: number } {
  const issues: TErrorIssue[] = [];
  const rows = table.length;
  const columns = table[0]?.length ?? 0;
  if (rows === 0 || columns === 0) issues.push({ path: '', message: 'table must have at least one row and one column' });
  table.forEach((row, i) => {
    if (row.length !== columns) issues.push({ path: `${i}`, message: `row has ${row.length} cells, expected ${columns}` });
    row.forEach((v, j) => {
      if (!Number.isSafeInteger(v) || v < 0) issues.push({ path: `${i}.${j}`, message: 'count must be a non-negative integer' });
    });
  });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'Invalid count table', { reason: 'INVALID_COUNT_TABLE', issues });
  return { rows, columns };
}

/** The extended grid of a valid table: inner counts plus row totals, column totals, grand total. */
export function extendTable(table: TCountTable): number[][] {
  const m = table.length;
  const n = table[0]!.length;
  const grid: number[][] = [];
  const columnTotals = new Array<number>(n + 1).fill(0);
  for (let i = 0; i < m; i++) {
    const row = table[i]!.slice();
    let total = 0;
    for (let j = 0; j < n; j++) {
      total += row[j]!;
      columnTotals[j]! += row[j]!;
    }
    row.push(total);
    columnTotals[n]! += total;
    grid.push(row);
  }
  grid.push(columnTotals);
  return grid;
}

/** Splits an extended grid of published cells into the public table shape. */
export function toPublishedTable(grid: TPublishedCell[][]): TPublishedTable {
  const m = grid.length - 1;
  const n = grid[0]!.length - 1;
  return {
    cells: grid.slice(0, m).map((r) => r.slice(0, n)),
    rowTotals: grid.slice(0, m).map((r) => r[n]!),
    columnTotals: grid[m]!.slice(0, n),
    grandTotal: grid[m]![n]!,
  };
}

/** Inverse of {@link toPublishedTable}. */
export function toPublishedGrid(table: TPublishedTable): TPublishedCell[][] {
  const grid = table.cells.map((row, i) => [...row, table.rowTotals[i]!]);
  grid.push([...table.columnTotals, table.grandTotal]);
  return grid;
}

/**
 * The additivity equations of an extended grid with m+1 rows and n+1 columns: for every grid
 * row and column, the entries (coefficient 1) and the margin entry (coefficient -1) summing to 0.
 */
export function tableEquations(rows: number, columns: number): { entries: TEntryPosition[]; coefficients: number[] }[] {
  const equations: { entries: TEntryPosition[]; coefficients: number[] }[] = [];
  for (let i = 0; i <= rows; i++) {
    const entries: TEntryPosition[] = [];
    for (let j = 0; j <= columns; j++) entries.push({ row: i, column: j });
    equations.push({ entries, coefficients: entries.map((e) => (e.column === columns ? -1 : 1)) });
  }
  for (let j = 0; j <= columns; j++) {
    const entries: TEntryPosition[] = [];
    for (let i = 0; i <= rows; i++) entries.push({ row: i, column: j });
    equations.push({ entries, coefficients: entries.map((e) => (e.row === rows ? -1 : 1)) });
  }
  return equations;
}
