/**
 * PERSISTED VALUES. Indicator definitions of two kinds:
 * - `computed`: a metric of the catalog (core/metrics) with filters and up to two dimensions,
 *   recomputed for each period by the statistics engine, so the indicator and the statistics
 *   page can never disagree;
 * - `manual`: a value entered per period with evidence attached, counted only once a different
 *   person holding `programme.approve` has approved it;
 * - `ratio`: one count metric over another times a scale (ratio.ts).
 */
import { AppError, type TErrorIssue } from '../errors/app-error.ts';
import { resolveStatsQuery, type TMetric, type TStatsQuery } from '../metrics/index.ts';
import type { TRatioDefinition } from './ratio.ts';

export const INDICATOR_UNITS = ['persons', 'cases', 'decisions', 'days', 'percent', 'number'] as const;
export type TIndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** Units that count people or their files: disclosure control hides small values of these. */
const COUNT_UNITS: ReadonlySet<TIndicatorUnit> = new Set(['persons', 'cases', 'decisions']);
export const isCountUnit = (unit: TIndicatorUnit): boolean => COUNT_UNITS.has(unit);

/** Disaggregations a manual indicator may declare (computed ones use the metric's dimensions). */
export const MANUAL_DISAGGREGATIONS = ['sex', 'ageBand', 'majority', 'region', 'sector', 'exploitationForm', 'reason'] as const;

export const INDICATOR_KINDS = ['computed', 'manual', 'ratio'] as const;
export type TIndicatorKind = (typeof INDICATOR_KINDS)[number];

export type TIndicatorDefinition =
  | { kind: 'computed'; metric: string; filters: Readonly<Record<string, readonly (string | null)[]>>; dimensions: readonly string[] }
  | { kind: 'manual' }
  | TRatioDefinition;

export const MANUAL_VALUE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type TManualValueStatus = (typeof MANUAL_VALUE_STATUSES)[number];

/**
 * The statistics query of a computed indicator, checked against the catalog, and that the
 * indicator's unit is the metric's.
 * @throws AppError VALIDATION_FAILED (INVALID_STATS_QUERY or UNIT_MISMATCH), every issue listed
 */
export function resolveComputedIndicator(definition: Extract<TIndicatorDefinition, { kind: 'computed' }>, unit: TIndicatorUnit, path = 'body.definition'): TStatsQuery {
  const query = resolveStatsQuery({ metric: definition.metric, dimensions: definition.dimensions, filters: definition.filters }, path);
  if (query.metric.measure === 'rate') {
    // Rates need population denominators per cell; indicators take counts, days and shares.
    const issues: TErrorIssue[] = [{ path: `${path}.metric`, message: `the metric ${query.metric.id} is a rate per 100,000` }];
    throw new AppError('VALIDATION_FAILED', 'A rate cannot be a programme indicator.', { reason: 'UNIT_MISMATCH', issues });
  }
  const expected = indicatorUnitOfMetric(query.metric);
  if (expected !== unit) {
    const issues: TErrorIssue[] = [{ path: 'body.unit', message: `the metric ${query.metric.id} is in ${expected}` }];
    throw new AppError('VALIDATION_FAILED', 'The indicator\'s unit is not the metric\'s.', { reason: 'UNIT_MISMATCH', issues });
  }
  return query;
}

/**
 * Whether a user may approve a manual value: someone other than the person who entered it.
 * Never throws.
 */
export function canApproveValue(value: { status: TManualValueStatus; enteredBy: string | null }, approverId: string): { ok: true } | { ok: false; reason: 'SELF_APPROVAL' | 'VALUE_NOT_PENDING' } {
  if (value.status !== 'pending') return { ok: false, reason: 'VALUE_NOT_PENDING' };
  if (value.enteredBy === approverId) return { ok: false, reason: 'SELF_APPROVAL' };
  return { ok: true };
}

/** The unit an indicator over a metric has: shares are percentages, the rest the metric's unit. */
export function indicatorUnitOfMetric(metric: Pick<TMetric, 'unit' | 'measure'>): TIndicatorUnit {
  // A rate per 100,000 is a plain number: not a count that disclosure control hides when small.
  if (metric.unit === 'per100k') return 'number';
  return metric.measure === 'shareWithinTarget' ? 'percent' : metric.unit;
}
