import type { TDatabase } from '../db/database.ts';
import { openBytes, sealBytes } from './field-encryption.ts';
import { wrapContext } from './keyring.ts';

/**
 * Master-key rotation: every organisation data key is unwrapped with the old master key and
 * wrapped again with the new one. Data encrypted under the data keys does not change (that is
 * the point of wrapping), so this is quick at any size.
 *
 * Resumable without any bookkeeping: a row that already opens with the new key is skipped, so an
 * interrupted run is finished by running it again with the same two keys. Each row is its own
 * transaction. Must run while no server uses the database (the CLI checks the embedded lock; on
 * PostgreSQL stop the servers first): a server holding the old key could not read re-wrapped rows.
 */
export interface TRotationProgress {
  total: number;
  rewrapped: number;
  alreadyRewrapped: number;
}

function opensWith(key: Buffer, sealed: string, context: string): Buffer | null {
  try {
    return openBytes(key, sealed, context);
  } catch {
    return null;
  }
}

export async function rewrapOrganisationKeys(database: TDatabase, oldKey: Buffer, newKey: Buffer, onProgress: (progress: TRotationProgress) => void = () => {}): Promise<TRotationProgress> {
  if (oldKey.equals(newKey)) throw new Error('The new master key is the same as the current one.');
  const rows = await database.db.selectFrom('organisationKeys').select(['orgId', 'keyVersion']).orderBy('orgId').orderBy('keyVersion').execute();
  const progress: TRotationProgress = { total: rows.length, rewrapped: 0, alreadyRewrapped: 0 };
  for (const { orgId, keyVersion } of rows) {
    await database.transaction(async (tx) => {
      const row = await tx.selectFrom('organisationKeys').select('wrappedKey').where('orgId', '=', orgId).where('keyVersion', '=', keyVersion).forUpdate().executeTakeFirstOrThrow();
      const context = wrapContext(orgId, keyVersion);
      if (opensWith(newKey, row.wrappedKey, context)) {
        progress.alreadyRewrapped += 1;
        return;
      }
      const dataKey = opensWith(oldKey, row.wrappedKey, context);
      if (!dataKey) throw new Error(`The data key of organisation ${orgId} (version ${keyVersion}) opens with neither the current nor the new master key.`);
      await tx.updateTable('organisationKeys').set({ wrappedKey: sealBytes(newKey, dataKey, context) }).where('orgId', '=', orgId).where('keyVersion', '=', keyVersion).execute();
      progress.rewrapped += 1;
    });
    onProgress(progress);
  }
  return progress;
}

/** Every wrapped data key opens with `key` (after a rotation, before starting servers again). */
export async function verifyOrganisationKeys(database: TDatabase, key: Buffer): Promise<{ total: number; failing: string[] }> {
  const rows = await database.db.selectFrom('organisationKeys').select(['orgId', 'keyVersion', 'wrappedKey']).execute();
  const failing = rows.filter((row) => !opensWith(key, row.wrappedKey, wrapContext(row.orgId, row.keyVersion))).map((row) => `${row.orgId}@${row.keyVersion}`);
  return { total: rows.length, failing };
}
