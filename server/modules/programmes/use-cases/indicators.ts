/** Indicators of a programme: definition (computed or manual), targets per period. */
import { AppError, type TErrorIssue } from '../../../../core/errors/app-error.ts';
import { isPeriodOfKind, resolveComputedIndicator, resolveRatioIndicator, targetIssues, type TPeriodKind } from '../../../../core/programmes/index.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { getActiveProgrammeRow, getIndicatorRow, nextPosition, updateVersioned } from '../programmes.repo.ts';
import type { TCreateIndicator, TUpdateIndicator } from '../programmes.schemas.ts';

/** Evidence names and bytes are sealed bound to their row (associated data). */
export const evidenceNameContext = (orgId: string, id: string) => `palermo/indicator-evidence-name/${orgId}/${id}`;
export const evidenceContentContext = (orgId: string, id: string) => `palermo/indicator-evidence-content/${orgId}/${id}`;

async function replaceTargets(ctx: TCtx, orgId: string, indicatorId: string, targets: readonly { period: string; value: number }[]): Promise<void> {
  await ctx.db.deleteFrom('indicatorTargets').where('orgId', '=', orgId).where('indicatorId', '=', indicatorId).execute();
  if (targets.length > 0) await ctx.db.insertInto('indicatorTargets').values(targets.map((t) => ({ orgId, indicatorId, period: t.period, value: t.value }))).execute();
}

/**
 * Stores an indicator after checking it: a computed one against the metric catalog (and its
 * unit against the metric's), the targets against its frequency, the node in this programme.
 * @throws VALIDATION_FAILED (INVALID_STATS_QUERY, UNIT_MISMATCH, INVALID_TARGETS), CONFLICT (CODE_TAKEN)
 */
export async function insertIndicator(ctx: TCtx, orgId: string, programmeId: string, input: TCreateIndicator, options: { audit: boolean } = { audit: true }): Promise<string> {
  const node = await ctx.db.selectFrom('programmeNodes').select('id').where('orgId', '=', orgId).where('programmeId', '=', programmeId).where('id', '=', input.nodeId).executeTakeFirst();
  const issues: TErrorIssue[] = [];
  if (!node) issues.push({ path: 'body.nodeId', message: 'not an element of this programme' });
  issues.push(...targetIssues(input.frequency as TPeriodKind, input.targets, 'body.targets'));
  if (input.definition.kind === 'manual' && input.baselinePeriod !== null && input.baseline === null) issues.push({ path: 'body.baseline', message: 'a baseline period needs a baseline' });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'The indicator is invalid.', { reason: 'INVALID_INDICATOR', issues });
  let disaggregations: string[] = [...input.disaggregations];
  let dataSource = input.dataSource ?? 'Manual entry with evidence, approved';
  if (input.definition.kind === 'computed') {
    const query = resolveComputedIndicator(input.definition, input.unit);
    disaggregations = [...query.dimensions];
    dataSource = input.dataSource ?? `Palermo statistics: ${query.metric.labels.en}`;
  }
  if (input.definition.kind === 'ratio') {
    const { numerator, denominator } = resolveRatioIndicator(input.definition, input.unit);
    disaggregations = [];
    dataSource = input.dataSource ?? `Palermo statistics: ${numerator.metric.labels.en} per ${input.definition.scale} ${denominator.metric.labels.en}`;
  }
  const taken = await ctx.db.selectFrom('programmeIndicators').select('id').where('programmeId', '=', programmeId).where('code', '=', input.code).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', `The code ${input.code} is already used in this programme.`, { reason: 'CODE_TAKEN', issues: [{ path: 'body.code', message: 'already used' }] });
  const now = ctx.now();
  const row = await ctx.db.insertInto('programmeIndicators').values({
    orgId, programmeId, nodeId: input.nodeId, code: input.code, name: input.name, kind: input.definition.kind, definition: JSON.stringify(input.definition),
    unit: input.unit, direction: input.direction, frequency: input.frequency, disaggregations, baseline: input.baseline, baselinePeriod: input.baselinePeriod,
    dataSource, definitionText: input.definitionText, position: await nextPosition(ctx.db, 'programmeIndicators', programmeId), createdAt: now, updatedAt: now,
  }).returning('id').executeTakeFirstOrThrow();
  await replaceTargets(ctx, orgId, row.id, input.targets);
  if (options.audit) {
    await ctx.audit.record('indicator.created', {
      orgId, subjectType: 'indicator', subjectId: row.id,
      metadata: {
        programmeId, indicatorId: row.id, kind: input.definition.kind, unit: input.unit,
        metric: input.definition.kind === 'computed' ? input.definition.metric : input.definition.kind === 'ratio' ? input.definition.numerator.metric : null,
        ...(input.definition.kind === 'ratio' ? { denominatorMetric: input.definition.denominator.metric } : {}),
      },
    });
  }
  return row.id;
}

/** @throws NOT_FOUND, FORBIDDEN (programme.manage), VALIDATION_FAILED, CONFLICT (CODE_TAKEN), INVALID_TRANSITION (PROGRAMME_ARCHIVED) */
export async function createIndicator(ctx: TCtx, orgId: string, programmeId: string, input: TCreateIndicator): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  await getActiveProgrammeRow(ctx.db, orgId, programmeId);
  return insertIndicator(ctx, orgId, programmeId, input);
}

/**
 * Replaces an indicator's targets (one per period of its frequency).
 * @throws NOT_FOUND, FORBIDDEN (programme.manage), VALIDATION_FAILED (INVALID_TARGETS), INVALID_TRANSITION (PROGRAMME_ARCHIVED)
 */
export async function setTargets(ctx: TCtx, orgId: string, programmeId: string, indicatorId: string, targets: readonly { period: string; value: number }[]): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  await getActiveProgrammeRow(ctx.db, orgId, programmeId);
  const indicator = await getIndicatorRow(ctx.db, orgId, programmeId, indicatorId);
  const issues = targetIssues(indicator.frequency as TPeriodKind, targets, 'body.targets');
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'The targets are invalid.', { reason: 'INVALID_TARGETS', issues });
  await replaceTargets(ctx, orgId, indicatorId, targets);
  await ctx.db.updateTable('programmeIndicators').set({ updatedAt: ctx.now() }).where('id', '=', indicatorId).execute();
  await ctx.audit.record('indicator.targetsSet', { orgId, subjectType: 'indicator', subjectId: indicatorId, metadata: { programmeId, indicatorId, periods: targets.map((t) => t.period) } });
}

const INDICATOR_FIELDS = ['name', 'definitionText', 'baseline', 'baselinePeriod', 'dataSource', 'direction', 'frequency'] as const;
export type TIndicatorField = (typeof INDICATOR_FIELDS)[number];

/**
 * Edits what an indicator says about itself: name, written definition, baseline, data source,
 * direction, and its frequency while nothing is reported at it yet. The metric definition and
 * the unit stay: changing them would silently change the meaning of every past report.
 * @throws NOT_FOUND, FORBIDDEN (programme.manage), INVALID_TRANSITION (PROGRAMME_ARCHIVED),
 *   VALIDATION_FAILED (NOTHING_TO_CHANGE, INVALID_INDICATOR), DOMAIN_RULE_VIOLATED (FREQUENCY_IN_USE),
 *   CONFLICT (VERSION_CONFLICT)
 */
export async function updateIndicator(ctx: TCtx, orgId: string, programmeId: string, indicatorId: string, input: TUpdateIndicator): Promise<number> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  await getActiveProgrammeRow(ctx.db, orgId, programmeId);
  const indicator = await getIndicatorRow(ctx.db, orgId, programmeId, indicatorId);
  const fields = INDICATOR_FIELDS.filter((f) => input[f] !== undefined);
  if (fields.length === 0) throw new AppError('VALIDATION_FAILED', 'Nothing to change.', { reason: 'NOTHING_TO_CHANGE', issues: [{ path: 'body', message: 'give at least one field to change' }] });
  const frequency = (input.frequency ?? indicator.frequency) as TPeriodKind;
  if (input.frequency !== undefined && input.frequency !== indicator.frequency) {
    // Targets and values are keyed by periods of the old frequency: they would no longer fit.
    const target = await ctx.db.selectFrom('indicatorTargets').select('period').where('indicatorId', '=', indicatorId).executeTakeFirst();
    const value = await ctx.db.selectFrom('indicatorValues').select('id').where('indicatorId', '=', indicatorId).executeTakeFirst();
    if (target || value) throw new AppError('DOMAIN_RULE_VIOLATED', 'The frequency changes only while the indicator has no targets and no values.', { reason: 'FREQUENCY_IN_USE' });
  }
  const baseline = input.baseline === undefined ? (indicator.baseline === null ? null : Number(indicator.baseline)) : input.baseline;
  const baselinePeriod = input.baselinePeriod === undefined ? indicator.baselinePeriod : input.baselinePeriod;
  const issues: TErrorIssue[] = [];
  if (baselinePeriod !== null && !isPeriodOfKind(baselinePeriod, frequency)) issues.push({ path: 'body.baselinePeriod', message: `not a ${frequency} period` });
  if (baselinePeriod !== null && baseline === null) issues.push({ path: 'body.baseline', message: 'a baseline period needs a baseline' });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'The indicator is invalid.', { reason: 'INVALID_INDICATOR', issues });
  const changes = Object.fromEntries(fields.map((f) => [f, input[f]]));
  const version = await updateVersioned(ctx.db, 'programmeIndicators', orgId, indicatorId, input.expectedVersion, { ...changes, updatedAt: ctx.now() });
  await ctx.audit.record('indicator.updated', { orgId, subjectType: 'indicator', subjectId: indicatorId, metadata: { programmeId, indicatorId, fields: [...fields], version } });
  return version;
}
