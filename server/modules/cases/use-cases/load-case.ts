import { AppError } from '../../../../core/errors/app-error.ts';
import { ACCESS_PURPOSES, type TAccessPurpose } from '../../../../core/security/access-purpose.ts';
import type { TCtx } from '../../../context.ts';
import { isAccessPurposeRequired } from '../../security-policy/security-policy.repo.ts';
import { authorizeCaseRead } from '../../emergency-access/case-read-access.ts';
import { can } from '../../../authz/policy.ts';
import { openJson } from '../../../crypto/field-encryption.ts';
import { getCaseBundle } from '../cases.repo.ts';
import { presentCaseDetail, type TCaseSecrets } from '../cases.presenter.ts';
import type { TCaseDetail } from '../cases.schemas.ts';
import { getCaseProfile } from '../jurisdiction.ts';
import { openIdentity } from '../person-identity.ts';

export const reasonsContext = (orgId: string, decisionId: string) => `palermo/decision-reasons/${orgId}/${decisionId}`;
export const reconsiderationReasonsContext = (orgId: string, requestId: string) => `palermo/reconsideration-reasons/${orgId}/${requestId}`;

/**
 * The case as the viewer may see it. Identity is decrypted only for holders of
 * person.readIdentity, and every such read is audited with its purpose. When the organisation's
 * security policy requires it, viewing the case needs the reader's stated purpose (a code, kept
 * in the audit row); the answer to a change made on the case does not, the change being its purpose.
 * @throws NOT_FOUND (other organisation or no such case), FORBIDDEN without case.read,
 *   DOMAIN_RULE_VIOLATED (ACCESS_PURPOSE_REQUIRED) when a required purpose is missing
 */
export async function loadCaseDetail(ctx: TCtx, orgId: string, caseId: string, purpose: 'case_view' | 'case_action', accessPurpose?: TAccessPurpose): Promise<TCaseDetail> {
  // case.read, or a live break-the-glass grant for this case (which also opens the identity).
  const { emergencyGrantId } = await authorizeCaseRead(ctx, orgId, caseId, 'case');
  const bundle = await getCaseBundle(ctx.db, orgId, caseId);
  const profile = await getCaseProfile(ctx.db, bundle.caseRow);
  const secrets: TCaseSecrets = { identity: null, reasonsByDecision: new Map() };
  if (can(ctx.actor, orgId, 'person.readIdentity') || emergencyGrantId) {
    if (purpose === 'case_view' && !accessPurpose && (await isAccessPurposeRequired(ctx.db, orgId))) {
      throw new AppError('DOMAIN_RULE_VIOLATED', 'This organisation asks why you open a person\'s identity: choose a purpose.', { reason: 'ACCESS_PURPOSE_REQUIRED', purposes: [...ACCESS_PURPOSES] });
    }
    secrets.identity = await openIdentity(ctx.keyring, ctx.db, bundle.person);
    await ctx.audit.record('person.identityViewed', { orgId, subjectType: 'person', subjectId: bundle.person.id, caseId, metadata: { personId: bundle.person.id, purpose, ...(accessPurpose ? { accessPurpose } : {}) } });
  }
  for (const decision of bundle.decisions) {
    const key = await ctx.keyring.keyVersion(ctx.db, orgId, decision.keyVersion);
    secrets.reasonsByDecision.set(decision.id, openJson<string[]>(key.dataKey, decision.reasonsCiphertext, reasonsContext(orgId, decision.id)));
  }
  return presentCaseDetail(bundle, secrets, ctx.actor, profile, ctx.now());
}
