import { childStatus } from '../../../../core/nrm/child-pathway.ts';
import { AppError } from '../../../../core/errors/app-error.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { findMember } from '../../members/members.repo.ts';
import { getCaseRow, updateCaseVersioned } from '../cases.repo.ts';
import { getCaseProfile } from '../jurisdiction.ts';

async function loadOpenCase(ctx: TCtx, orgId: string, caseId: string) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'child.manage');
  const row = await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  if (row.status === 'closed') throw new AppError('INVALID_TRANSITION', 'The case is closed.', { reason: 'CASE_CLOSED' });
  return row;
}

/** @throws DOMAIN_RULE_VIOLATED (LEAD_NOT_CHILD_PROTECTION) unless the user holds the child_protection role here */
export async function assignChildProtectionLead(ctx: TCtx, orgId: string, caseId: string, userId: string): Promise<void> {
  const row = await loadOpenCase(ctx, orgId, caseId);
  const member = await findMember(ctx.db, orgId, userId);
  if (!member || member.role !== 'child_protection') {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'The lead of a child case must hold the child-protection role in this organisation.', { reason: 'LEAD_NOT_CHILD_PROTECTION' });
  }
  await updateCaseVersioned(ctx.db, orgId, caseId, row.version, { childProtectionLeadId: userId, childProtectionLeadAssignedAt: ctx.now() }, ctx.now());
  await ctx.audit.record('case.childLeadAssigned', { orgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { userId } });
}

/**
 * Records an age assessment. Until one exists a person of uncertain age is treated as a child;
 * afterwards the assessment decides.
 */
export async function recordAgeAssessment(ctx: TCtx, orgId: string, caseId: string, outcome: 'child' | 'adult'): Promise<void> {
  const row = await loadOpenCase(ctx, orgId, caseId);
  const person = await ctx.db.selectFrom('persons').select(['ageStatus', 'ageYears']).where('orgId', '=', orgId).where('id', '=', row.personId).executeTakeFirstOrThrow();
  const profile = await getCaseProfile(ctx.db, row);
  const assessment = { outcome, assessedAt: ctx.now().toISOString() };
  const child = childStatus(profile, { ageStatus: person.ageStatus as never, ageYears: person.ageYears, ageAssessment: assessment });
  await updateCaseVersioned(ctx.db, orgId, caseId, row.version, { ageAssessment: JSON.stringify(assessment), isChild: child.isChild, childBasis: child.basis }, ctx.now());
  await ctx.audit.record('case.ageAssessed', { orgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { outcome, isChild: child.isChild } });
}

export async function recordGuardian(ctx: TCtx, orgId: string, caseId: string, input: { kind: string; guardianRef: string }): Promise<void> {
  const row = await loadOpenCase(ctx, orgId, caseId);
  const guardian = { kind: input.kind, guardianRef: input.guardianRef, appointedAt: ctx.now().toISOString() };
  await updateCaseVersioned(ctx.db, orgId, caseId, row.version, { guardian: JSON.stringify(guardian) }, ctx.now());
  await ctx.audit.record('case.guardianRecorded', { orgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { kind: input.kind } });
}

/** Records the best-interests determination that must precede any return decision. */
export async function recordBestInterestsDetermination(ctx: TCtx, orgId: string, caseId: string, input: { outcome: string; riskAndSecurityAssessmentDone: boolean }): Promise<void> {
  const row = await loadOpenCase(ctx, orgId, caseId);
  const now = ctx.now().toISOString();
  const determination = { outcome: input.outcome, completedAt: now, riskAndSecurityAssessment: input.riskAndSecurityAssessmentDone ? { completedAt: now } : null };
  await updateCaseVersioned(ctx.db, orgId, caseId, row.version, { bestInterestsDetermination: JSON.stringify(determination) }, ctx.now());
  await ctx.audit.record('case.bestInterestsDetermined', { orgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { outcome: input.outcome, riskAndSecurityAssessmentDone: input.riskAndSecurityAssessmentDone } });
}
