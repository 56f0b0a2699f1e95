/** Needs assessments: structured findings per region or sector, each pointing at outcomes of the programme. */
import { AppError } from '../../../../core/errors/app-error.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { findNodeRows, getActiveProgrammeRow, updateVersioned } from '../programmes.repo.ts';
import type { TRecordAssessment, TUpdateAssessment } from '../programmes.schemas.ts';

type TFindings = TRecordAssessment['findings'];

/** @throws VALIDATION_FAILED (UNKNOWN_OUTCOME) when a finding points at something that is not an outcome of this programme */
async function assertOutcomes(ctx: TCtx, orgId: string, programmeId: string, findings: TFindings): Promise<void> {
  const outcomes = new Set((await findNodeRows(ctx.db, orgId, programmeId)).filter((n) => n.level === 'outcome').map((n) => n.id));
  const issues = findings.flatMap((finding, i) => finding.outcomeIds.flatMap((id, j) => (outcomes.has(id) ? [] : [{ path: `body.findings.${i}.outcomeIds.${j}`, message: 'not an outcome of this programme' }])));
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'A finding points at an unknown outcome.', { reason: 'UNKNOWN_OUTCOME', issues });
}

const storedFindings = (findings: TFindings) => JSON.stringify(findings.map((f) => ({ ...f, outcomeIds: [...new Set(f.outcomeIds)] })));

/**
 * @throws NOT_FOUND, FORBIDDEN (programme.manage), VALIDATION_FAILED (a finding linked to
 *   something that is not an outcome of this programme), INVALID_TRANSITION (PROGRAMME_ARCHIVED)
 */
export async function recordAssessment(ctx: TCtx, orgId: string, programmeId: string, input: TRecordAssessment): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  await getActiveProgrammeRow(ctx.db, orgId, programmeId);
  await assertOutcomes(ctx, orgId, programmeId, input.findings);
  const row = await ctx.db.insertInto('needsAssessments').values({
    orgId, programmeId, scope: input.scope, area: input.area, assessedOn: input.assessedOn, findings: storedFindings(input.findings),
    createdBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, createdAt: ctx.now(),
  }).returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('needsAssessment.recorded', { orgId, subjectType: 'programme', subjectId: programmeId, metadata: { programmeId, assessmentId: row.id, scope: input.scope, findings: input.findings.length } });
  return row.id;
}

const ASSESSMENT_FIELDS = ['scope', 'area', 'assessedOn', 'findings'] as const;

/**
 * Corrects an assessment: its scope, area, date, or its whole list of findings (with their links
 * to outcomes, checked as when recording).
 * @throws NOT_FOUND, FORBIDDEN (programme.manage), INVALID_TRANSITION (PROGRAMME_ARCHIVED),
 *   VALIDATION_FAILED (NOTHING_TO_CHANGE, UNKNOWN_OUTCOME), CONFLICT (VERSION_CONFLICT)
 */
export async function updateAssessment(ctx: TCtx, orgId: string, programmeId: string, assessmentId: string, input: TUpdateAssessment): Promise<number> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  await getActiveProgrammeRow(ctx.db, orgId, programmeId);
  const existing = await ctx.db.selectFrom('needsAssessments').select(['id', 'findings']).where('orgId', '=', orgId).where('programmeId', '=', programmeId).where('id', '=', assessmentId).executeTakeFirst();
  if (!existing) throw new AppError('NOT_FOUND', 'Needs assessment not found.');
  const fields = ASSESSMENT_FIELDS.filter((f) => input[f] !== undefined);
  if (fields.length === 0) throw new AppError('VALIDATION_FAILED', 'Nothing to change.', { reason: 'NOTHING_TO_CHANGE', issues: [{ path: 'body', message: 'give at least one field to change' }] });
  if (input.findings) await assertOutcomes(ctx, orgId, programmeId, input.findings);
  const version = await updateVersioned(ctx.db, 'needsAssessments', orgId, assessmentId, input.expectedVersion, {
    ...(input.scope !== undefined ? { scope: input.scope } : {}),
    ...(input.area !== undefined ? { area: input.area } : {}),
    ...(input.assessedOn !== undefined ? { assessedOn: input.assessedOn } : {}),
    ...(input.findings !== undefined ? { findings: storedFindings(input.findings) } : {}),
    updatedAt: ctx.now(),
  });
  const findings = input.findings?.length ?? (existing.findings as unknown[]).length;
  await ctx.audit.record('needsAssessment.updated', { orgId, subjectType: 'programme', subjectId: programmeId, metadata: { programmeId, assessmentId, fields: [...fields], findings, version } });
  return version;
}
