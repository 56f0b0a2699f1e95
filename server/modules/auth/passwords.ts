import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../../core/errors/app-error.ts';
import { PASSWORD_PROBLEM_MESSAGES, passwordProblems } from '../../../core/security/password-policy.ts';
import { commonPasswords } from '../../security/common-passwords.ts';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Runs on libuv's pool, off the event loop. */
// `Algorithm.Argon2id` is an ambient const enum, which isolated modules cannot read: its value is 2.
const ARGON2ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../core/security/password-policy.ts';

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/**
 * Verifies against a throw-away hash so that a login for an unknown e-mail takes as long as one
 * for a known e-mail with a wrong password (no account enumeration by timing).
 */
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('palermo-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}

/**
 * Rejects passwords that are too short, too uniform, built on the account's e-mail or name, or
 * on the bundled list of common/breached passwords (core/security/password-policy.ts).
 * @throws AppError VALIDATION_FAILED with every issue on `path`
 */
export function assertPasswordPolicy(password: string, account: { email: string; displayName?: string | null }, path: string): void {
  const problems = passwordProblems(password, account, commonPasswords());
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The password does not meet the policy.', {
      issues: problems.map((problem) => ({ path, message: PASSWORD_PROBLEM_MESSAGES[problem] })),
      passwordProblems: problems,
    });
  }
}
