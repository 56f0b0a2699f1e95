import type { TCtx } from '../../../context.ts';
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
 * person.readIdentity, and every such read is audited with its purpose.
 * @throws NOT_FOUND (other organisation or no such case), FORBIDDEN without case.read
 */
export async function loadCaseDetail(ctx: TCtx, orgId: string, caseId: string, purpose: 'case_view' | 'case_action'): Promise<TCaseDetail> {
  // case.read, or a live break-the-glass grant for this case (which also opens the identity).
  const { emergencyGrantId } = await authorizeCaseRead(ctx, orgId, caseId, 'case');
  const bundle = await getCaseBundle(ctx.db, orgId, caseId);
  const profile = await getCaseProfile(ctx.db, bundle.caseRow);
  const secrets: TCaseSecrets = { identity: null, reasonsByDecision: new Map() };
  if (can(ctx.actor, orgId, 'person.readIdentity') || emergencyGrantId) {
    secrets.identity = await openIdentity(ctx.keyring, ctx.db, bundle.person);
    await ctx.audit.record('person.identityViewed', { orgId, subjectType: 'person', subjectId: bundle.person.id, caseId, metadata: { personId: bundle.person.id, purpose } });
  }
  for (const decision of bundle.decisions) {
    const key = await ctx.keyring.keyVersion(ctx.db, orgId, decision.keyVersion);
    secrets.reasonsByDecision.set(decision.id, openJson<string[]>(key.dataKey, decision.reasonsCiphertext, reasonsContext(orgId, decision.id)));
  }
  return presentCaseDetail(bundle, secrets, ctx.actor, profile, ctx.now());
}
