import { AppError } from '../../../core/errors/app-error.ts';
import { withContext, type TActor, type TContextDeps, type TRequestInfo } from '../../context.ts';
import { findUserById } from '../users/users.repo.ts';
import { openSession, type TNewSession, type TSessionSettings } from '../auth/auth.service.ts';
import { clearThrottle, findActiveLock } from '../auth/login-throttle.repo.ts';
import { digestToken } from '../auth/session-tokens.ts';
import { DeferredFailure, throwIfFailed } from './deferred-failure.ts';
import { countUnusedRecoveryCodes, findChallengeForUpdate, markChallengeUsed, recordChallengeFailure } from './two-factor.repo.ts';
import { CHALLENGE_MAX_FAILURES } from './login-challenge.ts';
import { checkSecondFactor, recordWrongCode, twoFactorThrottleKey } from './two-factor.service.ts';

const invalidChallenge = () => new DeferredFailure(new AppError('UNAUTHENTICATED', 'The sign-in has expired. Enter your e-mail and password again.', { reason: 'TWO_FACTOR_CHALLENGE_INVALID' }));

/**
 * The second step of a sign-in: a TOTP code or a recovery code against a live challenge opens
 * the session. Wrong codes are counted on the challenge and on the user's throttle, committed
 * and audited before the refusal (system chain, like password failures).
 * @throws UNAUTHENTICATED (WRONG_TWO_FACTOR_CODE, TWO_FACTOR_CHALLENGE_INVALID), RATE_LIMITED (TWO_FACTOR_LOCKED)
 */
export async function completeTwoFactorLogin(
  deps: TContextDeps,
  request: TRequestInfo,
  input: { challengeToken: string; code: string },
  settings: TSessionSettings,
): Promise<TNewSession> {
  const anonymous: TActor = { type: 'anonymous' };
  const verified = await throwIfFailed(await withContext(deps, anonymous, request, async (ctx) => {
    const challenge = await findChallengeForUpdate(ctx.db, digestToken(input.challengeToken));
    if (!challenge) return invalidChallenge();
    const user = await findUserById(ctx.db, challenge.userId);
    if (challenge.usedAt || challenge.expiresAt <= ctx.now() || challenge.failures >= CHALLENGE_MAX_FAILURES || !user || user.disabledAt) {
      await ctx.audit.record('twoFactor.failed', { orgId: null, subjectType: 'user', subjectId: challenge.userId, metadata: { reason: 'CHALLENGE_INVALID', purpose: 'login' } });
      return invalidChallenge();
    }
    const lockedUntil = await findActiveLock(ctx.db, [twoFactorThrottleKey(user.id)], ctx.now());
    if (lockedUntil) {
      await ctx.audit.record('twoFactor.failed', { orgId: null, subjectType: 'user', subjectId: user.id, metadata: { reason: 'LOCKED', purpose: 'login' } });
      return new DeferredFailure(new AppError('RATE_LIMITED', 'Too many wrong codes. Try again later.', { reason: 'TWO_FACTOR_LOCKED', retryAfter: lockedUntil.toISOString() }));
    }
    const method = await checkSecondFactor(ctx, user.id, input.code, { allowRecoveryCode: true });
    if (!method) {
      await recordChallengeFailure(ctx.db, challenge.id);
      return recordWrongCode(ctx, user.id, 'login');
    }
    await markChallengeUsed(ctx.db, challenge.id, ctx.now());
    await clearThrottle(ctx.db, twoFactorThrottleKey(user.id));
    return { user, challengeId: challenge.id, method };
  }));
  const { user, challengeId, method } = verified;
  const actor: TActor = { type: 'user', userId: user.id, email: user.email, displayName: user.displayName, isPlatformAdmin: user.isPlatformAdmin, roles: new Map(), sessionId: '' };
  return withContext(deps, actor, request, async (ctx) => {
    const session = await openSession(ctx, user.id, settings);
    const recoveryCodesLeft = await countUnusedRecoveryCodes(ctx.db, user.id);
    await ctx.audit.record('twoFactor.verified', { orgId: null, subjectType: 'user', subjectId: user.id, metadata: { challengeId, method, recoveryCodesLeft } });
    await ctx.audit.record('user.loggedIn', { orgId: null, subjectType: 'user', subjectId: user.id, metadata: { email: user.email } });
    return session;
  });
}
