import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../../core/errors/app-error.ts';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Runs on libuv's pool, off the event loop. */
// `Algorithm.Argon2id` is an ambient const enum, which isolated modules cannot read: its value is 2.
const ARGON2ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

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
 * Rejects passwords that are too short or too close to the e-mail.
 * @throws AppError VALIDATION_FAILED with the issue on `path`
 */
export function assertPasswordPolicy(password: string, email: string, path: string): void {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters.`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  const localPart = email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 4 && password.toLowerCase().includes(localPart)) problems.push('Do not use your e-mail address in the password.');
  if (new Set(password).size < 5) problems.push('Use more varied characters.');
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The password does not meet the policy.', {
      issues: problems.map((message) => ({ path, message })),
    });
  }
}
