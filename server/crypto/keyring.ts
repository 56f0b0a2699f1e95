import { hkdfSync, randomBytes } from 'node:crypto';
import type { TDb, TTx } from '../db/database.ts';
import { deriveIndexKey, openBytes, sealBytes } from './field-encryption.ts';

/**
 * Per-organisation data keys, each wrapped by the master key. Keys are looked up in the
 * caller's transaction every time; only unwrapping is cached, keyed by the wrapped bytes, so a
 * key created in a transaction that rolls back can never be used for data that commits.
 */
export interface TOrgKey {
  version: number;
  dataKey: Buffer;
  indexKey: Buffer;
}

export interface TKeyring {
  /** The organisation's current key; created (in `db`'s transaction) on first use. */
  currentKey(db: TTx, orgId: string, now: Date): Promise<TOrgKey>;
  /** A specific version, to open older ciphertexts. @throws when it does not exist */
  keyVersion(db: TDb | TTx, orgId: string, version: number): Promise<TOrgKey>;
  /**
   * A key for data that belongs to no organisation (a user's TOTP secret), derived from the
   * master key with HKDF per purpose, so it is never the master key itself and two purposes never share one.
   */
  platformKey(purpose: string): Buffer;
  /**
   * Creates the next data-key version of an organisation (key rotation): new writes use it at
   * once; older ciphertexts still open with their own version until re-encrypted.
   */
  addVersion(db: TTx, orgId: string, now: Date): Promise<TOrgKey>;
  /** Every key version the organisation has, oldest first (searching a blind index during a rotation). */
  allVersions(db: TDb | TTx, orgId: string): Promise<TOrgKey[]>;
}

/** Associated data binding a wrapped key to its organisation and version (also used by master-key rotation). */
export const wrapContext = (orgId: string, version: number) => `palermo/org-key/${orgId}/${version}`;

export function createKeyring(masterKey: Buffer): TKeyring {
  const unwrapped = new Map<string, TOrgKey>();
  const unwrap = (orgId: string, version: number, wrappedKey: string): TOrgKey => {
    const cached = unwrapped.get(wrappedKey);
    if (cached) return cached;
    const dataKey = openBytes(masterKey, wrappedKey, wrapContext(orgId, version));
    const key = { version, dataKey, indexKey: deriveIndexKey(dataKey) };
    unwrapped.set(wrappedKey, key);
    return key;
  };
  const latest = (db: TDb | TTx, orgId: string) =>
    db.selectFrom('organisationKeys').select(['keyVersion', 'wrappedKey']).where('orgId', '=', orgId).orderBy('keyVersion', 'desc').limit(1).executeTakeFirst();

  return {
    platformKey(purpose) {
      return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `palermo/platform-key/${purpose}`, 32));
    },
    async currentKey(db, orgId, now) {
      let row = await latest(db, orgId);
      if (!row) {
        const wrappedKey = sealBytes(masterKey, randomBytes(32), wrapContext(orgId, 1));
        await db.insertInto('organisationKeys').values({ orgId, keyVersion: 1, wrappedKey, createdAt: now })
          .onConflict((conflict) => conflict.columns(['orgId', 'keyVersion']).doNothing()).execute();
        row = await latest(db, orgId);
      }
      if (!row) throw new Error('organisation key could not be created');
      return unwrap(orgId, row.keyVersion, row.wrappedKey);
    },
    async addVersion(db, orgId, now) {
      const current = await this.currentKey(db, orgId, now);
      const version = current.version + 1;
      const wrappedKey = sealBytes(masterKey, randomBytes(32), wrapContext(orgId, version));
      await db.insertInto('organisationKeys').values({ orgId, keyVersion: version, wrappedKey, createdAt: now }).execute();
      return unwrap(orgId, version, wrappedKey);
    },
    async allVersions(db, orgId) {
      const rows = await db.selectFrom('organisationKeys').select(['keyVersion', 'wrappedKey']).where('orgId', '=', orgId).orderBy('keyVersion').execute();
      return rows.map((row) => unwrap(orgId, row.keyVersion, row.wrappedKey));
    },
    async keyVersion(db, orgId, version) {
      const row = await db.selectFrom('organisationKeys').select('wrappedKey').where('orgId', '=', orgId).where('keyVersion', '=', version).executeTakeFirst();
      if (!row) throw new Error(`organisation key version ${version} is missing`);
      return unwrap(orgId, version, row.wrappedKey);
    },
  };
}
