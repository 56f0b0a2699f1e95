/** Indicators of a programme: definition (computed or manual), targets per period. */
import { AppError, type TErrorIssue } from '../../../../core/errors/app-error.ts';
import { resolveComputedIndicator, targetIssues, type TPeriodKind } from '../../../../core/programmes/index.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { getIndicatorRow, getProgrammeRow, nextPosition } from '../programmes.repo.ts';
import type { TCreateIndicator } from '../programmes.schemas.ts';

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
  const taken = await ctx.db.selectFrom('programmeIndicators').select('id').where('programmeId', '=', programmeId).where('code', '=', input.code).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', `The code ${input.code} is already used in this programme.`, { reason: 'CODE_TAKEN', issues: [{ path: 'body.code', message: 'already used' }] });
  const now = ctx.now();
  const row = await ctx.db.insertInto('programmeIndicators').values({
    orgId, programmeId, nodeId: input.nodeId, code: input.code, name: input.name, kind: input.definition.kind, definition: JSON.stringify(input.definition),
    unit: input.unit, direction: input.direction, frequency: input.frequency, disaggregations, baseline: input.baseline, baselinePeriod: input.baselinePeriod,
    dataSource, position: await nextPosition(ctx.db, 'programmeIndicators', programmeId), createdAt: now, updatedAt: now,
  }).returning('id').executeTakeFirstOrThrow();
  await replaceTargets(ctx, orgId, row.id, input.targets);
  if (options.audit) {
    await ctx.audit.record('indicator.created', {
      orgId, subjectType: 'indicator', subjectId: row.id,
      metadata: { programmeId, indicatorId: row.id, kind: input.definition.kind, metric: input.definition.kind === 'computed' ? input.definition.metric : null, unit: input.unit },
    });
  }
  return row.id;
}

/** @throws NOT_FOUND, FORBIDDEN (programme.manage), VALIDATION_FAILED, CONFLICT (CODE_TAKEN) */
export async function createIndicator(ctx: TCtx, orgId: string, programmeId: string, input: TCreateIndicator): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  await getProgrammeRow(ctx.db, orgId, programmeId);
  return insertIndicator(ctx, orgId, programmeId, input);
}

/**
 * Replaces an indicator's targets (one per period of its frequency).
 * @throws NOT_FOUND, FORBIDDEN (programme.manage), VALIDATION_FAILED (INVALID_TARGETS)
 */
export async function setTargets(ctx: TCtx, orgId: string, programmeId: string, indicatorId: string, targets: readonly { period: string; value: number }[]): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  const indicator = await getIndicatorRow(ctx.db, orgId, programmeId, indicatorId);
  const issues = targetIssues(indicator.frequency as TPeriodKind, targets, 'body.targets');
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'The targets are invalid.', { reason: 'INVALID_TARGETS', issues });
  await replaceTargets(ctx, orgId, indicatorId, targets);
  await ctx.db.updateTable('programmeIndicators').set({ updatedAt: ctx.now() }).where('id', '=', indicatorId).execute();
  await ctx.audit.record('indicator.targetsSet', { orgId, subjectType: 'indicator', subjectId: indicatorId, metadata: { programmeId, indicatorId, periods: targets.map((t) => t.period) } });
}
