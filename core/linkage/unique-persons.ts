/**
 * Unique-person counts from linkage results, protected before they are published.
 *
 * Input is what a linkage run returns (each record's cluster id, with the party that holds it)
 * or what a register's confirmed matches give (each record's cluster). Output tables go through
 * small-cell suppression (core/disclosure), margins included: the grand total of each table is
 * the number of unique persons, so it is itself suppressed when it is small.
 */
import { AppError } from '../errors/app-error.ts';
import { suppressTable, type TCountTable, type TPublishedCell, type TSuppressedTable, type TSuppressionOptions } from '../disclosure/index.ts';

/**
 * Suppression, or, for a table that suppression cannot protect (tiny counts: every entry small
 * and pinned by the margins), nothing at all: every entry hidden.
 */
function suppressOrHideAll(table: TCountTable, options: TSuppressionOptions): Pick<TSuppressedTable, 'cells' | 'rowTotals' | 'columnTotals' | 'grandTotal' | 'threshold'> {
  try {
    return suppressTable(table, options);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'DOMAIN_RULE_VIOLATED') throw error;
    const threshold = options.threshold ?? 11;
    const hide = (v: number): TPublishedCell => ({ suppressed: true, reason: v < threshold ? 'primary' : 'secondary' });
    const rowTotals = table.map((row) => row.reduce((x, y) => x + y, 0));
    const columnTotals = table[0]!.map((_, j) => table.reduce((x, row) => x + row[j]!, 0));
    return {
      cells: table.map((row) => row.map(hide)), rowTotals: rowTotals.map(hide), columnTotals: columnTotals.map(hide),
      grandTotal: hide(rowTotals.reduce((x, y) => x + y, 0)), threshold,
    };
  }
}

export interface TClusterMembership {
  /** Party (organisation, agency) holding the record. */
  party: string;
  clusterId: string;
}

/** Bucket labels of "records per person" and "parties per person". */
export const COUNT_BUCKETS = ['1', '2', '3+'] as const;
const bucketOf = (n: number): number => Math.min(n, 3) - 1;

export interface TUniquePersonCounts {
  uniquePersons: number;
  /** Persons by how many records (within one register) or parties (across registers) hold them. */
  byBucket: number[];
  /** Per party: persons seen only by this party, persons also seen by another party. */
  byParty: { party: string; only: number; shared: number }[];
}

/** Counts unique persons (distinct cluster ids) from cluster memberships. */
export function countUniquePersons(memberships: Iterable<TClusterMembership>): TUniquePersonCounts {
  const partiesOf = new Map<string, Map<string, number>>();
  const parties = new Set<string>();
  for (const { party, clusterId } of memberships) {
    parties.add(party);
    let byParty = partiesOf.get(clusterId);
    if (!byParty) partiesOf.set(clusterId, (byParty = new Map()));
    byParty.set(party, (byParty.get(party) ?? 0) + 1);
  }
  const byBucket = [0, 0, 0];
  const partyRows = new Map([...parties].sort().map((p) => [p, { party: p, only: 0, shared: 0 }]));
  const isMultiParty = parties.size > 1;
  for (const held of partiesOf.values()) {
    // across parties a person counts by the parties that hold them; in one register, by records
    const n = isMultiParty ? held.size : [...held.values()][0]!;
    byBucket[bucketOf(n)]!++;
    for (const party of held.keys()) {
      const row = partyRows.get(party)!;
      if (held.size > 1) row.shared++;
      else row.only++;
    }
  }
  return { uniquePersons: partiesOf.size, byBucket, byParty: [...partyRows.values()] };
}

export interface TPublishedUniquePersons {
  threshold: number;
  uniquePersons: TPublishedCell;
  byBucket: { bucket: string; persons: TPublishedCell }[];
  byParty: { party: string; only: TPublishedCell; shared: TPublishedCell }[];
  suppressedCells: number;
}

/**
 * The counts as they may leave the server: each table suppressed on its own (the by-party table
 * has no meaningful grand total — a shared person is in several rows — so only its cells and
 * row totals are shown; their column totals are suppressed alongside).
 */
export function publishUniquePersons(counts: TUniquePersonCounts, options: TSuppressionOptions = {}): TPublishedUniquePersons {
  // two parties cannot both hold a person three times: that column is left out (a zero by
  // definition would otherwise be a "small" entry the margins pin down)
  const width = counts.byParty.length === 2 ? 2 : 3;
  const buckets = suppressOrHideAll([counts.byBucket.slice(0, width)], options);
  const result: TPublishedUniquePersons = {
    threshold: buckets.threshold,
    uniquePersons: buckets.grandTotal,
    byBucket: COUNT_BUCKETS.slice(0, width).map((bucket, k) => ({ bucket, persons: buckets.cells[0]![k]! })),
    byParty: [],
    suppressedCells: buckets.cells[0]!.filter((c) => 'suppressed' in c).length + ('suppressed' in buckets.grandTotal ? 1 : 0),
  };
  if (counts.byParty.length > 1) {
    const parties = suppressOrHideAll(counts.byParty.map((p) => [p.only, p.shared]), options);
    result.byParty = counts.byParty.map((p, i) => ({ party: p.party, only: parties.cells[i]![0]!, shared: parties.cells[i]![1]! }));
    result.suppressedCells += parties.cells.flat().filter((c) => 'suppressed' in c).length;
  }
  return result;
}
