/**
 * Statistics-engine tables for a release, protected by the release's method. Counts come from the
 * engine's one query builder (server/modules/stats) and its tabulation; this file only chooses
 * the disclosure control: suppression (in the engine's worker), controlled rounding, or exact
 * discrete noise (core/disclosure).
 */
import { AppError, type TErrorIssue } from '../../../core/errors/app-error.ts';
import { CTDC_COUNTRIES } from '../../../core/ctdc/index.ts';
import {
  laplaceScaleForEpsilon,
  postProcessNoisyTable,
  rational,
  roundTable,
  sampleDiscreteGaussian,
  sampleDiscreteLaplaceTS,
  type TRandomSource,
  type TRational,
} from '../../../core/disclosure/index.ts';
import { DIMENSIONS, NOT_RECORDED_LABELS, OTHER_GROUPED_LABELS, resolveStatsQuery, type TDimensionId, type TLabels, type TStatsQuery } from '../../../core/metrics/index.ts';
import type { TDb, TTx } from '../../db/database.ts';
import { buildStatsQuery, type TStatsRow } from '../stats/stats.query-builder.ts';
import { MAX_SMALL_CELLS } from '../stats/stats.service.ts';
import { GROUPED_KEY, groupSmallCategories, tabulate, type TCountTableWithCategories, type TTableCategory } from '../stats/stats-table.ts';
import type { TTableProtector } from '../stats/table-protector.ts';
import type { TReleaseCell, TReleaseTable, TReleaseTableRequest, TReleaseValues, TTableDisclosure } from './releases.schemas.ts';

function categoryLabels(dimension: TDimensionId, category: TTableCategory): TLabels {
  if (category.key === null) return NOT_RECORDED_LABELS;
  if (category.key === GROUPED_KEY) return OTHER_GROUPED_LABELS;
  return DIMENSIONS[dimension].labelsOf(category.key);
}

/** Checks every table against the catalog, reporting all issues with their paths. */
export function resolveReleaseTables(tables: readonly TReleaseTableRequest[]): TStatsQuery[] {
  const issues: TErrorIssue[] = [];
  const queries: TStatsQuery[] = [];
  tables.forEach((table, i) => {
    try {
      queries.push(resolveStatsQuery(table, `body.tables.${i}`));
    } catch (error) {
      if (error instanceof AppError && Array.isArray(error.details.issues)) issues.push(...(error.details.issues as TErrorIssue[]));
      else throw error;
    }
  });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'A table of the release is invalid.', { reason: 'INVALID_STATS_QUERY', issues });
  return queries;
}

async function countRows(db: TDb | TTx, orgId: string, query: TStatsQuery, datasetIds: readonly string[]): Promise<TStatsRow[]> {
  return (await db.executeQuery(buildStatsQuery(db, orgId, query, { datasetIds }).compile())).rows;
}

function describeLayout(query: TStatsQuery, categories: TTableCategory[][]): Omit<TReleaseTable, 'values' | 'notes'> {
  return {
    metric: { id: query.metric.id, unit: query.metric.unit, labels: query.metric.labels },
    dimensions: query.dimensions.map((id, axis) => ({
      id,
      labels: DIMENSIONS[id].labels,
      categories: categories[axis]!.map((c) => ({ key: c.key, labels: categoryLabels(id, c), ...(c.members ? { members: c.members } : {}) })),
    })),
    filters: Object.fromEntries(query.filters.map((f) => [f.dimension, [...f.keys]])),
  };
}

const plain = (values: { cells: number[][]; rowTotals: number[]; columnTotals: number[]; grandTotal: number }): TReleaseValues => ({
  cells: values.cells.map((row) => row.map((value) => ({ value }))),
  rowTotals: values.rowTotals.map((value) => ({ value })),
  columnTotals: values.columnTotals.map((value) => ({ value })),
  total: { value: values.grandTotal },
});

const isEmptyTable = (table: TCountTableWithCategories) => table.counts.length === 0 || table.counts[0]!.length === 0;

/**
 * One table protected by suppression or rounding; the values are final (a draft previews them).
 * @throws DOMAIN_RULE_VIOLATED (TABLE_CANNOT_BE_PROTECTED, TABLE_TOO_COMPLEX) from the protector
 */
export async function computeProtectedTable(
  db: TDb | TTx, orgId: string, query: TStatsQuery, datasetIds: readonly string[],
  disclosure: Exclude<TTableDisclosure, { method: 'differentialPrivacy' }>, protector: TTableProtector,
): Promise<TReleaseTable> {
  const rows = await countRows(db, orgId, query, datasetIds);
  if (disclosure.method === 'suppression') {
    const table = groupSmallCategories(tabulate(query.dimensions, rows), disclosure.threshold, MAX_SMALL_CELLS);
    const layout = describeLayout(query, table.categories);
    if (isEmptyTable(table)) {
      // No category observed: only the (zero) total exists, and a zero is suppressed like any small count.
      const hidden: TReleaseCell = { suppressed: true, reason: 'primary' };
      return { ...layout, values: { cells: [], rowTotals: [], columnTotals: [], total: hidden }, notes: { threshold: disclosure.threshold, primaryCount: 1, secondaryCount: 0 } };
    }
    const protectedTable = await protector.suppress(table.counts, { threshold: disclosure.threshold, zeros: 'sensitive' });
    return {
      ...layout,
      values: { cells: protectedTable.cells, rowTotals: protectedTable.rowTotals, columnTotals: protectedTable.columnTotals, total: protectedTable.grandTotal },
      notes: { threshold: disclosure.threshold, primaryCount: protectedTable.primaryCount, secondaryCount: protectedTable.secondaryCount },
    };
  }
  const table = tabulate(query.dimensions, rows);
  const layout = describeLayout(query, table.categories);
  if (isEmptyTable(table)) return { ...layout, values: { cells: [], rowTotals: [], columnTotals: [], total: { value: 0 } }, notes: { base: disclosure.base } };
  const rounded = roundTable(table.counts, { base: disclosure.base, method: 'controlled' });
  return { ...layout, values: plain(rounded), notes: { base: disclosure.base } };
}

/**
 * The categories of a differentially private table are fixed in advance, never read from the
 * data: listing only the countries present would itself reveal that someone from a rare country
 * is in the dataset. Fixed dimensions list their catalog; countries every CTDC country; years
 * must be listed by a filter. "Not recorded" is always a category (unless a filter leaves it out).
 */
function dpCategories(query: TStatsQuery, path: string, issues: TErrorIssue[]): TTableCategory[][] {
  return query.dimensions.map((dimension) => {
    const filter = query.filters.find((f) => f.dimension === dimension);
    let keys: (string | null)[];
    if (filter) keys = [...filter.keys].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
    else if (DIMENSIONS[dimension].kind === 'fixed') keys = [...DIMENSIONS[dimension].categories.map((c) => c.key), null];
    else if (dimension === 'citizenship' || dimension === 'countryOfExploitation') keys = [...CTDC_COUNTRIES.map((c) => c.iso2), null];
    else {
      issues.push({ path: `${path}.filters.${dimension}`, message: `differential privacy needs the ${dimension} categories listed in advance: filter on them` });
      keys = [];
    }
    return keys.map((key) => ({ key }));
  });
}

/** The layout of every DP table (categories fixed in advance), checked before anything is stored. */
export function layoutDpTables(queries: readonly TStatsQuery[]): TReleaseTable[] {
  const issues: TErrorIssue[] = [];
  const tables = queries.map((query, i) => ({ ...describeLayout(query, dpCategories(query, `body.tables.${i}`, issues)), values: null, notes: {} }));
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'A differentially private table needs fixed categories.', { reason: 'DP_NEEDS_FIXED_CATEGORIES', issues });
  return tables;
}

/** Noise for one table, and the privacy parameters it used. */
export interface TDpNoise {
  mechanism: 'discreteLaplace' | 'discreteGaussian';
  sample(random: TRandomSource): number;
  notes: Record<string, string>;
}

/**
 * True counts over the fixed layout, noise on every inner cell, then consistent post-processing:
 * negative counts become 0 and every margin is the sum of its published cells (non-negative,
 * integral, additive). Margins carry no noise of their own, so they cost no budget.
 */
export async function computeDpTable(db: TDb | TTx, orgId: string, query: TStatsQuery, layout: TReleaseTable, datasetIds: readonly string[], noise: TDpNoise, random: TRandomSource): Promise<TReleaseTable> {
  const rows = await countRows(db, orgId, query, datasetIds);
  const axes = [0, 1].map((axis) => layout.dimensions[axis]?.categories.map((c) => c.key) ?? [null]);
  const index = axes.map((keys) => new Map(keys.map((k, i) => [k, i])));
  const counts = axes[0]!.map(() => axes[1]!.map(() => 0));
  const keyOf = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
  for (const row of rows) {
    const i = query.dimensions.length > 0 ? index[0]!.get(keyOf(row.d0)) : 0;
    const j = query.dimensions.length > 1 ? index[1]!.get(keyOf(row.d1)) : 0;
    // Every key is inside the layout: filters restrict the query to the listed categories.
    if (i === undefined || j === undefined) throw new Error(`a count fell outside the fixed layout of ${query.metric.id}`);
    counts[i]![j]! += row.value;
  }
  const noisy = counts.map((r) => r.map((v) => v + noise.sample(random)));
  return { ...layout, values: plain(postProcessNoisyTable(noisy)), notes: { mechanism: noise.mechanism, ...noise.notes } };
}

/**
 * Splits a release's privacy parameters over its tables (sequential composition: each person is
 * counted once per table, so T tables each at ε/T spend ε in all).
 * - Laplace: ε/T per table, scale T/ε (rounded towards more noise, see laplaceScaleForEpsilon).
 * - Gaussian: (ε, δ) → ρ-zCDP with ε = ρ + 2√(ρ·ln(1/δ)) (Bun & Steinke 2016), ρ/T per table,
 *   σ² = T/(2ρ) rounded up to a multiple of 2^-10 (more noise, never less). Sampling itself is exact.
 * @returns the noise per table and the (ε, δ) actually spent, as exact strings
 */
export function planDpNoise(mechanism: 'discreteLaplace' | 'discreteGaussian', epsilon: TRational, delta: TRational | null, tableCount: number): { noise: TDpNoise; epsilonSpent: TRational; deltaSpent: TRational } {
  if (mechanism === 'discreteLaplace') {
    const { t, s, epsilonUsed } = laplaceScaleForEpsilon(rational(epsilon.num, epsilon.den * BigInt(tableCount)));
    return {
      noise: { mechanism, sample: (random) => sampleDiscreteLaplaceTS(random, t, s), notes: { scale: `${t}/${s}`, epsilonPerTable: `${epsilonUsed.num}/${epsilonUsed.den}` } },
      epsilonSpent: rational(epsilonUsed.num * BigInt(tableCount), epsilonUsed.den),
      deltaSpent: rational(0n),
    };
  }
  if (!delta) throw new AppError('VALIDATION_FAILED', 'The discrete Gaussian needs δ.', { issues: [{ path: 'body.disclosure.delta', message: 'required for the discrete Gaussian' }] });
  const eps = Number(epsilon.num) / Number(epsilon.den);
  const logInverseDelta = Math.log(Number(delta.den) / Number(delta.num));
  const rho = (Math.sqrt(logInverseDelta + eps) - Math.sqrt(logInverseDelta)) ** 2;
  const sigmaSquared = tableCount / (2 * rho);
  // A safety margin over floating-point error, then rounding up: more noise than needed, never less.
  const units = BigInt(Math.ceil(sigmaSquared * (1 + 1e-9) * 1024));
  const sigma2 = rational(units, 1024n);
  return {
    noise: { mechanism, sample: (random) => sampleDiscreteGaussian(random, sigma2), notes: { sigmaSquared: `${sigma2.num}/${sigma2.den}`, rhoPerTable: (rho / tableCount).toPrecision(6) } },
    epsilonSpent: epsilon,
    deltaSpent: delta,
  };
}
