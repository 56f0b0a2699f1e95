import type { TDatabase } from '../../db/database.ts';
import { createKeyring } from '../../crypto/keyring.ts';
import { rewrapOrganisationKeys, type TRotationProgress } from '../../crypto/master-key-rotation.ts';
import { openTotpSecret, sealTotpSecret } from '../two-factor/two-factor-secrets.ts';

/**
 * Everything the master key protects, moved to a new master key: the organisations' data keys
 * (re-wrapped) and the data sealed under keys derived from the master key itself (users' TOTP
 * secrets, re-sealed). Resumable: what already opens with the new key is skipped.
 */
export async function rotateMasterKey(database: TDatabase, oldKey: Buffer, newKey: Buffer, onProgress: (step: string, progress: TRotationProgress) => void = () => {}) {
  const organisationKeys = await rewrapOrganisationKeys(database, oldKey, newKey, (progress) => onProgress('organisation keys', progress));
  const oldKeyring = createKeyring(oldKey);
  const newKeyring = createKeyring(newKey);
  const secrets = await database.db.selectFrom('userTwoFactor').select('userId').orderBy('userId').execute();
  const twoFactor: TRotationProgress = { total: secrets.length, rewrapped: 0, alreadyRewrapped: 0 };
  for (const { userId } of secrets) {
    await database.transaction(async (tx) => {
      const row = await tx.selectFrom('userTwoFactor').select('secretCiphertext').where('userId', '=', userId).forUpdate().executeTakeFirstOrThrow();
      try {
        openTotpSecret(newKeyring, userId, row.secretCiphertext);
        twoFactor.alreadyRewrapped += 1;
        return;
      } catch {
        // Not yet moved: open with the old key below.
      }
      const secret = openTotpSecret(oldKeyring, userId, row.secretCiphertext);
      await tx.updateTable('userTwoFactor').set({ secretCiphertext: sealTotpSecret(newKeyring, userId, secret) }).where('userId', '=', userId).execute();
      twoFactor.rewrapped += 1;
    });
    onProgress('two-factor secrets', twoFactor);
  }
  return { organisationKeys, twoFactor };
}
