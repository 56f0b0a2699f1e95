import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The master key wraps every organisation's data key (identity encryption). It comes from
 * PALERMO_MASTER_KEY or from `master.key` in the data folder, created at first start with 0600
 * permissions. It is never logged and never stored in the database, so a database dump alone
 * does not reveal identities.
 */
export const MASTER_KEY_FILE = 'master.key';
const KEY_BYTES = 32;

export type TMasterKeySource = 'environment' | 'key-file-created' | 'key-file';

/** Decodes a 32-byte key given as 64 hex characters or base64. @throws on any other length */
export function decodeMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const decoded = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (decoded.length !== KEY_BYTES) throw new Error(`The master key must be ${KEY_BYTES} bytes (64 hex characters or 44 base64 characters).`);
  return decoded;
}

/** Loads the master key, creating the key file when neither source exists yet. */
export function loadOrCreateMasterKey(options: { fromEnvironment: string | undefined; dataDir: string }): { key: Buffer; source: TMasterKeySource } {
  if (options.fromEnvironment) return { key: decodeMasterKey(options.fromEnvironment), source: 'environment' };
  const path = join(options.dataDir, MASTER_KEY_FILE);
  if (existsSync(path)) {
    // A key readable by other users of the machine is a leak waiting to happen: tighten it.
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    return { key: decodeMasterKey(readFileSync(path, 'utf8')), source: 'key-file' };
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, source: 'key-file-created' };
}
