import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for identifying fields. The associated data binds a ciphertext to its row and
 * purpose, so a ciphertext copied into another row or column fails to open.
 * Format: `v1.` + base64url(iv ‖ tag ‖ ciphertext).
 */
const FORMAT_PREFIX = 'v1.';

export function sealBytes(key: Buffer, plaintext: Buffer, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return FORMAT_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/** @throws when the key, the associated data or the ciphertext is wrong (tampering included) */
export function openBytes(key: Buffer, sealed: string, associatedData: string): Buffer {
  if (!sealed.startsWith(FORMAT_PREFIX)) throw new Error('Unknown ciphertext format');
  const raw = Buffer.from(sealed.slice(FORMAT_PREFIX.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}

export function sealJson(key: Buffer, value: unknown, associatedData: string): string {
  return sealBytes(key, Buffer.from(JSON.stringify(value), 'utf8'), associatedData);
}

export function openJson<T>(key: Buffer, sealed: string, associatedData: string): T {
  return JSON.parse(openBytes(key, sealed, associatedData).toString('utf8')) as T;
}

/**
 * Name tokens as people type them: case, accents and punctuation ignored, every script kept
 * (Arabic, Cyrillic and Latin names are all searchable).
 */
export function normaliseNameTokens(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((token) => token.length >= 2))];
}

/** A separate key for the blind index, so index values reveal nothing about the data key. */
export function deriveIndexKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'palermo/name-index/v1', 32));
}

/** Keyed HMAC of each normalised token (truncated to 128 bits): equal names match, nothing else leaks. */
export function blindIndexTokens(indexKey: Buffer, text: string): string[] {
  return normaliseNameTokens(text).map((token) => createHmac('sha256', indexKey).update(token).digest('hex').slice(0, 32));
}
