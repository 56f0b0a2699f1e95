/** Needs assessments: structured findings per region or sector, each pointing at outcomes of the programme. */
import { AppError } from '../../../../core/errors/app-error.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { findNodeRows, getProgrammeRow } from '../programmes.repo.ts';
import type { TRecordAssessment } from '../programmes.schemas.ts';

/**
 * @throws NOT_FOUND, FORBIDDEN (programme.manage), VALIDATION_FAILED (a finding linked to
 *   something that is not an outcome of this programme)
 */
export async function recordAssessment(ctx: TCtx, orgId: string, programmeId: string, input: TRecordAssessment): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  await getProgrammeRow(ctx.db, orgId, programmeId);
  const outcomes = new Set((await findNodeRows(ctx.db, orgId, programmeId)).filter((n) => n.level === 'outcome').map((n) => n.id));
  const issues = input.findings.flatMap((finding, i) => finding.outcomeIds.flatMap((id, j) => (outcomes.has(id) ? [] : [{ path: `body.findings.${i}.outcomeIds.${j}`, message: 'not an outcome of this programme' }])));
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'A finding points at an unknown outcome.', { reason: 'UNKNOWN_OUTCOME', issues });
  const row = await ctx.db.insertInto('needsAssessments').values({
    orgId, programmeId, scope: input.scope, area: input.area, assessedOn: input.assessedOn, findings: JSON.stringify(input.findings.map((f) => ({ ...f, outcomeIds: [...new Set(f.outcomeIds)] }))),
    createdBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, createdAt: ctx.now(),
  }).returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('needsAssessment.recorded', { orgId, subjectType: 'programme', subjectId: programmeId, metadata: { programmeId, assessmentId: row.id, scope: input.scope, findings: input.findings.length } });
  return row.id;
}
