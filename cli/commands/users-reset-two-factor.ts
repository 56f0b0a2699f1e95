import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors/app-error.ts';
import { TWO_FACTOR_IDENTITY_CHECKS, TWO_FACTOR_RESET_REASONS, type TTwoFactorIdentityCheck, type TTwoFactorResetReason } from '../../core/security/two-factor-reset.ts';
import { NO_REQUEST, withContext } from '../../server/context.ts';
import { resetMemberTwoFactor } from '../../server/modules/two-factor/two-factor-reset.ts';
import { findUserByEmail } from '../../server/modules/users/users.repo.ts';
import type { TCliIo } from '../cli-io.ts';
import { openAdminDatabase } from '../open-admin-database.ts';

export const USERS_RESET_TWO_FACTOR_HELP = `palermo users reset-two-factor --email E --reason R --identity-check C

Removes a person's two-factor enrolment and recovery codes and ends their sessions, for someone
who lost both the authenticator app and the codes. It is the way back for the only platform
administrator; anyone else can be reset by a platform administrator on the members page. Check
who is asking first: someone posing as them would ask for exactly this. The reason and the check
are recorded in the audit log with your operating-system user name.

  --email E            the person's sign-in e-mail
  --reason R           ${TWO_FACTOR_RESET_REASONS.join(' | ')}
  --identity-check C   ${TWO_FACTOR_IDENTITY_CHECKS.join(' | ')}

Exit status: 0 when reset; 1 when there is no such person or nothing to reset; 2 for bad
options. Needs the embedded data folder free (stop the server first).`;

export async function runUsersResetTwoFactor(io: TCliIo, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, reason: { type: 'string' }, 'identity-check': { type: 'string' } }, strict: true });
  const reason = values.reason as TTwoFactorResetReason | undefined;
  const identityCheck = values['identity-check'] as TTwoFactorIdentityCheck | undefined;
  if (!values.email || !reason || !TWO_FACTOR_RESET_REASONS.includes(reason) || !identityCheck || !TWO_FACTOR_IDENTITY_CHECKS.includes(identityCheck)) {
    io.err(USERS_RESET_TWO_FACTOR_HELP);
    return 2;
  }
  const opened = await openAdminDatabase(io);
  if (!opened) return 1;
  try {
    const user = await findUserByEmail(opened.database.db, values.email.trim().toLowerCase());
    if (!user) {
      io.err(`No one signs in with ${values.email}.`);
      return 1;
    }
    const result = await withContext(opened.deps, { type: 'cli', osUser: userInfo().username }, NO_REQUEST, (ctx) =>
      resetMemberTwoFactor(ctx, user.id, { password: null, reason, identityCheck }));
    if (!('endedSessions' in result)) throw new Error('a reset from the CLI cannot be refused for a password');
    io.out(`Two-factor sign-in of ${user.email} was reset; sessions ended: ${result.endedSessions}. They sign in with their password and enrol again.`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    await opened.database.close();
  }
}
