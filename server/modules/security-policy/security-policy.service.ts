import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { findSecurityPolicy, saveSecurityPolicy, type TSecurityPolicy } from './security-policy.repo.ts';

export async function getSecurityPolicy(ctx: TCtx, orgId: string): Promise<TSecurityPolicy> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'org.read');
  return findSecurityPolicy(ctx.db, orgId);
}

/** A change of policy; a setting left out keeps its current value (older clients send two fields). */
export type TSecurityPolicyChange = Omit<TSecurityPolicy, 'requireAccessPurpose'> & { requireAccessPurpose?: boolean };

/**
 * Changes who must use two-factor sign-in, how long emergency access lasts and whether identity
 * reads need a stated purpose. A stricter requirement applies at once, to sessions already open
 * (see two-factor-gate.ts).
 * @throws FORBIDDEN without org.configure
 */
export async function changeSecurityPolicy(ctx: TCtx, orgId: string, change: TSecurityPolicyChange): Promise<TSecurityPolicy> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'org.configure');
  const before = await findSecurityPolicy(ctx.db, orgId);
  const policy: TSecurityPolicy = { ...change, requireAccessPurpose: change.requireAccessPurpose ?? before.requireAccessPurpose };
  await saveSecurityPolicy(ctx.db, orgId, policy, ctx.now());
  await ctx.audit.record('securityPolicy.changed', {
    orgId, subjectType: 'organisation', subjectId: orgId,
    changes: {
      twoFactorRequirement: [before.twoFactorRequirement, policy.twoFactorRequirement],
      emergencyAccessHours: [before.emergencyAccessHours, policy.emergencyAccessHours],
      requireAccessPurpose: [before.requireAccessPurpose, policy.requireAccessPurpose],
    },
    metadata: policy,
  });
  return policy;
}
