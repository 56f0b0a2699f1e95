import { IDENTITY_CHECKS, PASSWORD_RESET_REASONS, TEMPORARY_PASSWORD_HOURS } from '../../core/security/account-recovery.ts';
import { resetMemberPassword } from '../../server/modules/auth/password-reset.ts';
import type { TCliIo } from '../cli-io.ts';
import { runAccountRecoveryCommand, temporaryPasswordLines } from './account-recovery-command.ts';

export const USERS_RESET_PASSWORD_HELP = `palermo users reset-password --email E --reason R --identity-check C

Replaces a person's password with a temporary one, printed once, and ends their sessions: for
someone who forgot it (the way back for the only platform administrator; anyone else can be given
one on the members page) or whose password may be known to someone else. Check who is asking
first. The temporary password works for ${TEMPORARY_PASSWORD_HOURS} hours and only to choose a new password; two-factor
sign-in, where enrolled, is still asked for. The reason and the check are recorded in the audit
log with your operating-system user name.

  --email E            the person's sign-in e-mail
  --reason R           ${PASSWORD_RESET_REASONS.join(' | ')}
  --identity-check C   ${IDENTITY_CHECKS.join(' | ')}

Exit status: 0 when done; 1 when there is no such person; 2 for bad options. Needs the embedded
data folder free (stop the server first).`;

export function runUsersResetPassword(io: TCliIo, args: string[]): Promise<number> {
  return runAccountRecoveryCommand(io, args, {
    help: USERS_RESET_PASSWORD_HELP,
    reasons: PASSWORD_RESET_REASONS,
    recover: async (ctx, user, reason, identityCheck) => {
      const result = await resetMemberPassword(ctx, user.id, { password: null, reason, identityCheck });
      if (!('temporaryPassword' in result)) throw new Error('a reset from the CLI cannot be refused for a password');
      return [
        `The password of ${user.email} was replaced; sessions ended: ${result.endedSessions}.`,
        ...temporaryPasswordLines({ password: result.temporaryPassword, expiresAt: result.expiresAt }),
      ];
    },
  });
}
