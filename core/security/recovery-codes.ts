import { symbolsFromBytes } from './random-symbols.ts';

/**
 * Recovery codes: 10 single-use codes shown once at enrolment, for a lost phone. Each is 10
 * characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 50 bits, written as
 * two groups of five. Pure: the caller supplies the random bytes.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // 30 symbols
const CODE_LENGTH = 10;
/** Bytes a caller must supply per code (rejection sampling needs some spare). */
export const RECOVERY_CODE_RANDOM_BYTES = 32;

/** One code from random bytes (unbiased: see symbolsFromBytes). */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  const code = symbolsFromBytes(bytes, ALPHABET, CODE_LENGTH);
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The form codes are compared and hashed in: upper case, no separators or spaces. */
export function normaliseRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** Whether the input has the shape of a recovery code (as opposed to a 6-digit TOTP code). */
export function looksLikeRecoveryCode(input: string): boolean {
  const normalised = normaliseRecoveryCode(input);
  return normalised.length === CODE_LENGTH && [...normalised].every((char) => ALPHABET.includes(char));
}
