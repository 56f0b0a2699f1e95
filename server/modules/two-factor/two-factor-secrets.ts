import { createHash, randomBytes } from 'node:crypto';
import { normaliseRecoveryCode, RECOVERY_CODE_COUNT, RECOVERY_CODE_RANDOM_BYTES, recoveryCodeFromBytes } from '../../../core/security/recovery-codes.ts';
import type { TKeyring } from '../../crypto/keyring.ts';
import { openBytes, sealBytes } from '../../crypto/field-encryption.ts';

/** 160 bits, the length RFC 4226 recommends for HMAC-SHA1. */
const SECRET_BYTES = 20;
const PLATFORM_KEY_PURPOSE = 'two-factor-secret/v1';
/** Binds the ciphertext to its user: a secret copied onto another user's row does not open. */
const secretContext = (userId: string) => `palermo/two-factor-secret/${userId}`;

export function newTotpSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

export function sealTotpSecret(keyring: TKeyring, userId: string, secret: Buffer): string {
  return sealBytes(keyring.platformKey(PLATFORM_KEY_PURPOSE), secret, secretContext(userId));
}

export function openTotpSecret(keyring: TKeyring, userId: string, sealed: string): Buffer {
  return openBytes(keyring.platformKey(PLATFORM_KEY_PURPOSE), sealed, secretContext(userId));
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCodeFromBytes(randomBytes(RECOVERY_CODE_RANDOM_BYTES)));
}

/**
 * Recovery codes carry ~50 random bits each and are single use, so a salted SHA-256 is enough
 * (a slow hash guards low-entropy secrets such as passwords; these are not).
 */
export function hashRecoveryCode(userId: string, code: string): string {
  return createHash('sha256').update(`${userId}:${normaliseRecoveryCode(code)}`).digest('hex');
}
