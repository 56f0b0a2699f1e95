import { randomUUID } from 'node:crypto';
import { localDateOf } from '../../../core/nrm/deadlines.ts';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TCtx } from '../../context.ts';
import { closeOpenDeadlines } from '../cases/cases.repo.ts';
import { getOrganisationProfile } from '../cases/jurisdiction.ts';
import { nextReference } from '../cases/cases.repo.ts';
import { openIdentity, sealIdentity } from '../cases/person-identity.ts';
import { copyPlanForTransfer } from '../plans/plans.service.ts';
import { copyPlanDocumentsForTransfer } from '../documents/plan-documents-transfer.ts';
import { writePersonBlockingKeys } from '../linkage/blocking-keys/blocking-keys.ts';

/** Deadlines the sender's case no longer has once it is closed (as for any closure). */
const SENDER_DEADLINE_KINDS = ['rg_decision', 'recovery_period_end'];

/**
 * Moves responsibility for a case: the receiver gets a new person and case (identity re-sealed
 * under its own key, with a new blind index), the NRM status and dates, the child-pathway facts
 * and the latest recovery plan with its documents (the receiver builds the plan from now on); the
 * sender's case is closed as `transferred` and points at the new one. Decision reasons,
 * screenings, case documents and service referrals stay with the sender: they were written under
 * its responsibility (and its key). Runs in the receiver's transaction.
 * @throws INVALID_TRANSITION (CASE_CLOSED) when the sender closed the case meanwhile
 */
export async function handOverCase(ctx: TCtx, transfer: { id: string; orgId: string; caseId: string; receivingOrgId: string }) {
  const source = await ctx.db.selectFrom('cases').selectAll().where('orgId', '=', transfer.orgId).where('id', '=', transfer.caseId).forUpdate().executeTakeFirstOrThrow();
  if (source.status === 'closed') throw new AppError('INVALID_TRANSITION', 'The sending organisation closed the case meanwhile.', { reason: 'CASE_CLOSED' });
  const person = await ctx.db.selectFrom('persons').selectAll().where('orgId', '=', transfer.orgId).where('id', '=', source.personId).executeTakeFirstOrThrow();
  const now = ctx.now();
  const identity = await openIdentity(ctx.keyring, ctx.db, person);
  const personId = randomUUID();
  const sealed = await sealIdentity(ctx.keyring, ctx.db, transfer.receivingOrgId, personId, identity, now);
  await ctx.db.insertInto('persons').values({
    orgId: transfer.receivingOrgId, id: personId, ...sealed, sex: person.sex, ageYears: person.ageYears, ageStatus: person.ageStatus, citizenship: person.citizenship, createdAt: now, updatedAt: now,
  }).execute();
  await writePersonBlockingKeys(ctx.db, ctx.keyring, { orgId: transfer.receivingOrgId, id: personId, keyVersion: sealed.keyVersion, sex: person.sex, citizenship: person.citizenship }, identity, now);

  const receiverProfile = await getOrganisationProfile(ctx.db, transfer.receivingOrgId);
  const reference = await nextReference(ctx.db, transfer.receivingOrgId, 'NRM', Number(localDateOf(receiverProfile, now.toISOString()).slice(0, 4)));
  const caseId = randomUUID();
  await ctx.db.insertInto('cases').values({
    orgId: transfer.receivingOrgId, id: caseId, reference, personId, status: source.status, version: 1,
    // Decisions already taken were taken under the sender's profile; they stay reproducible under it.
    jurisdictionProfileId: source.jurisdictionProfileId, jurisdictionProfileVersion: source.jurisdictionProfileVersion,
    isChild: source.isChild, childBasis: source.childBasis, isUnaccompanied: source.isUnaccompanied,
    countryOfExploitation: source.countryOfExploitation, exploitationForms: source.exploitationForms, source: source.source,
    yearOfRegistration: source.yearOfRegistration, consent: source.consent === null ? null : JSON.stringify(source.consent),
    referredAt: source.referredAt, rgPositiveAt: source.rgPositiveAt,
    // The child-protection lead was the sender's staff member: the receiver assigns its own.
    childProtectionLeadId: null, childProtectionLeadAssignedAt: null,
    guardian: source.guardian === null ? null : JSON.stringify(source.guardian),
    ageAssessment: source.ageAssessment === null ? null : JSON.stringify(source.ageAssessment),
    bestInterestsDetermination: source.bestInterestsDetermination === null ? null : JSON.stringify(source.bestInterestsDetermination),
    protection: JSON.stringify(source.protection),
    transferredFromOrgId: transfer.orgId, transferredFromCaseId: transfer.caseId,
    createdBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, createdAt: now, updatedAt: now,
  } as never).execute();
  const planCopied = await copyPlanForTransfer(ctx, { orgId: transfer.orgId, caseId: transfer.caseId }, { orgId: transfer.receivingOrgId, caseId });
  if (planCopied) await copyPlanDocumentsForTransfer(ctx, { orgId: transfer.orgId, caseId: transfer.caseId }, { orgId: transfer.receivingOrgId, caseId }, transfer.id);

  await ctx.db.updateTable('cases').set({
    status: 'closed', closedAt: now, closureReason: 'transferred', transferredToOrgId: transfer.receivingOrgId, transferredToCaseId: caseId, version: source.version + 1, updatedAt: now,
  } as never).where('id', '=', transfer.caseId).execute();
  await closeOpenDeadlines(ctx.db, transfer.orgId, transfer.caseId, SENDER_DEADLINE_KINDS, 'cancelled', now);
  await ctx.audit.record('case.closed', { orgId: transfer.orgId, subjectType: 'case', subjectId: transfer.caseId, caseId: transfer.caseId, metadata: { from: source.status as never, reason: 'transferred' } });
  await ctx.audit.record('case.receivedByTransfer', { orgId: transfer.receivingOrgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { transferId: transfer.id, reference, fromOrgId: transfer.orgId } });
  return { caseId, planCopied };
}
