import { AppError } from '../../../core/errors/app-error.ts';
import { requireUser } from '../../authz/policy.ts';
import type { TCtx } from '../../context.ts';
import type { DeferredFailure } from './deferred-failure.ts';
import { refuseWhileLocked, refuseWrongPassword } from './two-factor.service.ts';

/**
 * Account recovery (resetting someone's two-factor sign-in or password) is for a signed-in
 * platform administrator, not acting on their own account, who has just given their password.
 * The password comes before anything about the member: an open session alone learns nothing,
 * not even whether the account exists. Wrong passwords count against the administrator's own
 * code throttle, like their other checks.
 * @param ownAccount the refusal when the administrator names themself (their own account has its own way)
 * @throws FORBIDDEN (NOT_PLATFORM_ADMIN), `ownAccount`
 */
export async function checkRecoveringAdministrator(ctx: TCtx, userId: string, password: string | null, ownAccount: AppError): Promise<DeferredFailure | null> {
  const admin = requireUser(ctx.actor);
  if (!admin.isPlatformAdmin) throw new AppError('FORBIDDEN', 'Only platform administrators recover other people\'s accounts.', { reason: 'NOT_PLATFORM_ADMIN' });
  if (userId === admin.userId) throw ownAccount;
  const locked = await refuseWhileLocked(ctx, admin.userId, 'administrator_reset');
  if (locked) return locked;
  return refuseWrongPassword(ctx, admin.userId, password ?? '');
}
