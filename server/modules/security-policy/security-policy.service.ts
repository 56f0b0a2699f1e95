import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { findSecurityPolicy, saveSecurityPolicy, type TSecurityPolicy } from './security-policy.repo.ts';

export async function getSecurityPolicy(ctx: TCtx, orgId: string): Promise<TSecurityPolicy> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'org.read');
  return findSecurityPolicy(ctx.db, orgId);
}

/**
 * Changes who must use two-factor sign-in and how long emergency access lasts. A stricter
 * requirement applies at once, to sessions already open (see two-factor-gate.ts).
 * @throws FORBIDDEN without org.configure
 */
export async function changeSecurityPolicy(ctx: TCtx, orgId: string, policy: TSecurityPolicy): Promise<TSecurityPolicy> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'org.configure');
  const before = await findSecurityPolicy(ctx.db, orgId);
  await saveSecurityPolicy(ctx.db, orgId, policy, ctx.now());
  await ctx.audit.record('securityPolicy.changed', {
    orgId, subjectType: 'organisation', subjectId: orgId,
    changes: { twoFactorRequirement: [before.twoFactorRequirement, policy.twoFactorRequirement], emergencyAccessHours: [before.emergencyAccessHours, policy.emergencyAccessHours] },
    metadata: policy,
  });
  return policy;
}
