import { assertCaseTransition, type TCaseStatus } from '../../../../core/nrm/case-status.ts';
import { assertChildCase } from '../../../../core/nrm/child-pathway.ts';
import { assertReferralConsent, type TInformedConsent } from '../../../../core/nrm/consent.ts';
import { computeRgDue } from '../../../../core/nrm/deadlines.ts';
import { assertMayRefer } from '../../../../core/nrm/referral-eligibility.ts';
import type { TOrganisationKind } from '../../../../core/organisations/kinds.ts';
import { AppError } from '../../../../core/errors/app-error.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { findOrganisationById } from '../../organisations/organisations.repo.ts';
import { getCaseRow, updateCaseVersioned } from '../cases.repo.ts';
import { childFactsOf } from '../case-rules.ts';
import { getCaseProfile } from '../jurisdiction.ts';

export interface TConsentInput {
  decision: 'given' | 'declined';
  topicsExplained: TInformedConsent['topicsExplained'];
  language: string;
  interpreterUsed: boolean;
}

/**
 * Records what was explained to the person, when and by whom, and whether they agreed to be
 * referred. A later record replaces an earlier one (people change their minds).
 * @throws NOT_FOUND, FORBIDDEN (case.refer), INVALID_TRANSITION once the case is past referral
 */
export async function recordConsent(ctx: TCtx, orgId: string, caseId: string, input: TConsentInput): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.refer');
  const row = await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  if (row.status !== 'draft') throw new AppError('INVALID_TRANSITION', 'Consent to referral is recorded before the referral.', { reason: 'ALREADY_REFERRED', from: row.status });
  const consent: TInformedConsent = {
    ...input,
    explainedAt: ctx.now().toISOString(),
    explainedBy: { userId: ctx.actor.type === 'user' ? ctx.actor.userId : 'system', orgId },
  };
  await updateCaseVersioned(ctx.db, orgId, caseId, row.version, { consent: JSON.stringify(consent) }, ctx.now());
  await ctx.audit.record('consent.recorded', { orgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { decision: input.decision, topicsExplained: input.topicsExplained } });
}

/**
 * Submits the referral into the NRM. Adults need recorded informed consent; children need none
 * but must have a child-protection lead. Starts the reasonable-grounds clock where the
 * jurisdiction sets a target.
 * @throws DOMAIN_RULE_VIOLATED (CONSENT_REQUIRED, CONSENT_DECLINED, CONSENT_NOT_INFORMED,
 *   CHILD_PROTECTION_LEAD_REQUIRED, ORGANISATION_KIND_MAY_NOT_REFER), INVALID_TRANSITION, CONFLICT
 */
export async function referCase(ctx: TCtx, orgId: string, caseId: string, expectedVersion: number): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.refer');
  const row = await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  const from = row.status as TCaseStatus;
  const to = assertCaseTransition(from, 'submit_referral');
  const profile = await getCaseProfile(ctx.db, row);
  const organisation = await findOrganisationById(ctx.db, orgId);
  // Designation of first responders is not modelled yet: every organisation of an allowed kind counts as designated.
  assertMayRefer(profile, { kind: organisation!.kind as TOrganisationKind, isDesignatedFirstResponder: true });
  if (row.isChild) assertChildCase(childFactsOf(row));
  assertReferralConsent(profile, { isChild: row.isChild, consent: (row.consent as TInformedConsent | null) ?? null });
  const now = ctx.now();
  await updateCaseVersioned(ctx.db, orgId, caseId, expectedVersion, { status: to, referredAt: now }, now);
  const due = computeRgDue(profile, now.toISOString());
  if (due) await ctx.db.insertInto('deadlines').values({ orgId, caseId, kind: 'rg_decision', dueAt: due.dueAt, status: 'open', createdAt: now }).execute();
  await ctx.audit.record('case.referred', { orgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { from, to, isChild: row.isChild } });
}
