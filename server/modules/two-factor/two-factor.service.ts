import QRCode from 'qrcode';
import { AppError } from '../../../core/errors/app-error.ts';
import { isTwoFactorRequired } from '../../../core/security/two-factor-policy.ts';
import { looksLikeRecoveryCode } from '../../../core/security/recovery-codes.ts';
import { otpauthUri, base32Encode, verifyTotp } from '../../../core/security/totp.ts';
import type { TActor, TCtx } from '../../context.ts';
import type { TDb, TTx } from '../../db/database.ts';
import { requireUser } from '../../authz/policy.ts';
import { findUserById } from '../users/users.repo.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { clearThrottle, findActiveLock, recordFailure } from '../auth/login-throttle.repo.ts';
import { findTwoFactorRequirements } from '../security-policy/security-policy.repo.ts';
import { DeferredFailure } from './deferred-failure.ts';
import {
  countUnusedRecoveryCodes, deleteTwoFactor, findTwoFactor, findTwoFactorForUpdate, hasConfirmedTwoFactor, markStepUsed,
  replaceRecoveryCodes, savePendingSecret, useRecoveryCode,
} from './two-factor.repo.ts';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, openTotpSecret, sealTotpSecret } from './two-factor-secrets.ts';

export const TOTP_ISSUER = 'Palermo';

/** What a second-factor code was checked for (the `purpose` of `twoFactor.failed`). */
export type TCodePurpose = 'login' | 'enrolment' | 'disable' | 'recovery_codes' | 'administrator_reset';

/**
 * Wrong codes are throttled like wrong passwords (the e-mail rule: 5 failures in 15 minutes lock
 * for 15 minutes), per user, across challenges: a thief with the password cannot try 10^6 codes.
 */
export const twoFactorThrottleKey = (userId: string) => `two-factor:${userId}`;

export interface TTwoFactorStatus {
  enabled: boolean;
  pendingEnrolment: boolean;
  recoveryCodesLeft: number;
  /** Organisations whose policy requires two-factor sign-in of this user. */
  requiredBy: string[];
}

/** Organisations (of the actor's memberships) whose policy requires two-factor sign-in of them. */
export async function organisationsRequiringTwoFactor(db: TDb | TTx, actor: Extract<TActor, { type: 'user' }>): Promise<string[]> {
  const requirements = await findTwoFactorRequirements(db, [...actor.roles.keys()]);
  return [...requirements].filter(([orgId, requirement]) => isTwoFactorRequired(requirement, actor.roles.get(orgId)!)).map(([orgId]) => orgId);
}

export async function getTwoFactorStatus(ctx: TCtx): Promise<TTwoFactorStatus> {
  const actor = requireUser(ctx.actor);
  const row = await findTwoFactor(ctx.db, actor.userId);
  return {
    enabled: Boolean(row?.confirmedAt),
    pendingEnrolment: Boolean(row && !row.confirmedAt),
    recoveryCodesLeft: row?.confirmedAt ? await countUnusedRecoveryCodes(ctx.db, actor.userId) : 0,
    requiredBy: await organisationsRequiringTwoFactor(ctx.db, actor),
  };
}

/**
 * Starts (or restarts) enrolment: a new secret, sealed, not yet protecting anything until a
 * code from it is confirmed. The secret is shown once, as text and as a QR code.
 * @throws DOMAIN_RULE_VIOLATED (TWO_FACTOR_ALREADY_ENABLED) when enrolment is already confirmed
 */
export async function startEnrolment(ctx: TCtx): Promise<{ secret: string; otpauthUri: string; qrSvg: string }> {
  const actor = requireUser(ctx.actor);
  if (await hasConfirmedTwoFactor(ctx.db, actor.userId)) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'Two-factor sign-in is already on. Turn it off first to enrol another device.', { reason: 'TWO_FACTOR_ALREADY_ENABLED' });
  }
  const secret = newTotpSecret();
  await savePendingSecret(ctx.db, actor.userId, sealTotpSecret(ctx.keyring, actor.userId, secret), ctx.now());
  await ctx.audit.record('twoFactor.enrolmentStarted', { orgId: null, subjectType: 'user', subjectId: actor.userId, metadata: {} });
  const uri = otpauthUri({ secret, issuer: TOTP_ISSUER, account: actor.email });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret: base32Encode(secret), otpauthUri: uri, qrSvg };
}

/** Throttle check + lock-out refusal, audited. Returns the failure, or null when not locked. */
export async function refuseWhileLocked(ctx: TCtx, userId: string, purpose: TCodePurpose): Promise<DeferredFailure | null> {
  const lockedUntil = await findActiveLock(ctx.db, [twoFactorThrottleKey(userId)], ctx.now());
  if (!lockedUntil) return null;
  await ctx.audit.record('twoFactor.failed', { orgId: null, subjectType: 'user', subjectId: userId, metadata: { reason: 'LOCKED', purpose } });
  return new DeferredFailure(new AppError('RATE_LIMITED', 'Too many wrong codes. Try again later.', { reason: 'TWO_FACTOR_LOCKED', retryAfter: lockedUntil.toISOString() }));
}

/** Counts and audits a wrong code; the caller commits before refusing. */
export async function recordWrongCode(ctx: TCtx, userId: string, purpose: TCodePurpose): Promise<DeferredFailure> {
  await recordFailure(ctx.db, 'email', twoFactorThrottleKey(userId), ctx.now());
  await ctx.audit.record('twoFactor.failed', { orgId: null, subjectType: 'user', subjectId: userId, metadata: { reason: 'WRONG_CODE', purpose } });
  return new DeferredFailure(new AppError('UNAUTHENTICATED', 'The code is not right (or was already used).', { reason: 'WRONG_TWO_FACTOR_CODE' }));
}

/**
 * Checks a code of a confirmed or pending enrolment: a TOTP code (its step then becomes the
 * last used one, so it cannot be replayed) or, when allowed, an unused recovery code (then spent).
 */
export async function checkSecondFactor(ctx: TCtx, userId: string, code: string, options: { allowRecoveryCode: boolean; confirm?: boolean }): Promise<'totp' | 'recovery_code' | null> {
  const row = await findTwoFactorForUpdate(ctx.db, userId);
  if (!row) return null;
  if (options.allowRecoveryCode && looksLikeRecoveryCode(code)) {
    return (await useRecoveryCode(ctx.db, userId, hashRecoveryCode(userId, code), ctx.now())) ? 'recovery_code' : null;
  }
  const step = verifyTotp(openTotpSecret(ctx.keyring, userId, row.secretCiphertext), code, ctx.now(), row.lastUsedStep);
  if (step === null) return null;
  await markStepUsed(ctx.db, userId, step, ctx.now(), options.confirm ?? false);
  return 'totp';
}

/**
 * Confirms enrolment with a code from the new secret and hands out 10 recovery codes, shown
 * this once (only their hashes are kept).
 */
export async function confirmEnrolment(ctx: TCtx, code: string): Promise<{ recoveryCodes: string[] } | DeferredFailure> {
  const actor = requireUser(ctx.actor);
  const row = await findTwoFactor(ctx.db, actor.userId);
  if (!row || row.confirmedAt) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'There is no enrolment waiting for a code. Start again.', { reason: 'NO_PENDING_ENROLMENT' });
  }
  const locked = await refuseWhileLocked(ctx, actor.userId, 'enrolment');
  if (locked) return locked;
  if (!(await checkSecondFactor(ctx, actor.userId, code, { allowRecoveryCode: false, confirm: true }))) return recordWrongCode(ctx, actor.userId, 'enrolment');
  const recoveryCodes = newRecoveryCodes();
  await replaceRecoveryCodes(ctx.db, actor.userId, recoveryCodes.map((recoveryCode) => hashRecoveryCode(actor.userId, recoveryCode)));
  await clearThrottle(ctx.db, twoFactorThrottleKey(actor.userId));
  await ctx.audit.record('twoFactor.enabled', { orgId: null, subjectType: 'user', subjectId: actor.userId, metadata: { recoveryCodes: recoveryCodes.length } });
  return { recoveryCodes };
}

/** A wrong password counts against the same throttle as a wrong code (the caller commits, then refuses). */
export async function refuseWrongPassword(ctx: TCtx, userId: string, password: string): Promise<DeferredFailure | null> {
  const user = await findUserById(ctx.db, userId);
  if (user && (await verifyPassword(user.passwordHash, password))) return null;
  await recordFailure(ctx.db, 'email', twoFactorThrottleKey(userId), ctx.now());
  return new DeferredFailure(new AppError('UNAUTHENTICATED', 'The password is not right.', { reason: 'WRONG_PASSWORD' }));
}

/**
 * Turns two-factor sign-in off: needs the password and a current code (or a recovery code), so
 * a session left open on a shared computer is not enough. If an organisation requires it, the
 * user is then held to re-enrolment by the gate.
 */
export async function disableTwoFactor(ctx: TCtx, input: { password: string; code: string }): Promise<void | DeferredFailure> {
  const actor = requireUser(ctx.actor);
  if (!(await hasConfirmedTwoFactor(ctx.db, actor.userId))) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'Two-factor sign-in is not on.', { reason: 'TWO_FACTOR_NOT_ENABLED' });
  }
  const locked = await refuseWhileLocked(ctx, actor.userId, 'disable');
  if (locked) return locked;
  const wrongPassword = await refuseWrongPassword(ctx, actor.userId, input.password);
  if (wrongPassword) return wrongPassword;
  if (!(await checkSecondFactor(ctx, actor.userId, input.code, { allowRecoveryCode: true }))) return recordWrongCode(ctx, actor.userId, 'disable');
  await deleteTwoFactor(ctx.db, actor.userId);
  await clearThrottle(ctx.db, twoFactorThrottleKey(actor.userId));
  await ctx.audit.record('twoFactor.disabled', { orgId: null, subjectType: 'user', subjectId: actor.userId, metadata: {} });
}

/**
 * Replaces every recovery code (used or not) with 10 new ones, shown this once. Needs the password
 * and a current code from the app: a recovery code cannot mint more recovery codes, so a leaked
 * sheet of codes cannot be renewed by whoever found it.
 * @throws DOMAIN_RULE_VIOLATED (TWO_FACTOR_NOT_ENABLED) when two-factor sign-in is off
 */
export async function regenerateRecoveryCodes(ctx: TCtx, input: { password: string; code: string }): Promise<{ recoveryCodes: string[] } | DeferredFailure> {
  const actor = requireUser(ctx.actor);
  if (!(await hasConfirmedTwoFactor(ctx.db, actor.userId))) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'Two-factor sign-in is not on.', { reason: 'TWO_FACTOR_NOT_ENABLED' });
  }
  const locked = await refuseWhileLocked(ctx, actor.userId, 'recovery_codes');
  if (locked) return locked;
  const wrongPassword = await refuseWrongPassword(ctx, actor.userId, input.password);
  if (wrongPassword) return wrongPassword;
  if (!(await checkSecondFactor(ctx, actor.userId, input.code, { allowRecoveryCode: false }))) return recordWrongCode(ctx, actor.userId, 'recovery_codes');
  const recoveryCodes = newRecoveryCodes();
  await replaceRecoveryCodes(ctx.db, actor.userId, recoveryCodes.map((recoveryCode) => hashRecoveryCode(actor.userId, recoveryCode)));
  await clearThrottle(ctx.db, twoFactorThrottleKey(actor.userId));
  await ctx.audit.record('twoFactor.recoveryCodesRegenerated', { orgId: null, subjectType: 'user', subjectId: actor.userId, metadata: { recoveryCodes: recoveryCodes.length } });
  return { recoveryCodes };
}
