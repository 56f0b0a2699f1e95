import { randomBytes } from 'node:crypto';
import { TEMPORARY_PASSWORD_HOURS, TEMPORARY_PASSWORD_RANDOM_BYTES, temporaryPasswordFromBytes } from '../../../core/security/account-recovery.ts';
import type { TCtx } from '../../context.ts';
import { findUserById, setTemporaryPasswordHash } from '../users/users.repo.ts';
import { clearThrottle, throttleKey } from './login-throttle.repo.ts';
import { hashPassword } from './passwords.ts';
import { deleteAllSessionsOfUser } from './sessions.repo.ts';

export interface TIssuedTemporaryPassword {
  password: string;
  expiresAt: Date;
  endedSessions: number;
}

/**
 * Replaces a user's password with a random temporary one (about 78 bits), good for
 * TEMPORARY_PASSWORD_HOURS and then only for choosing a new password. The old password stops
 * working at once, every session ends, and a login lock on the e-mail is lifted so the person
 * can use it. The caller shows the password once; only its hash is kept.
 */
export async function issueTemporaryPassword(ctx: TCtx, userId: string): Promise<TIssuedTemporaryPassword> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new Error(`no user ${userId} to give a temporary password`);
  const password = temporaryPasswordFromBytes(randomBytes(TEMPORARY_PASSWORD_RANDOM_BYTES));
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + TEMPORARY_PASSWORD_HOURS * 3_600_000);
  await setTemporaryPasswordHash(ctx.db, userId, await hashPassword(password), now, expiresAt);
  await clearThrottle(ctx.db, throttleKey('email', user.email));
  const endedSessions = await deleteAllSessionsOfUser(ctx.db, userId);
  return { password, expiresAt, endedSessions };
}
