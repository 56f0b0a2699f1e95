import { IDENTITY_CHECKS, TWO_FACTOR_RESET_REASONS } from '../../core/security/account-recovery.ts';
import { resetMemberTwoFactor } from '../../server/modules/two-factor/two-factor-reset.ts';
import type { TCliIo } from '../cli-io.ts';
import { runAccountRecoveryCommand, temporaryPasswordLines } from './account-recovery-command.ts';

export const USERS_RESET_TWO_FACTOR_HELP = `palermo users reset-two-factor --email E --reason R --identity-check C

Removes a person's two-factor enrolment and recovery codes and ends their sessions, for someone
who lost both the authenticator app and the codes. It is the way back for the only platform
administrator; anyone else can be reset by a platform administrator on the members page. Check
who is asking first: someone posing as them would ask for exactly this. The reason and the check
are recorded in the audit log with your operating-system user name. For suspectedCompromise the
password is replaced by a temporary one too, printed once.

  --email E            the person's sign-in e-mail
  --reason R           ${TWO_FACTOR_RESET_REASONS.join(' | ')}
  --identity-check C   ${IDENTITY_CHECKS.join(' | ')}

Exit status: 0 when reset; 1 when there is no such person or nothing to reset; 2 for bad
options. Needs the embedded data folder free (stop the server first).`;

export function runUsersResetTwoFactor(io: TCliIo, args: string[]): Promise<number> {
  return runAccountRecoveryCommand(io, args, {
    help: USERS_RESET_TWO_FACTOR_HELP,
    reasons: TWO_FACTOR_RESET_REASONS,
    recover: async (ctx, user, reason, identityCheck) => {
      const result = await resetMemberTwoFactor(ctx, user.id, { password: null, reason, identityCheck });
      if (!('endedSessions' in result)) throw new Error('a reset from the CLI cannot be refused for a password');
      if (result.temporaryPassword) {
        return [`Two-factor sign-in of ${user.email} was reset and their password replaced; sessions ended: ${result.endedSessions}.`, ...temporaryPasswordLines(result.temporaryPassword)];
      }
      return [`Two-factor sign-in of ${user.email} was reset; sessions ended: ${result.endedSessions}. They sign in with their password and enrol again.`];
    },
  });
}
