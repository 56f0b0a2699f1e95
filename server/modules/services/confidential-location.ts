import type { TKeyring } from '../../crypto/keyring.ts';
import { openJson, sealJson } from '../../crypto/field-encryption.ts';
import type { TDb, TTx } from '../../db/database.ts';
import type { TAddress } from './services.schemas.ts';

/**
 * What a confidential location hides: everything that could lead someone to a shelter. It is
 * sealed under the provider organisation's key, bound to the location row, and opened only for
 * members of that organisation.
 */
export interface TLocationDetails {
  name: string | null;
  description: string | null;
  address: TAddress | null;
  latitude: number | null;
  longitude: number | null;
}

export const confidentialLocationContext = (orgId: string, locationId: string) => `palermo/confidential-location/${orgId}/${locationId}`;

export async function sealLocationDetails(keyring: TKeyring, tx: TTx, orgId: string, locationId: string, details: TLocationDetails, now: Date) {
  const key = await keyring.currentKey(tx, orgId, now);
  return { confidentialCiphertext: sealJson(key.dataKey, details, confidentialLocationContext(orgId, locationId)), keyVersion: key.version };
}

export async function openLocationDetails(keyring: TKeyring, db: TDb | TTx, row: { orgId: string; id: string; confidentialCiphertext: string | null; keyVersion: number | null }): Promise<TLocationDetails> {
  if (!row.confidentialCiphertext || row.keyVersion === null) throw new Error('location has no sealed details');
  const key = await keyring.keyVersion(db, row.orgId, row.keyVersion);
  return openJson<TLocationDetails>(key.dataKey, row.confidentialCiphertext, confidentialLocationContext(row.orgId, row.id));
}
