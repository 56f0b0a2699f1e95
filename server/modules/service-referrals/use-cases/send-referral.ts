import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../core/errors/app-error.ts';
import { assertConsentBasis, coveringConsent, type TConsentBasis, type TConsentRecord } from '../../../../core/protection/consent.ts';
import { assertEligible } from '../../../../core/protection/eligibility.ts';
import type { TFieldGroup } from '../../../../core/protection/field-groups.ts';
import type { TServiceKind } from '../../../../core/protection/service-taxonomy.ts';
import { assertRequirementsMet } from '../../../../core/nrm/requirements.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { getCaseRow } from '../../cases/cases.repo.ts';
import { openIdentity } from '../../cases/person-identity.ts';
import { findServiceRows } from '../../services/services.repo.ts';
import { auditBothSides } from '../referral-access.ts';
import { noticeReferralReceived } from '../referral-notices.ts';
import type { TSendReferral } from '../service-referrals.schemas.ts';
import { buildSharedFields, sealReferralNote, sealSharedFields } from '../shared-fields.ts';

/**
 * Refers a case to a service of another organisation, sharing only the chosen field groups.
 * Needs a recorded consent for that organisation and purpose covering those groups — unless
 * `emergency` carries a written justification, which needs serviceReferral.override and leaves
 * its own audit event. Works for any case that is not closed, whatever its NRM status and
 * whatever the person's participation in criminal proceedings (assistance is unconditional).
 * @throws NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (unknown service or location),
 *   INVALID_TRANSITION (CASE_CLOSED), DOMAIN_RULE_VIOLATED (CONSENT_REQUIRED, CONSENT_DECLINED,
 *   CONSENT_DOES_NOT_COVER_FIELDS, RECEIVER_IS_CASE_OWNER, SERVICE_NOT_ACTIVE, PURPOSE_NOT_OFFERED,
 *   SEX_NOT_ELIGIBLE, BELOW_MINIMUM_AGE, ABOVE_MAXIMUM_AGE, NATIONALITY_NOT_ELIGIBLE)
 */
export async function sendServiceReferral(ctx: TCtx, orgId: string, caseId: string, input: TSendReferral, emergency: { justification: string } | null = null): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, emergency ? 'serviceReferral.override' : 'serviceReferral.manage');
  const caseRow = await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  if (caseRow.status === 'closed') throw new AppError('INVALID_TRANSITION', 'The case is closed.', { reason: 'CASE_CLOSED' });
  const [service] = await findServiceRows(ctx.db, { ids: [input.serviceId] });
  if (!service) throw new AppError('VALIDATION_FAILED', 'Unknown service.', { issues: [{ path: 'body.serviceId', message: 'No such service in the directory' }] });
  if (input.serviceAtLocationId) {
    const link = await ctx.db.selectFrom('directoryServiceLocations').select('id').where('id', '=', input.serviceAtLocationId).where('serviceId', '=', service.id).executeTakeFirst();
    if (!link) throw new AppError('VALIDATION_FAILED', 'Unknown location of the service.', { issues: [{ path: 'body.serviceAtLocationId', message: 'Not a location of this service' }] });
  }
  if (service.orgId === orgId) throw new AppError('DOMAIN_RULE_VIOLATED', 'Services of your own organisation are recorded as deliveries on the case, not referred.', { reason: 'RECEIVER_IS_CASE_OWNER' });
  if (service.status !== 'active') throw new AppError('DOMAIN_RULE_VIOLATED', 'The service is not active.', { reason: 'SERVICE_NOT_ACTIVE' });
  if (!service.kinds.includes(input.purpose)) throw new AppError('DOMAIN_RULE_VIOLATED', `The service does not offer ${input.purpose}.`, { reason: 'PURPOSE_NOT_OFFERED' });
  const person = await ctx.db.selectFrom('persons').selectAll().where('orgId', '=', orgId).where('id', '=', caseRow.personId).executeTakeFirstOrThrow();
  assertEligible(
    { sexes: service.eligibleSexes, minimumAge: service.minimumAge, maximumAge: service.maximumAge, nationalities: service.eligibleNationalities },
    { sex: person.sex, ageYears: person.ageYears, citizenship: person.citizenship },
  );
  let consentId: string | null = null;
  if (!emergency) {
    const records = await ctx.db.selectFrom('serviceConsents').selectAll().where('orgId', '=', orgId).where('caseId', '=', caseId).execute();
    const consents: TConsentRecord[] = records.map((r) => ({ ...r, purposes: r.purposes as TServiceKind[], fieldGroups: r.fieldGroups as TFieldGroup[], decision: r.decision as 'given' | 'declined' }));
    const found = coveringConsent(consents, { receivingOrgId: service.orgId, purpose: input.purpose, fieldGroups: input.fieldGroups });
    assertRequirementsMet(found.unmet, 'The case cannot be shared with this organisation');
    consentId = found.consent!.id;
    // The person may have been found to be a child since consenting: the child rules apply now.
    const basis = records.find((r) => r.id === consentId)!.basis as TConsentBasis;
    assertConsentBasis({ isChild: caseRow.isChild, isUnaccompanied: caseRow.isUnaccompanied, hasGuardian: caseRow.guardian !== null }, basis);
  }
  const now = ctx.now();
  const referralId = randomUUID();
  const identity = await openIdentity(ctx.keyring, ctx.db, person);
  const shared = buildSharedFields(input.fieldGroups, caseRow, person, identity, input);
  const sealed = await sealSharedFields(ctx.keyring, ctx.db, service.orgId, referralId, shared, now);
  const justification = emergency ? await sealReferralNote(ctx.keyring, ctx.db, orgId, referralId, 'override-justification', emergency.justification, now) : null;
  const row = {
    orgId, id: referralId, caseId, receivingOrgId: service.orgId, serviceId: service.id, serviceAtLocationId: input.serviceAtLocationId, purpose: input.purpose,
    fieldGroups: input.fieldGroups, status: 'sent', consentId, isOverride: emergency !== null,
    overrideJustificationCiphertext: justification?.ciphertext ?? null, overrideKeyVersion: justification?.keyVersion ?? null,
    ...sealed, version: 1, sentBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, sentAt: now, updatedAt: now,
  };
  await ctx.db.insertInto('serviceReferrals').values(row).execute();
  await auditBothSides(ctx, 'serviceReferral.sent', row, {
    referralId, caseOrgId: orgId, receivingOrgId: service.orgId, serviceId: service.id, purpose: input.purpose, fieldGroups: input.fieldGroups, isOverride: emergency !== null,
  });
  if (emergency) {
    await ctx.audit.record('serviceReferral.overrideUsed', {
      orgId, subjectType: 'serviceReferral', subjectId: referralId, caseId,
      metadata: { referralId, receivingOrgId: service.orgId, purpose: input.purpose, fieldGroups: input.fieldGroups, justificationLength: emergency.justification.length },
    });
  }
  await noticeReferralReceived(ctx, row);
  return referralId;
}
