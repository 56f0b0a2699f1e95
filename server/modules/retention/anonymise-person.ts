import type { TCtx } from '../../context.ts';
import { sealJson } from '../../crypto/field-encryption.ts';
import { anonymiseIdentity } from '../cases/person-identity.ts';
import { justificationContext } from '../emergency-access/emergency-access.service.ts';
import { deletePersonBlockingKeys } from '../linkage/blocking-keys/blocking-keys.ts';
import { reasonsContext, reconsiderationReasonsContext } from '../cases/use-cases/load-case.ts';
import { erasePlanNarrative } from '../plans/plans.service.ts';
import { sealReferralNote } from '../service-referrals/shared-fields.ts';

export type TAnonymiseTrigger = 'retention' | 'erasure';

/**
 * Removes everything that identifies or narrates a person, across all their cases, and keeps every
 * statistical field (so counts by sex, age, citizenship, year, form of exploitation, status,
 * decision outcome, support received and plan outcomes do not change):
 *   identity → empty, name index cleared; decision and reconsideration reasons → empty lists;
 *   documents deleted; plan narrative erased; copies shared with referral receivers and transfer
 *   notes erased; override and break-the-glass justifications blanked (who broke the glass, when
 *   and for how long stay: that is the accountability record); a guardian's reference removed.
 * Runs in the caller's transaction and writes one `person.anonymised` audit event.
 */
export async function anonymisePerson(ctx: TCtx, orgId: string, personId: string, trigger: TAnonymiseTrigger): Promise<{ caseIds: string[] }> {
  const now = ctx.now();
  const cases = await ctx.db.selectFrom('cases').select(['id', 'guardian']).where('orgId', '=', orgId).where('personId', '=', personId).execute();
  const caseIds = cases.map((c) => c.id);
  const key = await ctx.keyring.currentKey(ctx.db, orgId, now);
  for (const caseRow of cases) {
    const caseId = caseRow.id;
    const decisions = await ctx.db.selectFrom('decisions').select('id').where('orgId', '=', orgId).where('caseId', '=', caseId).execute();
    for (const decision of decisions) {
      await ctx.db.updateTable('decisions').set({ reasonsCiphertext: sealJson(key.dataKey, [], reasonsContext(orgId, decision.id)), keyVersion: key.version }).where('id', '=', decision.id).execute();
    }
    const requests = await ctx.db.selectFrom('reconsiderationRequests').select('id').where('orgId', '=', orgId).where('caseId', '=', caseId).execute();
    for (const request of requests) {
      await ctx.db.updateTable('reconsiderationRequests').set({ reasonsCiphertext: sealJson(key.dataKey, [], reconsiderationReasonsContext(orgId, request.id)), keyVersion: key.version }).where('id', '=', request.id).execute();
    }
    await ctx.db.deleteFrom('documents').where('orgId', '=', orgId).where('caseId', '=', caseId).execute();
    await erasePlanNarrative(ctx, orgId, caseId);
    await ctx.db.updateTable('serviceReferrals').set({ sharedCiphertext: null, sharedKeyVersion: null, responseNoteCiphertext: null, responseNoteKeyVersion: null })
      .where('orgId', '=', orgId).where('caseId', '=', caseId).execute();
    const overrides = await ctx.db.selectFrom('serviceReferrals').select('id').where('orgId', '=', orgId).where('caseId', '=', caseId).where('isOverride', '=', true).execute();
    for (const referral of overrides) {
      const sealed = await sealReferralNote(ctx.keyring, ctx.db, orgId, referral.id, 'override-justification', '', now);
      await ctx.db.updateTable('serviceReferrals').set({ overrideJustificationCiphertext: sealed.ciphertext, overrideKeyVersion: sealed.keyVersion }).where('id', '=', referral.id).execute();
    }
    const grants = await ctx.db.selectFrom('emergencyAccessGrants').select(['id', 'orgId']).where('caseId', '=', caseId).execute();
    for (const grant of grants) {
      const grantKey = grant.orgId === orgId ? key : await ctx.keyring.currentKey(ctx.db, grant.orgId, now);
      await ctx.db.updateTable('emergencyAccessGrants').set({ justificationCiphertext: sealJson(grantKey.dataKey, '', justificationContext(grant.orgId, grant.id)), keyVersion: grantKey.version })
        .where('id', '=', grant.id).execute();
    }
    await ctx.db.updateTable('caseTransfers').set({ noteCiphertext: null, noteKeyVersion: null }).where('caseId', '=', caseId).execute();
    if (caseRow.guardian) {
      await ctx.db.updateTable('cases').set({ guardian: JSON.stringify({ ...(caseRow.guardian as Record<string, unknown>), guardianRef: '' }) } as never).where('id', '=', caseId).execute();
    }
  }
  await anonymiseIdentity(ctx.keyring, ctx.db, orgId, personId, now);
  // the duplicate check's keyed blocking keys go with the name index
  await deletePersonBlockingKeys(ctx.db, orgId, personId);
  await ctx.audit.record('person.anonymised', { orgId, subjectType: 'person', subjectId: personId, ...(caseIds[0] ? { caseId: caseIds[0] } : {}), metadata: { personId, cases: caseIds.length, trigger } });
  return { caseIds };
}
