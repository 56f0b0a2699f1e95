import { DIMENSIONS, NOT_RECORDED_LABELS, OTHER_GROUPED_LABELS, resolveStatsQuery, type TDimensionId, type TLabels } from '../../../core/metrics/index.ts';
import type { TActor } from '../../context.ts';
import type { TDb, TTx } from '../../db/database.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { buildStatsQuery, type TStatsRow } from './stats.query-builder.ts';
import { GROUPED_KEY, groupSmallCategories, tabulate, type TTableCategory } from './stats-table.ts';
import { STATS_SUPPRESSION_THRESHOLD, type TStatsQueryRequest, type TStatsResult } from './stats.schemas.ts';
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

function categoryLabels(dimension: TDimensionId, category: TTableCategory): TLabels {
  if (category.key === null) return NOT_RECORDED_LABELS;
  if (category.key === GROUPED_KEY) return OTHER_GROUPED_LABELS;
  return DIMENSIONS[dimension].labelsOf(category.key);
}

/**
 * Computes a metric broken down by up to two dimensions over the organisation's own data, and
 * protects the table before it leaves: every cell and margin passes small-cell suppression with
 * secondary suppression (threshold 11). Nothing unprotected is returned, not even on error.
 * @throws NOT_FOUND / FORBIDDEN (stats.read), VALIDATION_FAILED (INVALID_STATS_QUERY, every
 *   issue listed), DOMAIN_RULE_VIOLATED (TABLE_CANNOT_BE_PROTECTED, TABLE_TOO_COMPLEX)
 */
export async function runStatsQuery(deps: TStatsDeps, actor: TActor, orgId: string, request: TStatsQueryRequest): Promise<TStatsResult> {
  await authorizeInOrganisation(deps.db, actor, orgId, 'stats.read');
  const query = resolveStatsQuery({ metric: request.metric, dimensions: request.dimensions, filters: request.filters });
  const builder = buildStatsQuery(deps.db, orgId, query, { datasetIds: request.datasets });
  const compiled = builder.compile();
  const rows: TStatsRow[] = (await deps.db.executeQuery(compiled)).rows;

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
      categories: table.categories[axis]!.map((c) => ({ key: c.key, labels: categoryLabels(id, c), ...(c.members ? { members: c.members } : {}) })),
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
