import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors/app-error.ts';
import { IDENTITY_CHECKS, type TIdentityCheck } from '../../core/security/account-recovery.ts';
import { NO_REQUEST, withContext, type TCtx } from '../../server/context.ts';
import { findUserByEmail } from '../../server/modules/users/users.repo.ts';
import type { TCliIo } from '../cli-io.ts';
import { openAdminDatabase } from '../open-admin-database.ts';

export interface TAccountRecoveryCommand<R extends string> {
  help: string;
  reasons: readonly R[];
  /** Runs the recovery as the CLI actor; returns the lines to print. */
  recover: (ctx: TCtx, user: { id: string; email: string }, reason: R, identityCheck: TIdentityCheck) => Promise<string[]>;
}

/**
 * What `palermo users reset-two-factor` and `reset-password` share: `--email`, `--reason` and
 * `--identity-check` from closed lists, the embedded data folder, and the use case run as the
 * CLI (no administrator password: whoever runs it controls the server). The audit row names
 * the operating-system user.
 * Exit status: 0 done; 1 no such person or refused; 2 bad options.
 */
export async function runAccountRecoveryCommand<R extends string>(io: TCliIo, args: string[], command: TAccountRecoveryCommand<R>): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, reason: { type: 'string' }, 'identity-check': { type: 'string' } }, strict: true });
  const reason = values.reason as R | undefined;
  const identityCheck = values['identity-check'] as TIdentityCheck | undefined;
  if (!values.email || !reason || !command.reasons.includes(reason) || !identityCheck || !IDENTITY_CHECKS.includes(identityCheck)) {
    io.err(command.help);
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
    const lines = await withContext(opened.deps, { type: 'cli', osUser: userInfo().username }, NO_REQUEST, (ctx) => command.recover(ctx, user, reason, identityCheck));
    for (const line of lines) io.out(line);
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

/** How the CLI prints a temporary password: alone on its line, so it can be read out or copied. */
export function temporaryPasswordLines(issued: { password: string; expiresAt: string }): string[] {
  return [
    `Temporary password (shown once; give it on the channel you checked, it works until ${issued.expiresAt} and only to choose a new password):`,
    issued.password,
  ];
}
