import { symbolsFromBytes } from './random-symbols.ts';

/**
 * Account recovery by a platform administrator: resetting someone's two-factor sign-in or
 * password is the way back in for a person who lost them, and also the first thing an attacker
 * posing as that person asks for. The administrator does it only after checking who is asking,
 * and says why and how they checked, from closed lists (recorded in the audit log).
 */
export const IDENTITY_CHECKS = ['inPerson', 'videoCall', 'callToKnownNumber', 'confirmedByLineManager'] as const;
export type TIdentityCheck = (typeof IDENTITY_CHECKS)[number];

export const TWO_FACTOR_RESET_REASONS = ['lostDeviceAndCodes', 'newDeviceWithoutCodes', 'suspectedCompromise'] as const;
export type TTwoFactorResetReason = (typeof TWO_FACTOR_RESET_REASONS)[number];

export const PASSWORD_RESET_REASONS = ['forgotten', 'suspectedCompromise'] as const;
export type TPasswordResetReason = (typeof PASSWORD_RESET_REASONS)[number];

/**
 * How long a temporary password opens the account. It travels by the channel the identity was
 * checked on (in person, a call), so it should not outlive a long weekend; the holder must
 * choose their own password at the first sign-in anyway.
 */
export const TEMPORARY_PASSWORD_HOURS = 72;

/**
 * How long the initial password an administrator chose for a new account works. It is a
 * temporary password like the others (the administrator knows it), with room for onboarding.
 */
export const INITIAL_PASSWORD_DAYS = 14;

// Lower case, since people type it from a note or a call; no look-alikes (0/o, 1/i/l, z/2).
const ALPHABET = 'abcdefghjkmnpqrstuvwxy23456789'; // 30 symbols
const TEMPORARY_PASSWORD_SYMBOLS = 16; // about 78 bits
/** Bytes a caller must supply (rejection sampling needs some spare: 16 of 64 fail with p < 1e-20). */
export const TEMPORARY_PASSWORD_RANDOM_BYTES = 64;

/** A temporary password from random bytes (unbiased: see symbolsFromBytes), as four groups of four: `abcd-efgh-jkmn-pqrs`. */
export function temporaryPasswordFromBytes(bytes: Uint8Array): string {
  return symbolsFromBytes(bytes, ALPHABET, TEMPORARY_PASSWORD_SYMBOLS).match(/.{4}/g)!.join('-');
}
