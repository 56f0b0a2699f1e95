/**
 * The one place where a statistics query becomes SQL: (metric, ≤ 2 dimensions, filters) →
 * `select d0, d1, count(*) … where org_id = $1 … group by …`. Every query is scoped to one
 * organisation's rows; every value from the request travels as a parameter; identifiers come
 * only from the tables below. The compiled text is what the API returns as `sql` and what the
 * snapshot test reviews.
 *
 * A source is a table plus, per dimension, the expression that yields the dimension's category
 * key (and the joins it needs). NRM sources (cases, decisions) are added as more entries of
 * SOURCES when their tables exist; the rest of the engine does not change.
 */
import { sql, type CompiledQuery, type RawBuilder } from 'kysely';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TDimensionId, TMetricSource, TStatsQuery } from '../../../core/metrics/index.ts';
import type { TDb, TTx } from '../../db/database.ts';

type TJoin = 'citizenshipCountry' | 'exploitationCountry';

interface TDimensionSql {
  /** The category key (or NULL for "not recorded"). */
  expression: RawBuilder<unknown>;
  /** How a key from the request becomes a parameter compared with the expression. */
  parameter?: (key: string) => unknown;
  join?: TJoin;
}

interface TSourceSql {
  table: 'externalCtdcRecords';
  dimensions: Record<TDimensionId, TDimensionSql>;
  /** CTDC 0/1 variable (CTDC's name) → column, for metric conditions. */
  flagColumn(field: string): RawBuilder<unknown>;
}

const column = (name: string): RawBuilder<unknown> => sql.ref(`r.${name}`);

const CTDC: TSourceSql = {
  table: 'externalCtdcRecords',
  dimensions: {
    year: { expression: column('yearOfRegistration'), parameter: (key) => Number(key) },
    sex: { expression: column('gender') },
    ageBand: { expression: column('ageBand') },
    majority: { expression: column('majorityStatus') },
    exploitationForm: { expression: column('exploitationForm') },
    labourType: { expression: column('labourType') },
    citizenship: { expression: column('citizenship') },
    countryOfExploitation: { expression: column('countryOfExploitation') },
    // CTDC's region table (ctdc_countries); region keys are its UN region names in lower case.
    citizenshipRegion: { expression: sql`lower(${sql.ref('cc.unRegion')})`, join: 'citizenshipCountry' },
    exploitationRegion: { expression: sql`lower(${sql.ref('ce.unRegion')})`, join: 'exploitationCountry' },
    dataSource: { expression: column('dataSource') },
  },
  // The column is named after the CTDC variable (isSexualExploit → is_sexual_exploit); the
  // catalog only holds names from CTDC_FLAG_FIELDS, checked by a test.
  flagColumn: (field) => column(field),
};

const SOURCES: Record<TMetricSource, TSourceSql> = { ctdc: CTDC };

export interface TStatsSqlOptions {
  /** Restrict to these import runs (CTDC datasets); all of the organisation's when absent. */
  datasetIds?: readonly string[] | undefined;
}

function keyFilter(dimension: TDimensionSql, keys: readonly (string | null)[]): RawBuilder<unknown> {
  const values = keys.filter((k): k is string => k !== null).map((k) => (dimension.parameter ? dimension.parameter(k) : k));
  const parts: RawBuilder<unknown>[] = [];
  if (values.length > 0) parts.push(sql`${dimension.expression} in (${sql.join(values)})`);
  if (keys.includes(null)) parts.push(sql`${dimension.expression} is null`);
  return parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * Builds the query for a resolved statistics query.
 * @returns rows `{ d0?, d1?, value }`: one per non-empty combination of categories
 * @throws AppError VALIDATION_FAILED (MEASURE_NOT_IMPLEMENTED) for a measure the engine does not compute yet
 */
export function buildStatsQuery(db: TDb | TTx, orgId: string, query: TStatsQuery, options: TStatsSqlOptions = {}) {
  const { metric } = query;
  if (metric.measure !== 'count') {
    throw new AppError('VALIDATION_FAILED', `The measure ${metric.measure} is not computed yet.`, { reason: 'MEASURE_NOT_IMPLEMENTED' });
  }
  const source = SOURCES[metric.source];
  const used = [...query.dimensions, ...query.filters.map((f) => f.dimension)];
  if (metric.condition?.kind === 'category') used.push(metric.condition.dimension);
  const joins = new Set(used.map((d) => source.dimensions[d].join).filter((j): j is TJoin => j !== undefined));

  let builder = db.selectFrom(`${source.table} as r`);
  if (joins.has('citizenshipCountry')) builder = builder.leftJoin('ctdcCountries as cc', 'cc.iso2', 'r.citizenship');
  if (joins.has('exploitationCountry')) builder = builder.leftJoin('ctdcCountries as ce', 'ce.iso2', 'r.countryOfExploitation');

  const selections = query.dimensions.map((d, i) => source.dimensions[d].expression.as(`d${i}`));
  let select = builder.select([...(selections as never[]), sql<number>`count(*)::int`.as('value')]).where('r.orgId', '=', orgId);
  if (options.datasetIds && options.datasetIds.length > 0) select = select.where('r.importRunId', 'in', [...options.datasetIds]);
  if (metric.condition?.kind === 'flag') select = select.where(sql<boolean>`${source.flagColumn(metric.condition.field)} = true`);
  if (metric.condition?.kind === 'category') select = select.where(keyFilter(source.dimensions[metric.condition.dimension], metric.condition.keys) as RawBuilder<boolean>);
  for (const filter of query.filters) select = select.where(keyFilter(source.dimensions[filter.dimension], filter.keys) as RawBuilder<boolean>);
  for (const d of query.dimensions) select = select.groupBy(source.dimensions[d].expression as never);
  return select as unknown as { compile(): CompiledQuery<TStatsRow>; execute(): Promise<TStatsRow[]> };
}

export interface TStatsRow {
  d0?: string | number | null;
  d1?: string | number | null;
  value: number;
}
