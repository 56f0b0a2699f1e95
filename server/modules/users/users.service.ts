import { AppError } from '../../../core/errors/app-error.ts';
import type { TCtx } from '../../context.ts';
import type { TUserRow } from '../../db/schema/foundation.ts';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.ts';
import { findUserByEmail, insertUser } from './users.repo.ts';

export interface TCreateUserInput {
  email: string;
  displayName: string;
  password: string;
  isPlatformAdmin: boolean;
  /** The organisation whose chain records the creation; null for platform-level creation. */
  auditOrgId: string | null;
  /** Where the password sits in the request, for error paths. */
  passwordPath?: string;
  /** Someone else chose the password: it works until then, and only for choosing one's own. */
  temporaryPasswordUntil?: Date | null;
}

/**
 * Creates a user account with an argon2id password hash.
 * @throws CONFLICT (EMAIL_TAKEN) when the e-mail is in use; VALIDATION_FAILED for a weak password
 */
export async function createUser(ctx: TCtx, input: TCreateUserInput): Promise<TUserRow> {
  assertPasswordPolicy(input.password, { email: input.email, displayName: input.displayName }, input.passwordPath ?? 'password');
  if (await findUserByEmail(ctx.db, input.email)) {
    throw new AppError('CONFLICT', 'A user with this e-mail already exists.', { reason: 'EMAIL_TAKEN' });
  }
  const user = await insertUser(ctx.db, {
    email: input.email,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    isPlatformAdmin: input.isPlatformAdmin,
    createdAt: ctx.now(),
    temporaryPasswordExpiresAt: input.temporaryPasswordUntil ?? null,
  });
  await ctx.audit.record('user.created', {
    orgId: input.auditOrgId,
    subjectType: 'user',
    subjectId: user.id,
    metadata: { email: user.email, isPlatformAdmin: user.isPlatformAdmin },
  });
  return user;
}
