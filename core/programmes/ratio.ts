/**
 * PERSISTED VALUES. Ratio indicators: one count metric over another, times a scale, e.g.
 * convictions for trafficking per 100 persons identified. Both terms are computed by the
 * statistics engine for the same period and protected there first; the ratio is worked out from
 * the published totals only, so it can never reveal a count that disclosure control hid.
 */
import { AppError, type TErrorIssue } from '../errors/app-error.ts';
import { resolveStatsQuery, type TStatsQuery } from '../metrics/index.ts';
import type { TIndicatorUnit } from './indicators.ts';

export interface TRatioTerm {
  metric: string;
  filters: Readonly<Record<string, readonly (string | null)[]>>;
}

export interface TRatioDefinition {
  kind: 'ratio';
  numerator: TRatioTerm;
  denominator: TRatioTerm;
  /** Per how many of the denominator (100 = per hundred). */
  scale: number;
}

/** Largest scale a ratio may use (per million). */
export const MAX_RATIO_SCALE = 1_000_000;
/** Ratios are published with this many decimals. */
export const RATIO_DECIMALS = 1;

export const RATIO_GAPS = ['numeratorSuppressed', 'denominatorSuppressed', 'denominatorZero'] as const;
export type TRatioGap = (typeof RATIO_GAPS)[number];

/** A protected cell of the statistics engine, as ratio terms arrive. */
export type TProtectedCell = { value: number } | { suppressed: true; reason: 'primary' | 'secondary' };
export type TRatioCell = { value: number } | { value: null; reason: TRatioGap };

/**
 * The statistics queries of a ratio's two terms, checked: known count metrics (a median, share
 * or rate over another number means nothing), filters the metric allows, a positive scale, a
 * unit of `number` (or `percent` per 100).
 * @throws AppError VALIDATION_FAILED (INVALID_STATS_QUERY for a term's query, INVALID_RATIO for
 *   the rest), every issue with its path
 */
export function resolveRatioIndicator(definition: TRatioDefinition, unit: TIndicatorUnit, path = 'body.definition'): { numerator: TStatsQuery; denominator: TStatsQuery } {
  const issues: TErrorIssue[] = [];
  const terms: Partial<Record<'numerator' | 'denominator', TStatsQuery>> = {};
  for (const term of ['numerator', 'denominator'] as const) {
    try {
      const query = resolveStatsQuery({ metric: definition[term].metric, dimensions: [], filters: definition[term].filters }, `${path}.${term}`);
      if (query.metric.measure !== 'count') issues.push({ path: `${path}.${term}.metric`, message: `the metric ${query.metric.id} is not a count (${query.metric.measure})` });
      terms[term] = query;
    } catch (error) {
      if (!(error instanceof AppError) || !error.details.issues) throw error;
      issues.push(...error.details.issues);
    }
  }
  if (!(Number.isFinite(definition.scale) && definition.scale > 0 && definition.scale <= MAX_RATIO_SCALE)) issues.push({ path: `${path}.scale`, message: `a number above 0 and at most ${MAX_RATIO_SCALE}` });
  if (unit !== 'number' && !(unit === 'percent' && definition.scale === 100)) issues.push({ path: 'body.unit', message: 'a ratio is a number (or a percentage, per 100)' });
  if (issues.length > 0 || !terms.numerator || !terms.denominator) {
    throw new AppError('VALIDATION_FAILED', 'The ratio indicator is invalid.', { reason: 'INVALID_RATIO', issues });
  }
  return { numerator: terms.numerator, denominator: terms.denominator };
}

/**
 * The ratio of two protected totals: no value when either was hidden (the ratio with a hidden
 * term would give that term away) or when there is nothing to divide by. Never throws.
 */
export function ratioOf(numerator: TProtectedCell, denominator: TProtectedCell, scale: number): TRatioCell {
  if ('suppressed' in numerator) return { value: null, reason: 'numeratorSuppressed' };
  if ('suppressed' in denominator) return { value: null, reason: 'denominatorSuppressed' };
  if (denominator.value === 0) return { value: null, reason: 'denominatorZero' };
  const factor = 10 ** RATIO_DECIMALS;
  return { value: Math.round((factor * numerator.value * scale) / denominator.value) / factor };
}
