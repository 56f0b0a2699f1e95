import { AppError } from '../../../core/errors/app-error.ts';
import { withContext, type TActor, type TContextDeps, type TCtx, type TRequestInfo } from '../../context.ts';
import { findUserByEmail, findUserById, updatePasswordHash } from '../users/users.repo.ts';
import { assertPasswordPolicy, burnVerifyTime, hashPassword, verifyPassword } from './passwords.ts';
import { clearThrottle, findActiveLock, recordFailure, throttleKey } from './login-throttle.repo.ts';
import { deleteOtherSessions, deleteSession, insertSession } from './sessions.repo.ts';
import { digestToken, newSecretToken } from './session-tokens.ts';
import { hasConfirmedTwoFactor } from '../two-factor/two-factor.repo.ts';
import { issueLoginChallenge, type TLoginChallenge } from '../two-factor/login-challenge.ts';

export interface TSessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export interface TNewSession {
  token: string;
  sessionId: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Opens a session for a user inside the caller's transaction. */
export async function openSession(ctx: TCtx, userId: string, settings: TSessionSettings): Promise<TNewSession> {
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + settings.absoluteHours * 3_600_000);
  const { id } = await insertSession(ctx.db, {
    tokenHash: digestToken(token), userId, csrfToken, createdAt: now, expiresAt, ip: ctx.request.ip, userAgent: ctx.request.userAgent,
  });
  return { token, sessionId: id, userId, csrfToken, expiresAt };
}

/**
 * Checks a password login, with lockout after repeated failures. Failures are committed (counter
 * and audit row) before the error is thrown, so a failed attempt is never lost with the rollback.
 * With two-factor sign-in on, a right password yields a short-lived challenge instead of a
 * session (second step: server/modules/two-factor/two-factor-login.ts).
 * A temporary password from an administrator opens a session only until it expires.
 * @throws RATE_LIMITED while locked, UNAUTHENTICATED on a wrong e-mail or password (BAD_CREDENTIALS)
 *   or an expired temporary password (TEMPORARY_PASSWORD_EXPIRED)
 */
export async function login(
  deps: TContextDeps,
  request: TRequestInfo,
  input: { email: string; password: string },
  settings: TSessionSettings,
): Promise<TNewSession | TLoginChallenge> {
  const anonymous: TActor = { type: 'anonymous' };
  const keys = [throttleKey('email', input.email), ...(request.ip ? [throttleKey('ip', request.ip)] : [])];
  const lockedUntil = await withContext(deps, anonymous, request, async (ctx) => {
    const until = await findActiveLock(ctx.db, keys, ctx.now());
    if (until) await ctx.audit.record('user.loginFailed', { orgId: null, metadata: { email: input.email, reason: 'LOCKED' } });
    return until;
  });
  if (lockedUntil) {
    throw new AppError('RATE_LIMITED', 'Too many failed attempts. Try again later.', { reason: 'LOGIN_LOCKED', retryAfter: lockedUntil.toISOString() });
  }
  const user = await findUserByEmail(deps.database.db, input.email);
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : (await burnVerifyTime(input.password), false);
  const failure = !user ? 'UNKNOWN_EMAIL' : !passwordOk ? 'WRONG_PASSWORD' : user.disabledAt ? 'DISABLED' : null;
  if (!failure && user?.temporaryPasswordExpiresAt && user.temporaryPasswordExpiresAt <= deps.clock()) {
    // The right password, but a temporary one past its time: not a guess, so not counted against the throttle.
    await withContext(deps, anonymous, request, (ctx) =>
      ctx.audit.record('user.loginFailed', { orgId: null, subjectType: 'user', subjectId: user.id, metadata: { email: input.email, reason: 'TEMPORARY_PASSWORD_EXPIRED' } }));
    throw new AppError('UNAUTHENTICATED', 'This temporary password has expired. Ask an administrator for a new one.', { reason: 'TEMPORARY_PASSWORD_EXPIRED' });
  }
  if (failure || !user) {
    await withContext(deps, anonymous, request, async (ctx) => {
      await recordFailure(ctx.db, 'email', keys[0]!, ctx.now());
      if (keys[1]) await recordFailure(ctx.db, 'ip', keys[1], ctx.now());
      await ctx.audit.record('user.loginFailed', { orgId: null, subjectType: user ? 'user' : undefined, subjectId: user?.id, metadata: { email: input.email, reason: failure ?? 'UNKNOWN_EMAIL' } });
    });
    throw new AppError('UNAUTHENTICATED', 'The e-mail or password is not right.', { reason: 'BAD_CREDENTIALS' });
  }
  const actor: TActor = { type: 'user', userId: user.id, email: user.email, displayName: user.displayName, isPlatformAdmin: user.isPlatformAdmin, roles: new Map(), sessionId: '' };
  return withContext(deps, actor, request, async (ctx) => {
    await clearThrottle(ctx.db, keys[0]!);
    if (await hasConfirmedTwoFactor(ctx.db, user.id)) return issueLoginChallenge(ctx, user.id);
    const session = await openSession(ctx, user.id, settings);
    await ctx.audit.record('user.loggedIn', { orgId: null, subjectType: 'user', subjectId: user.id, metadata: { email: user.email } });
    return session;
  });
}

export async function logout(ctx: TCtx): Promise<void> {
  if (ctx.actor.type !== 'user') return;
  await deleteSession(ctx.db, ctx.actor.sessionId);
  await ctx.audit.record('user.loggedOut', { orgId: null, subjectType: 'user', subjectId: ctx.actor.userId, metadata: {} });
}

/**
 * Changes the signed-in user's password (ending a temporary one) and ends their other sessions.
 * @throws UNAUTHENTICATED (WRONG_PASSWORD) when the current password is wrong, VALIDATION_FAILED
 *   for a new password against the policy or equal to the current one (SAME_PASSWORD)
 */
export async function changePassword(ctx: TCtx, input: { currentPassword: string; newPassword: string }): Promise<void> {
  if (ctx.actor.type !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('UNAUTHENTICATED', 'The current password is not right.', { reason: 'WRONG_PASSWORD' });
  }
  assertPasswordPolicy(input.newPassword, { email: user.email, displayName: user.displayName }, 'body.newPassword');
  // Above all for a temporary password: someone else has seen it, and the one it replaced may be
  // known to whoever made the reset necessary.
  const replaced = user.replacedPasswordHash !== null && (await verifyPassword(user.replacedPasswordHash, input.newPassword));
  if (input.newPassword === input.currentPassword || replaced) {
    throw new AppError('VALIDATION_FAILED', 'Choose a password different from the current one and from the one an administrator replaced.', {
      reason: 'SAME_PASSWORD', issues: [{ path: 'body.newPassword', message: 'Must differ from the current and the replaced password' }],
    });
  }
  await updatePasswordHash(ctx.db, user.id, await hashPassword(input.newPassword), ctx.now());
  await deleteOtherSessions(ctx.db, user.id, ctx.actor.sessionId);
  await ctx.audit.record('user.passwordChanged', { orgId: null, subjectType: 'user', subjectId: user.id, metadata: {} });
}

