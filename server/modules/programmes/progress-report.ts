/**
 * A programme's progress for one period: for each indicator the target, the actual and its
 * traffic light. Computed actuals come from the statistics engine (computeProtectedStats), so
 * they are protected exactly as the statistics page protects them; a ratio is worked out from
 * its two protected totals (no value when either is hidden); manual values and baselines pass
 * the same rule (core/programmes/disclosure.ts). Targets are planning figures, published and
 * labelled as such. A hidden number is never shown, nor coloured.
 */
import { AppError } from '../../../core/errors/app-error.ts';
import {
  INDICATOR_STATUSES, indicatorStatus, periodRange, protectReportedValue, ratioOf, requirePeriod, resolveComputedIndicator, resolveRatioIndicator, type TIndicatorDefinition,
  type TIndicatorKind, type TIndicatorStatus, type TIndicatorUnit, type TRatioCell, type TRatioDefinition,
} from '../../../core/programmes/index.ts';
import type { TStatsQuery } from '../../../core/metrics/index.ts';
import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { computeProtectedStats, statsPeriodOf } from '../stats/stats.service.ts';
import { STATS_SUPPRESSION_THRESHOLD, type TStatsResult } from '../stats/stats.schemas.ts';
import type { TTableProtector } from '../stats/table-protector.ts';
import { findIndicatorRows, findNodeRows, findTargetRows, findValueRows, getProgrammeRow } from './programmes.repo.ts';
import { presentNode, presentProgramme } from './programmes.service.ts';
import type { TProgressReport, TReportIndicator } from './programmes.schemas.ts';

type TCell = TStatsResult['total'];
type TIndicatorRow = Awaited<ReturnType<typeof findIndicatorRows>>[number];

/** A manual count below the threshold is hidden like any small cell (zeros included); a percentage or days value when too few stand behind it. */
export function protectManualValue(unit: TIndicatorUnit, value: number, basis: number | null = null): TCell {
  return protectReportedValue(unit, value, basis, STATS_SUPPRESSION_THRESHOLD);
}

/**
 * The computed actual of an indicator for a period: the statistics engine's protected result for
 * the indicator's metric, dimensions and filters, restricted to the period.
 * @returns null when the metric's data cannot be cut to this period (CTDC records by quarter)
 */
export async function computeIndicatorResult(ctx: TCtx, protector: TTableProtector, orgId: string, indicator: Pick<TIndicatorRow, 'definition' | 'unit'>, period: string): Promise<TStatsResult | null> {
  const definition = indicator.definition as TIndicatorDefinition;
  if (definition.kind !== 'computed') return null;
  return computeForPeriod(ctx, protector, orgId, resolveComputedIndicator(definition, indicator.unit as TIndicatorUnit), period);
}

/** @returns null when the metric's data cannot be cut to this period (CTDC records by quarter) */
async function computeForPeriod(ctx: TCtx, protector: TTableProtector, orgId: string, query: TStatsQuery, period: string): Promise<TStatsResult | null> {
  try {
    return await computeProtectedStats({ db: ctx.db, protector }, orgId, query, { period: statsPeriodOf(period, 'period') });
  } catch (error) {
    if (error instanceof AppError && error.details.reason === 'PERIOD_NOT_SUPPORTED') return null;
    throw error;
  }
}

/**
 * A ratio indicator for a period: both terms through the statistics engine (protected totals),
 * then their ratio. Null when either term cannot be cut to the period.
 */
export async function computeRatio(ctx: TCtx, protector: TTableProtector, orgId: string, indicator: Pick<TIndicatorRow, 'definition' | 'unit'>, period: string): Promise<{ actual: TRatioCell; ratio: NonNullable<TReportIndicator['ratio']> } | null> {
  const definition = indicator.definition as TRatioDefinition;
  const queries = resolveRatioIndicator(definition, indicator.unit as TIndicatorUnit);
  const numerator = await computeForPeriod(ctx, protector, orgId, queries.numerator, period);
  const denominator = await computeForPeriod(ctx, protector, orgId, queries.denominator, period);
  if (!numerator || !denominator) return null;
  const term = (result: TStatsResult) => ({ metric: { id: result.metric.id, labels: result.metric.labels }, value: result.total });
  return { actual: ratioOf(numerator.total, denominator.total, definition.scale), ratio: { scale: definition.scale, numerator: term(numerator), denominator: term(denominator) } };
}

function breakdownOf(result: TStatsResult | null): TReportIndicator['breakdown'] {
  const dimension = result?.dimensions[0];
  if (!result || !dimension) return null;
  return {
    dimension: { id: dimension.id, labels: dimension.labels },
    categories: dimension.categories.map((c, i) => ({ key: c.key, labels: c.labels, value: result.rowTotals[i]! })),
  };
}

/**
 * @throws NOT_FOUND, FORBIDDEN (programme.read), VALIDATION_FAILED (INVALID_PERIOD),
 *   DOMAIN_RULE_VIOLATED (a table the engine cannot protect)
 */
export async function buildProgressReport(ctx: TCtx, protector: TTableProtector, orgId: string, programmeId: string, periodKey: string): Promise<TProgressReport> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.read');
  const period = requirePeriod(periodKey, 'params.period');
  const programme = await getProgrammeRow(ctx.db, orgId, programmeId);
  const nodes = await findNodeRows(ctx.db, orgId, programmeId);
  const indicators = await findIndicatorRows(ctx.db, orgId, programmeId);
  const ids = indicators.map((i) => i.id);
  const targets = await findTargetRows(ctx.db, orgId, ids);
  const approved = (await findValueRows(ctx.db, orgId, ids)).filter((v) => v.status === 'approved' && v.period === periodKey);

  const rows: TReportIndicator[] = [];
  for (const indicator of indicators) {
    const unit = indicator.unit as TIndicatorUnit;
    const target = targets.find((t) => t.indicatorId === indicator.id && t.period === periodKey);
    let actual: TReportIndicator['actual'] = null;
    let result: TStatsResult | null = null;
    let ratio: TReportIndicator['ratio'] = null;
    if (indicator.kind === 'computed') {
      result = await computeIndicatorResult(ctx, protector, orgId, indicator, periodKey);
      actual = result?.total ?? null;
    } else if (indicator.kind === 'ratio') {
      const computed = await computeRatio(ctx, protector, orgId, indicator, periodKey);
      actual = computed?.actual ?? null;
      ratio = computed?.ratio ?? null;
    } else {
      const value = approved.find((v) => v.indicatorId === indicator.id);
      actual = value ? protectManualValue(unit, Number(value.value), value.basis) : null;
    }
    // A baseline is an observation: a small count is hidden like any other. The light still
    // uses it (a colour says no more than "on track", not the count).
    const baseline = indicator.baseline === null ? null : Number(indicator.baseline);
    const publishedBaseline = baseline === null ? null : protectManualValue(unit, baseline);
    const targetValue = target ? Number(target.value) : null;
    const status = indicatorStatus({ direction: indicator.direction as 'increase' | 'decrease', baseline, target: targetValue, actual: statusInputOf(actual) });
    rows.push({
      id: indicator.id, nodeId: indicator.nodeId, code: indicator.code, name: indicator.name, kind: indicator.kind as TIndicatorKind, unit, definitionText: indicator.definitionText,
      direction: indicator.direction as 'increase' | 'decrease',
      baseline: publishedBaseline !== null && 'value' in publishedBaseline ? publishedBaseline.value : null,
      baselineSuppressed: publishedBaseline !== null && 'suppressed' in publishedBaseline,
      target: targetValue, targetIsPlanningFigure: true, actual, status,
      metric: result ? { id: result.metric.id, labels: result.metric.labels } : null,
      ratio,
      breakdown: breakdownOf(result),
    });
  }
  const summary = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<TIndicatorStatus, number>;
  return {
    programme: presentProgramme(programme),
    period: periodKey,
    range: periodRange(period),
    generatedAt: ctx.now().toISOString(),
    nodes: nodes.map(presentNode),
    indicators: rows,
    summary,
    disclosure: { method: 'suppression', threshold: STATS_SUPPRESSION_THRESHOLD, baselines: 'countsBelowThresholdHidden', targets: 'planningFigures' },
  };
}

/**
 * What the traffic light sees: a hidden value, or a ratio whose term is hidden, has no colour
 * (it would tell on which side of the target the hidden number lies); a ratio with nothing to
 * divide by has no data.
 */
function statusInputOf(actual: TReportIndicator['actual']): number | 'suppressed' | null {
  if (actual === null) return null;
  if ('suppressed' in actual) return 'suppressed';
  if (actual.value !== null) return actual.value;
  return actual.reason === 'denominatorZero' ? null : 'suppressed';
}
