import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { can, roleIn } from '../../authz/policy.ts';
import { findLiveGrant } from './emergency-access.repo.ts';

/**
 * The check for reading one case: case.read in its organisation, or else a live emergency
 * grant of a member for this very case. A read through a grant is marked in the audit log
 * (emergencyAccess.caseRead) and returns the grant id so the caller may open identity as well.
 * @throws NOT_FOUND (other organisation), FORBIDDEN (no case.read and no live grant)
 */
export async function authorizeCaseRead(ctx: TCtx, orgId: string, caseId: string, view: 'case' | 'timeline'): Promise<{ emergencyGrantId: string | null }> {
  if (!can(ctx.actor, orgId, 'case.read') && ctx.actor.type === 'user' && roleIn(ctx.actor, orgId)) {
    const grant = await findLiveGrant(ctx.db, orgId, caseId, ctx.actor.userId, ctx.now());
    if (grant) {
      await ctx.audit.record('emergencyAccess.caseRead', { orgId, subjectType: 'emergencyAccessGrant', subjectId: grant.id, caseId, metadata: { grantId: grant.id, caseId, view } });
      return { emergencyGrantId: grant.id };
    }
  }
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.read');
  return { emergencyGrantId: null };
}
