import { AppError } from '../../../core/errors/app-error.ts';
import type { TTwoFactorIdentityCheck, TTwoFactorResetReason } from '../../../core/security/two-factor-reset.ts';
import type { TCtx } from '../../context.ts';
import { requireUser } from '../../authz/policy.ts';
import { clearThrottle } from '../auth/login-throttle.repo.ts';
import { deleteAllSessionsOfUser } from '../auth/sessions.repo.ts';
import { findOrganisationsOfUser } from '../members/members.repo.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { findUserById } from '../users/users.repo.ts';
import type { DeferredFailure } from './deferred-failure.ts';
import { deleteTwoFactor, findTwoFactor } from './two-factor.repo.ts';
import { refuseWhileLocked, refuseWrongPassword, twoFactorThrottleKey } from './two-factor.service.ts';

export interface TTwoFactorResetInput {
  /**
   * The administrator's own password: an open session alone is not enough. Null from the CLI,
   * whose operator already controls the server (the way back for the only administrator).
   */
  password: string | null;
  reason: TTwoFactorResetReason;
  identityCheck: TTwoFactorIdentityCheck;
}

/**
 * A platform administrator removes a member's two-factor enrolment (confirmed or pending) and its
 * recovery codes, for someone who lost both. Every session of the member ends, so whoever holds
 * one must sign in again; if an organisation requires two-factor sign-in, the gate then holds
 * the member to enrolling afresh. The member is told, so a reset they did not ask for does not go
 * unnoticed (in the app, and by e-mail where it is set up; someone in no organisation yet gets
 * no notice). Audited on the system chain with the reason and the identity check.
 * From the CLI (`palermo users reset-two-factor`) no password is asked: whoever runs it on the
 * server already controls it, and it is the way back for an administrator who lost their own.
 * @throws FORBIDDEN (NOT_PLATFORM_ADMIN), NOT_FOUND for an unknown user, DOMAIN_RULE_VIOLATED
 *   OWN_TWO_FACTOR (one's own enrolment is turned off with one's own code) or
 *   TWO_FACTOR_NOT_ENABLED (nothing to reset)
 */
export async function resetMemberTwoFactor(ctx: TCtx, userId: string, input: TTwoFactorResetInput): Promise<{ endedSessions: number } | DeferredFailure> {
  if (ctx.actor.type !== 'cli') {
    const refused = await checkAdministrator(ctx, userId, input.password);
    if (refused) return refused;
  }
  if (!(await findUserById(ctx.db, userId))) throw new AppError('NOT_FOUND', 'User not found.');
  if (!(await findTwoFactor(ctx.db, userId))) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'This person has no two-factor sign-in to reset.', { reason: 'TWO_FACTOR_NOT_ENABLED' });
  }

  await deleteTwoFactor(ctx.db, userId);
  await clearThrottle(ctx.db, twoFactorThrottleKey(userId));
  const endedSessions = await deleteAllSessionsOfUser(ctx.db, userId);
  await ctx.audit.record('twoFactor.resetByAdministrator', {
    orgId: null, subjectType: 'user', subjectId: userId, metadata: { reason: input.reason, identityCheck: input.identityCheck, endedSessions },
  });
  // One notice (the notifications page lists every organisation's), under the oldest membership.
  const [orgId] = await findOrganisationsOfUser(ctx.db, userId);
  if (orgId) await notifyUsers(ctx, { orgId, kind: 'twoFactor.resetByAdministrator', subjectType: 'user', subjectId: userId, userIds: [userId] });
  return { endedSessions };
}

/**
 * A signed-in platform administrator, not acting on their own enrolment, who has just given their
 * password. The password comes before anything about the member: an open session alone learns
 * nothing, not even whether the account exists. Wrong passwords count against the
 * administrator's own code throttle, like their other checks.
 */
async function checkAdministrator(ctx: TCtx, userId: string, password: string | null): Promise<DeferredFailure | null> {
  const admin = requireUser(ctx.actor);
  if (!admin.isPlatformAdmin) throw new AppError('FORBIDDEN', 'Only platform administrators reset two-factor sign-in.', { reason: 'NOT_PLATFORM_ADMIN' });
  if (userId === admin.userId) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'Turn off your own two-factor sign-in from your account, with a code.', { reason: 'OWN_TWO_FACTOR' });
  }
  const locked = await refuseWhileLocked(ctx, admin.userId, 'administrator_reset');
  if (locked) return locked;
  return refuseWrongPassword(ctx, admin.userId, password ?? '');
}
