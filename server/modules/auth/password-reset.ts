import { AppError } from '../../../core/errors/app-error.ts';
import type { TIdentityCheck, TPasswordResetReason } from '../../../core/security/account-recovery.ts';
import type { TCtx } from '../../context.ts';
import { findOrganisationsOfUser } from '../members/members.repo.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { checkRecoveringAdministrator } from '../two-factor/administrator-check.ts';
import type { DeferredFailure } from '../two-factor/deferred-failure.ts';
import { findUserById } from '../users/users.repo.ts';
import { issueTemporaryPassword } from './temporary-password.ts';

export interface TPasswordResetInput {
  /** The administrator's own password; null from the CLI, whose operator controls the server. */
  password: string | null;
  reason: TPasswordResetReason;
  identityCheck: TIdentityCheck;
}

export interface TPasswordResetResult {
  /** Shown once, to be handed over by the channel the identity was checked on. */
  temporaryPassword: string;
  expiresAt: string;
  endedSessions: number;
}

/**
 * A platform administrator gives a member who forgot their password (or whose account may be
 * compromised) a temporary one. The old password stops working, every session ends, and the
 * member must choose their own password at the next sign-in (password-change-gate.ts); two-factor
 * sign-in, where enrolled, is still asked for. The member is told in the app and by e-mail, so a
 * reset they did not ask for does not go unnoticed. Audited on the system chain with the reason
 * and the identity check; the temporary password itself is stored only as a hash.
 * @throws FORBIDDEN (NOT_PLATFORM_ADMIN), NOT_FOUND for an unknown user, DOMAIN_RULE_VIOLATED
 *   OWN_PASSWORD (one's own password is changed on the account page)
 */
export async function resetMemberPassword(ctx: TCtx, userId: string, input: TPasswordResetInput): Promise<TPasswordResetResult | DeferredFailure> {
  if (ctx.actor.type !== 'cli') {
    const ownAccount = new AppError('DOMAIN_RULE_VIOLATED', 'Change your own password on your account page.', { reason: 'OWN_PASSWORD' });
    const refused = await checkRecoveringAdministrator(ctx, userId, input.password, ownAccount);
    if (refused) return refused;
  }
  if (!(await findUserById(ctx.db, userId))) throw new AppError('NOT_FOUND', 'User not found.');
  const issued = await issueTemporaryPassword(ctx, userId);
  await ctx.audit.record('user.passwordResetByAdministrator', {
    orgId: null, subjectType: 'user', subjectId: userId,
    metadata: { reason: input.reason, identityCheck: input.identityCheck, endedSessions: issued.endedSessions, temporaryPasswordExpiresAt: issued.expiresAt.toISOString() },
  });
  // One notice (the notifications page lists every organisation's), under the oldest membership.
  const [orgId] = await findOrganisationsOfUser(ctx.db, userId);
  if (orgId) await notifyUsers(ctx, { orgId, kind: 'user.passwordResetByAdministrator', subjectType: 'user', subjectId: userId, userIds: [userId] });
  return { temporaryPassword: issued.password, expiresAt: issued.expiresAt.toISOString(), endedSessions: issued.endedSessions };
}
