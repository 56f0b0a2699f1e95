/**
 * A programme's progress for one period: for each indicator the target, the actual and its
 * traffic light. Computed actuals come from the statistics engine (computeProtectedStats), so
 * they are protected exactly as the statistics page protects them; manual counts below the
 * threshold are hidden the same way. A hidden number is never shown, nor coloured.
 */
import { AppError } from '../../../core/errors/app-error.ts';
import { INDICATOR_STATUSES, indicatorStatus, isCountUnit, periodRange, requirePeriod, resolveComputedIndicator, type TIndicatorDefinition, type TIndicatorStatus, type TIndicatorUnit } from '../../../core/programmes/index.ts';
import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { computeProtectedStats, statsPeriodOf } from '../stats/stats.service.ts';
import { STATS_SUPPRESSION_THRESHOLD, type TStatsResult } from '../stats/stats.schemas.ts';
import type { TTableProtector } from '../stats/table-protector.ts';
import { findIndicatorRows, findNodeRows, findTargetRows, findValueRows, getProgrammeRow } from './programmes.repo.ts';
import { presentProgramme } from './programmes.service.ts';
import type { TProgressReport, TReportIndicator } from './programmes.schemas.ts';

type TCell = TStatsResult['total'];
type TIndicatorRow = Awaited<ReturnType<typeof findIndicatorRows>>[number];

/** A manual count below the threshold is hidden like any small cell (zeros included). */
export function protectManualValue(unit: TIndicatorUnit, value: number): TCell {
  if (isCountUnit(unit) && value < STATS_SUPPRESSION_THRESHOLD) return { suppressed: true, reason: 'primary' };
  return { value };
}

/**
 * The computed actual of an indicator for a period: the statistics engine's protected result for
 * the indicator's metric, dimensions and filters, restricted to the period.
 * @returns null when the metric's data cannot be cut to this period (CTDC records by quarter)
 */
export async function computeIndicatorResult(ctx: TCtx, protector: TTableProtector, orgId: string, indicator: Pick<TIndicatorRow, 'definition' | 'unit'>, period: string): Promise<TStatsResult | null> {
  const definition = indicator.definition as TIndicatorDefinition;
  if (definition.kind !== 'computed') return null;
  const query = resolveComputedIndicator(definition, indicator.unit as TIndicatorUnit);
  try {
    return await computeProtectedStats({ db: ctx.db, protector }, orgId, query, { period: statsPeriodOf(period, 'period') });
  } catch (error) {
    if (error instanceof AppError && error.details.reason === 'PERIOD_NOT_SUPPORTED') return null;
    throw error;
  }
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
    let actual: TCell | null = null;
    let result: TStatsResult | null = null;
    if (indicator.kind === 'computed') {
      result = await computeIndicatorResult(ctx, protector, orgId, indicator, periodKey);
      actual = result?.total ?? null;
    } else {
      const value = approved.find((v) => v.indicatorId === indicator.id);
      actual = value ? protectManualValue(unit, Number(value.value)) : null;
    }
    const baseline = indicator.baseline === null ? null : Number(indicator.baseline);
    const targetValue = target ? Number(target.value) : null;
    const status = indicatorStatus({
      direction: indicator.direction as 'increase' | 'decrease', baseline, target: targetValue,
      actual: actual === null ? null : 'suppressed' in actual ? 'suppressed' : actual.value,
    });
    rows.push({
      id: indicator.id, nodeId: indicator.nodeId, code: indicator.code, name: indicator.name, kind: indicator.kind as 'computed' | 'manual', unit,
      direction: indicator.direction as 'increase' | 'decrease', baseline, target: targetValue, actual, status,
      metric: result ? { id: result.metric.id, labels: result.metric.labels } : null,
      breakdown: breakdownOf(result),
    });
  }
  const summary = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<TIndicatorStatus, number>;
  return {
    programme: presentProgramme(programme),
    period: periodKey,
    range: periodRange(period),
    generatedAt: ctx.now().toISOString(),
    nodes: nodes.map((n) => ({ id: n.id, parentId: n.parentId, level: n.level as 'goal' | 'outcome' | 'output', code: n.code, title: n.title })),
    indicators: rows,
    summary,
    disclosure: { method: 'suppression', threshold: STATS_SUPPRESSION_THRESHOLD },
  };
}
