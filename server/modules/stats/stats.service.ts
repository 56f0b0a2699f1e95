import { AppError } from '../../../core/errors/app-error.ts';
import { DIMENSIONS, NOT_RECORDED_LABELS, OTHER_GROUPED_LABELS, resolveStatsQuery, sameInEveryLanguage, type TDimensionId, type TLabels, type TStatsQuery } from '../../../core/metrics/index.ts';
import { findPopulationDenominators } from '../populations/populations.repo.ts';
import { denominatorId, denominatorKeysOf, toRates } from './stats-rates.ts';
import type { TActor } from '../../context.ts';
import type { TDb, TTx } from '../../db/database.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { buildStatsQuery, type TStatsPeriod, type TStatsRow, type TStatsSqlOptions } from './stats.query-builder.ts';
import { periodRange, requirePeriod } from '../../../core/programmes/periods.ts';
import { GROUPED_KEY, groupSmallCategories, tabulate, type TTableCategory } from './stats-table.ts';
import { STATS_SUPPRESSION_THRESHOLD, type TStatsQueryRequest, type TStatsQueryResult, type TStatsResult } from './stats.schemas.ts';
import type { TTableProtector } from './table-protector.ts';

/**
 * Small cells (below the threshold) a table may have before its smallest groupable categories
 * are merged; keeps the exact suppression audit around a second on this hardware.
 */
export const MAX_SMALL_CELLS = 80;

export interface TStatsDeps {
  /** Read-only queries; no transaction is needed (nothing is written). */
  db: TDb | TTx;
  protector: TTableProtector;
}

/** Organisation id → name, for the organisation dimension (names are not identifying). */
type TOrganisationNames = ReadonlyMap<string, string>;

function categoryLabels(dimension: TDimensionId, category: TTableCategory, organisations: TOrganisationNames): TLabels {
  if (category.key === null) return NOT_RECORDED_LABELS;
  if (category.key === GROUPED_KEY) return OTHER_GROUPED_LABELS;
  if (dimension === 'organisation') return sameInEveryLanguage(organisations.get(category.key) ?? category.key);
  return DIMENSIONS[dimension].labelsOf(category.key);
}

async function organisationNames(db: TDb | TTx, query: TStatsQuery, rows: readonly TStatsRow[]): Promise<TOrganisationNames> {
  const axis = query.dimensions.indexOf('organisation');
  if (axis < 0) return new Map();
  const ids = [...new Set(rows.map((r) => (axis === 0 ? r.d0 : r.d1)).filter((k): k is string => typeof k === 'string'))];
  if (ids.length === 0) return new Map();
  const found = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(found.map((o) => [o.id, o.name]));
}

/** A period key (2026, 2026-Q2, 2026-05) → the engine's date range. @throws VALIDATION_FAILED (INVALID_PERIOD) */
export function statsPeriodOf(key: string, path = 'body.period'): TStatsPeriod {
  const period = requirePeriod(key, path);
  return { ...periodRange(period), wholeYear: period.kind === 'year' ? period.year : null };
}

/**
 * Computes a metric broken down by up to two dimensions over the organisation's own data, and
 * protects the table before it leaves: every cell and margin passes small-cell suppression with
 * secondary suppression (threshold 11). Nothing unprotected is returned, not even on error.
 * @throws NOT_FOUND / FORBIDDEN (stats.read), VALIDATION_FAILED (INVALID_STATS_QUERY, every
 *   issue listed; INVALID_PERIOD), DOMAIN_RULE_VIOLATED (TABLE_CANNOT_BE_PROTECTED, TABLE_TOO_COMPLEX)
 */
export async function runStatsQuery(deps: TStatsDeps, actor: TActor, orgId: string, request: TStatsQueryRequest): Promise<TStatsQueryResult> {
  await authorizeInOrganisation(deps.db, actor, orgId, 'stats.read');
  const scope = request.scope ?? 'organisation';
  // The whole deployment's aggregates: a national coordinator's view, asked from one of their organisations.
  if (scope === 'national') await authorizeInOrganisation(deps.db, actor, orgId, 'stats.readNational');
  const query = resolveStatsQuery({ metric: request.metric, dimensions: request.dimensions, filters: request.filters });
  const period = request.period === undefined ? undefined : statsPeriodOf(request.period);
  const options: TStatsSqlOptions = { datasetIds: request.datasets, period, national: scope === 'national' };
  const counts = await computeTable(deps, orgId, query, options);
  const metric = { ...counts.metric, measure: query.metric.measure };
  if (query.metric.measure !== 'rate') return { ...counts, metric, scope };
  return { ...counts, ...(await ratesOf(deps.db, query, counts, period?.wholeYear ?? null)), metric, scope };
}

/**
 * Rates per 100,000 from the protected counts (stats-rates.ts): suppressed counts stay
 * suppressed, cells without a population get `{ value: null, reason }`.
 */
async function ratesOf(db: TDb | TTx, query: TStatsQuery, counts: TStatsResult, wholeYear: number | null) {
  const keys = denominatorKeysOf(query, counts, wholeYear);
  const populations = keys.length === 0 ? [] : await findPopulationDenominators(db, {
    countryCodes: [...new Set(keys.map((k) => k.countryCode))], years: [...new Set(keys.map((k) => k.year))],
  });
  return toRates(query, counts, wholeYear, new Map(populations.map((p) => [denominatorId(p), p.population])));
}

/**
 * The engine itself, for callers that have already authorized (statistics page, programme
 * indicators): the SQL query (plus an ungrouped one for the margin of a median or share), then
 * disclosure control. Every caller gets the same numbers for the same (metric, dimensions,
 * filters, period).
 */
export async function computeProtectedStats(deps: TStatsDeps, orgId: string, query: TStatsQuery, options: TStatsSqlOptions = {}): Promise<TStatsResult> {
  // A rate's cells are not counts: only the statistics API (runStatsQuery) turns counts into rates.
  if (query.metric.measure === 'rate') throw new AppError('VALIDATION_FAILED', 'A rate is computed by the statistics query only.', { reason: 'MEASURE_NOT_IMPLEMENTED' });
  return computeTable(deps, orgId, query, options);
}

/** The protected table of a query (counts for a rate metric). */
async function computeTable(deps: TStatsDeps, orgId: string, query: TStatsQuery, options: TStatsSqlOptions): Promise<TStatsResult> {
  // This path applies the measure rule (measureCell), so it may ask for medians and shares.
  const sqlOptions: TStatsSqlOptions = { ...options, allowMeasures: true };
  const builder = buildStatsQuery(deps.db, orgId, query, sqlOptions);
  const compiled = builder.compile();
  const rows: TStatsRow[] = (await deps.db.executeQuery(compiled)).rows;
  if (query.metric.measure !== 'count' && query.metric.measure !== 'rate') {
    const totalRows: TStatsRow[] = query.dimensions.length === 0 ? rows : (await buildStatsQuery(deps.db, orgId, { ...query, dimensions: [] }, sqlOptions).execute());
    return presentMeasure(query, compiled, rows, totalRows[0], await organisationNames(deps.db, query, rows));
  }
  const organisations = await organisationNames(deps.db, query, rows);

  const table = groupSmallCategories(tabulate(query.dimensions, rows), STATS_SUPPRESSION_THRESHOLD, MAX_SMALL_CELLS);
  const isEmpty = table.counts.length === 0 || table.counts[0]!.length === 0;
  // An empty table (no category observed) publishes only its total, suppressed like any zero.
  const protectedTable = isEmpty
    ? { cells: [], rowTotals: [], columnTotals: [], grandTotal: { suppressed: true as const, reason: 'primary' as const }, threshold: STATS_SUPPRESSION_THRESHOLD, zeros: 'sensitive' as const, primaryCount: 1, secondaryCount: 0 }
    : await deps.protector.suppress(table.counts, { threshold: STATS_SUPPRESSION_THRESHOLD, zeros: 'sensitive' });

  return {
    metric: { id: query.metric.id, unit: query.metric.unit, labels: query.metric.labels },
    dimensions: query.dimensions.map((id, axis) => ({
      id,
      labels: DIMENSIONS[id].labels,
      categories: table.categories[axis]!.map((c) => ({ key: c.key, labels: categoryLabels(id, c, organisations), ...(c.members ? { members: c.members } : {}) })),
    })),
    cells: protectedTable.cells,
    rowTotals: protectedTable.rowTotals,
    columnTotals: protectedTable.columnTotals,
    total: protectedTable.grandTotal,
    disclosure: {
      method: 'suppression',
      threshold: protectedTable.threshold,
      zeros: protectedTable.zeros,
      primaryCount: protectedTable.primaryCount,
      secondaryCount: protectedTable.secondaryCount,
      groupedCategoryCount: table.categories.flat().reduce((n, c) => n + (c.members?.length ?? 0), 0),
    },
    sql: { text: compiled.sql, parameters: [...compiled.parameters] },
  };
}

type TCell = TStatsResult['total'];

/**
 * A median, percentile or share is published only when enough records stand behind it: the
 * record count for medians; for shares both those within the target and those outside it (a
 * share of 100 % of 12 would say that each of the 12 was supported in time). Margins of such
 * measures are not sums, so no complementary suppression is needed; counts are never shown.
 */
export function measureCell(measure: TStatsQuery['metric']['measure'], row: TStatsRow | undefined): TCell {
  const hidden: TCell = { suppressed: true, reason: 'primary' };
  const n = row?.n ?? 0;
  if (!row || n < STATS_SUPPRESSION_THRESHOLD) return hidden;
  if (measure === 'shareWithinTarget') {
    const k = row.k ?? 0;
    if (k < STATS_SUPPRESSION_THRESHOLD || n - k < STATS_SUPPRESSION_THRESHOLD) return hidden;
    return { value: Math.round((1000 * k) / n) / 10 };
  }
  return { value: Number(row.value) };
}

function presentMeasure(query: TStatsQuery, compiled: { sql: string; parameters: readonly unknown[] }, rows: TStatsRow[], totalRow: TStatsRow | undefined, organisations: TOrganisationNames): TStatsResult {
  const { metric } = query;
  const table = tabulate(query.dimensions, rows.map((r) => ({ ...r, value: 1 })));
  const rowsByKey = new Map(rows.map((r) => [r.d0 === null || r.d0 === undefined ? null : String(r.d0), r]));
  const categories = table.categories[0] ?? [];
  const cells = query.dimensions.length === 0 ? [[measureCell(metric.measure, totalRow)]] : categories.map((c) => [measureCell(metric.measure, rowsByKey.get(c.key))]);
  const total = measureCell(metric.measure, totalRow);
  const flat = [...cells.flat(), total];
  return {
    metric: { id: metric.id, unit: metric.unit, labels: metric.labels },
    dimensions: query.dimensions.map((id) => ({ id, labels: DIMENSIONS[id].labels, categories: categories.map((c) => ({ key: c.key, labels: categoryLabels(id, c, organisations) })) })),
    cells,
    rowTotals: cells.map((row) => row[0]!),
    columnTotals: [total],
    total,
    disclosure: {
      method: 'suppression', threshold: STATS_SUPPRESSION_THRESHOLD, zeros: 'sensitive',
      primaryCount: flat.filter((c) => 'suppressed' in c).length, secondaryCount: 0, groupedCategoryCount: 0,
    },
    sql: { text: compiled.sql, parameters: [...compiled.parameters] },
  };
}
