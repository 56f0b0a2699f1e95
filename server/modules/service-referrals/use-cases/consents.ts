import { AppError } from '../../../../core/errors/app-error.ts';
import { assertConsentBasis } from '../../../../core/protection/consent.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { can } from '../../../authz/policy.ts';
import { getCaseRow } from '../../cases/cases.repo.ts';
import type { TRecordConsent } from '../service-referrals.schemas.ts';
import { endReferral } from './respond-referral.ts';

/**
 * Records a person's decision about sharing their case with one organisation, for some purposes
 * and field groups. A child's consent is the guardian's (or a best-interests decision by child
 * protection); an unaccompanied child needs a recorded guardian first.
 * @throws NOT_FOUND, FORBIDDEN (serviceReferral.manage; child.manage for a best-interests basis),
 *   INVALID_TRANSITION (CASE_CLOSED), VALIDATION_FAILED (unknown organisation),
 *   DOMAIN_RULE_VIOLATED (CONSENT_BASIS_NOT_ALLOWED, GUARDIAN_REQUIRED)
 */
export async function recordServiceConsent(ctx: TCtx, orgId: string, caseId: string, input: TRecordConsent): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'serviceReferral.manage');
  const caseRow = await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  if (caseRow.status === 'closed') throw new AppError('INVALID_TRANSITION', 'The case is closed.', { reason: 'CASE_CLOSED' });
  const receiver = await ctx.db.selectFrom('organisations').select('id').where('id', '=', input.receivingOrgId).executeTakeFirst();
  if (!receiver || input.receivingOrgId === orgId) {
    throw new AppError('VALIDATION_FAILED', 'Consent is recorded for another existing organisation.', { issues: [{ path: 'body.receivingOrgId', message: 'Unknown organisation, or this organisation itself' }] });
  }
  if (input.basis === 'best_interests' && !can(ctx.actor, orgId, 'child.manage')) {
    throw new AppError('FORBIDDEN', 'A best-interests decision is recorded by child protection.', { reason: 'MISSING_PERMISSION', permission: 'child.manage' });
  }
  if (input.decision === 'given') {
    assertConsentBasis({ isChild: caseRow.isChild, isUnaccompanied: caseRow.isUnaccompanied, hasGuardian: caseRow.guardian !== null }, input.basis);
  }
  const row = await ctx.db.insertInto('serviceConsents').values({
    orgId, caseId, ...input, recordedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, recordedAt: ctx.now(), withdrawnAt: null, withdrawnBy: null,
  }).returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('serviceConsent.recorded', {
    orgId, subjectType: 'case', subjectId: caseId, caseId,
    metadata: { consentId: row.id, receivingOrgId: input.receivingOrgId, purposes: input.purposes, fieldGroups: input.fieldGroups, decision: input.decision, basis: input.basis },
  });
  return row.id;
}

/**
 * Withdraws a consent. Every live referral that relied on it is revoked at once (its shared copy
 * erased), because what the person no longer agrees to share must stop being shared.
 * @throws NOT_FOUND, FORBIDDEN, INVALID_TRANSITION (CONSENT_ALREADY_WITHDRAWN)
 */
export async function withdrawServiceConsent(ctx: TCtx, orgId: string, caseId: string, consentId: string): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'serviceReferral.manage');
  const consent = await ctx.db.selectFrom('serviceConsents').selectAll().where('orgId', '=', orgId).where('caseId', '=', caseId).where('id', '=', consentId).forUpdate().executeTakeFirst();
  if (!consent) throw new AppError('NOT_FOUND', 'Consent not found.');
  if (consent.withdrawnAt) throw new AppError('INVALID_TRANSITION', 'This consent was already withdrawn.', { reason: 'CONSENT_ALREADY_WITHDRAWN' });
  const now = ctx.now();
  await ctx.db.updateTable('serviceConsents').set({ withdrawnAt: now, withdrawnBy: ctx.actor.type === 'user' ? ctx.actor.userId : null }).where('id', '=', consentId).execute();
  const live = await ctx.db.selectFrom('serviceReferrals').selectAll().where('consentId', '=', consentId).where('status', 'in', ['sent', 'accepted']).forUpdate().execute();
  for (const referral of live) await endReferral(ctx, referral, 'revoke', { revokeReason: 'consent_withdrawn' });
  await ctx.audit.record('serviceConsent.withdrawn', { orgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { consentId, receivingOrgId: consent.receivingOrgId, referralsRevoked: live.length } });
}

/** The case's consent records, newest first. */
export async function findServiceConsents(ctx: TCtx, orgId: string, caseId: string) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'serviceReferral.manage');
  await getCaseRow(ctx.db, orgId, caseId);
  const rows = await ctx.db.selectFrom('serviceConsents').innerJoin('organisations', 'organisations.id', 'serviceConsents.receivingOrgId')
    .selectAll('serviceConsents').select('organisations.name as receivingOrgName')
    .where('serviceConsents.orgId', '=', orgId).where('serviceConsents.caseId', '=', caseId).orderBy('serviceConsents.recordedAt', 'desc').orderBy('serviceConsents.seq', 'desc').execute();
  return rows.map((row) => ({
    id: row.id, receivingOrg: { id: row.receivingOrgId, name: row.receivingOrgName }, purposes: row.purposes, fieldGroups: row.fieldGroups,
    decision: row.decision as 'given' | 'declined', basis: row.basis, language: row.language, interpreterUsed: row.interpreterUsed,
    recordedAt: row.recordedAt.toISOString(), recordedBy: row.recordedBy, withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  }));
}
