/**
 * A statistics query checked against the catalog: the metric exists, the dimensions are allowed
 * for it (at most two, no repeats), every filter is on an allowed dimension with possible keys.
 * Every problem is reported, with its path, before any SQL is built.
 */
import { AppError, type TErrorIssue } from '../errors/app-error.ts';
import { DIMENSIONS, type TDimensionId } from './dimensions.ts';
import { findMetric, MAX_QUERY_DIMENSIONS, type TMetric } from './metrics.ts';

/** The request as the API receives it (shape already checked by zod). */
export interface TStatsQueryInput {
  metric: string;
  dimensions: readonly string[];
  /** Dimension id → category keys to keep; `null` keeps "not recorded". */
  filters: Readonly<Record<string, readonly (string | null)[]>>;
}

export interface TStatsFilter {
  dimension: TDimensionId;
  keys: readonly (string | null)[];
}

export interface TStatsQuery {
  metric: TMetric;
  dimensions: readonly TDimensionId[];
  filters: readonly TStatsFilter[];
}

const isDimensionId = (id: string): id is TDimensionId => Object.hasOwn(DIMENSIONS, id);

/**
 * @param path prefix of issue paths (`body` for an HTTP request)
 * @throws AppError VALIDATION_FAILED (reason `INVALID_STATS_QUERY`) listing every issue
 */
export function resolveStatsQuery(input: TStatsQueryInput, path = 'body'): TStatsQuery {
  const issues: TErrorIssue[] = [];
  const metric = findMetric(input.metric);
  if (!metric) issues.push({ path: `${path}.metric`, message: `unknown metric "${input.metric}"` });

  const dimensions: TDimensionId[] = [];
  if (input.dimensions.length > MAX_QUERY_DIMENSIONS) {
    issues.push({ path: `${path}.dimensions`, message: `at most ${MAX_QUERY_DIMENSIONS} dimensions` });
  }
  input.dimensions.forEach((id, i) => {
    const at = `${path}.dimensions.${i}`;
    if (!isDimensionId(id)) issues.push({ path: at, message: `unknown dimension "${id}"` });
    else if (dimensions.includes(id)) issues.push({ path: at, message: `dimension "${id}" is repeated` });
    else if (metric && !metric.dimensions.includes(id)) issues.push({ path: at, message: `metric ${metric.id} cannot be broken down by ${id}` });
    else dimensions.push(id);
  });

  const filters: TStatsFilter[] = [];
  for (const [id, keys] of Object.entries(input.filters)) {
    const at = `${path}.filters.${id}`;
    if (!isDimensionId(id)) {
      issues.push({ path: at, message: `unknown dimension "${id}"` });
      continue;
    }
    if (metric && !metric.filters.includes(id)) {
      issues.push({ path: at, message: `metric ${metric.id} cannot be filtered by ${id}` });
      continue;
    }
    if (keys.length === 0) issues.push({ path: at, message: 'list at least one category (null = not recorded)' });
    const dimension = DIMENSIONS[id];
    keys.forEach((key, k) => {
      if (key !== null && !dimension.isValidKey(key)) issues.push({ path: `${at}.${k}`, message: `"${key}" is not a category of ${id}` });
    });
    filters.push({ dimension: id, keys: [...new Set(keys)] });
  }

  if (issues.length > 0 || !metric) {
    throw new AppError('VALIDATION_FAILED', 'The statistics query is invalid.', { reason: 'INVALID_STATS_QUERY', issues });
  }
  return { metric, dimensions, filters };
}
