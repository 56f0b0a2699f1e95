import { getIndicatorList } from '../../../../core/screening/indicators/index.ts';
import { evaluateScreening } from '../../../../core/screening/evaluate.ts';
import type { TScreeningInput, TScreeningResult } from '../../../../core/screening/schemas.ts';
import { AppError } from '../../../../core/errors/app-error.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { getCaseRow } from '../cases.repo.ts';

/**
 * Records a screening against the ILO/EC indicators. The result is a recommendation with the
 * rule and list versions it was computed under, so it can be reproduced later.
 * @throws NOT_FOUND, FORBIDDEN (screening.record), INVALID_TRANSITION on a closed case
 */
export async function recordScreening(ctx: TCtx, orgId: string, caseId: string, input: TScreeningInput): Promise<{ id: string; result: TScreeningResult }> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'screening.record');
  const row = await getCaseRow(ctx.db, orgId, caseId);
  if (row.status === 'closed') throw new AppError('INVALID_TRANSITION', 'A closed case takes no new screening.', { reason: 'CASE_CLOSED' });
  const list = getIndicatorList(input.listId);
  const result = evaluateScreening(list, input.observations, input.actRecorded === undefined ? {} : { actRecorded: input.actRecorded });
  const inserted = await ctx.db.insertInto('screenings').values({
    orgId, caseId, listId: list.id, listVersion: list.version, rulesVersion: result.rulesVersion,
    observations: JSON.stringify(input.observations), result: JSON.stringify(result), outcome: result.outcome,
    recordedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, recordedAt: ctx.now(),
  }).returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('screening.recorded', { orgId, subjectType: 'screening', subjectId: inserted.id, caseId, metadata: { screeningId: inserted.id, listId: list.id, outcome: result.outcome } });
  return { id: inserted.id, result };
}
