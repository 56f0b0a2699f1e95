import { AppError } from '../../../core/errors/app-error.ts';
import type { TIdentityCheck, TTwoFactorResetReason } from '../../../core/security/account-recovery.ts';
import type { TCtx } from '../../context.ts';
import { clearThrottle } from '../auth/login-throttle.repo.ts';
import { deleteAllSessionsOfUser } from '../auth/sessions.repo.ts';
import { findOrganisationsOfUser } from '../members/members.repo.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { findUserById } from '../users/users.repo.ts';
import type { DeferredFailure } from './deferred-failure.ts';
import { deleteTwoFactor, findTwoFactor } from './two-factor.repo.ts';
import { twoFactorThrottleKey } from './two-factor.service.ts';
import { checkRecoveringAdministrator } from './administrator-check.ts';
import { issueTemporaryPassword } from '../auth/temporary-password.ts';

export interface TTwoFactorResetInput {
  /**
   * The administrator's own password: an open session alone is not enough. Null from the CLI,
   * whose operator already controls the server (the way back for the only administrator).
   */
  password: string | null;
  reason: TTwoFactorResetReason;
  identityCheck: TIdentityCheck;
}

export interface TTwoFactorResetResult {
  endedSessions: number;
  /** Issued for a suspected compromise: shown once, to be handed over by the checked channel. */
  temporaryPassword?: { password: string; expiresAt: string };
}

/**
 * A platform administrator removes a member's two-factor enrolment (confirmed or pending) and its
 * recovery codes, for someone who lost both. Every session of the member ends, so whoever holds
 * one must sign in again; if an organisation requires two-factor sign-in, the gate then holds
 * the member to enrolling afresh. The member is told, so a reset they did not ask for does not go
 * unnoticed (in the app, and by e-mail where it is set up; someone in no organisation yet gets
 * no notice). For a suspected compromise the password is replaced by a temporary one too (see
 * temporary-password.ts). Audited on the system chain with the reason and the identity check.
 * From the CLI (`palermo users reset-two-factor`) no password is asked: whoever runs it on the
 * server already controls it, and it is the way back for an administrator who lost their own.
 * @throws FORBIDDEN (NOT_PLATFORM_ADMIN), NOT_FOUND for an unknown user, DOMAIN_RULE_VIOLATED
 *   OWN_TWO_FACTOR (one's own enrolment is turned off with one's own code) or
 *   TWO_FACTOR_NOT_ENABLED (nothing to reset)
 */
export async function resetMemberTwoFactor(ctx: TCtx, userId: string, input: TTwoFactorResetInput): Promise<TTwoFactorResetResult | DeferredFailure> {
  if (ctx.actor.type !== 'cli') {
    const ownAccount = new AppError('DOMAIN_RULE_VIOLATED', 'Turn off your own two-factor sign-in from your account, with a code.', { reason: 'OWN_TWO_FACTOR' });
    const refused = await checkRecoveringAdministrator(ctx, userId, input.password, ownAccount);
    if (refused) return refused;
  }
  if (!(await findUserById(ctx.db, userId))) throw new AppError('NOT_FOUND', 'User not found.');
  if (!(await findTwoFactor(ctx.db, userId))) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'This person has no two-factor sign-in to reset.', { reason: 'TWO_FACTOR_NOT_ENABLED' });
  }

  await deleteTwoFactor(ctx.db, userId);
  await clearThrottle(ctx.db, twoFactorThrottleKey(userId));
  let endedSessions = await deleteAllSessionsOfUser(ctx.db, userId);
  // Whoever may hold the account may also know its password, which alone would now open it.
  const temporaryPassword = input.reason === 'suspectedCompromise' ? await issueTemporaryPassword(ctx, userId) : null;
  if (temporaryPassword) endedSessions += temporaryPassword.endedSessions;
  await ctx.audit.record('twoFactor.resetByAdministrator', {
    orgId: null, subjectType: 'user', subjectId: userId,
    metadata: { reason: input.reason, identityCheck: input.identityCheck, endedSessions, ...(temporaryPassword ? { temporaryPasswordExpiresAt: temporaryPassword.expiresAt.toISOString() } : {}) },
  });
  // One notice (the notifications page lists every organisation's), under the oldest membership.
  const [orgId] = await findOrganisationsOfUser(ctx.db, userId);
  if (orgId) await notifyUsers(ctx, { orgId, kind: 'twoFactor.resetByAdministrator', subjectType: 'user', subjectId: userId, userIds: [userId] });
  return temporaryPassword ? { endedSessions, temporaryPassword: { password: temporaryPassword.password, expiresAt: temporaryPassword.expiresAt.toISOString() } } : { endedSessions };
}
