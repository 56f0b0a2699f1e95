import { z } from 'zod';
import { ZPlainDate } from '../../../core/nrm/calendar.ts';
import { blindIndexTokens, openJson, sealJson } from '../../crypto/field-encryption.ts';
import type { TKeyring } from '../../crypto/keyring.ts';
import type { TDb, TTx } from '../../db/database.ts';

/**
 * The identifying part of a person. It exists in plaintext only in memory: at rest it is one
 * AES-256-GCM ciphertext bound to the person's row, plus a blind index of the name tokens.
 */
const ZName = z.string().trim().min(1).max(200);
export const ZPersonIdentity = z.strictObject({
  givenName: ZName.optional(),
  familyName: ZName.optional(),
  otherNames: z.array(ZName).max(20).optional(),
  dateOfBirth: ZPlainDate.optional(),
  documentNumbers: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  phone: z.string().trim().min(1).max(50).optional(),
  address: z.string().trim().min(1).max(500).optional(),
  photoReference: z.string().trim().min(1).max(500).optional(),
});
export type TPersonIdentity = z.infer<typeof ZPersonIdentity>;

export const identityContext = (orgId: string, personId: string) => `palermo/person-identity/${orgId}/${personId}`;

/** Every name a person is known by, for the blind index and the display name. */
export function namesOf(identity: TPersonIdentity): string[] {
  return [identity.givenName, identity.familyName, ...(identity.otherNames ?? [])].filter((name): name is string => Boolean(name));
}

export function displayNameOf(identity: TPersonIdentity): string | null {
  const main = [identity.givenName, identity.familyName].filter(Boolean).join(' ');
  return main || identity.otherNames?.[0] || null;
}

export async function sealIdentity(keyring: TKeyring, tx: TTx, orgId: string, personId: string, identity: TPersonIdentity, now: Date) {
  const key = await keyring.currentKey(tx, orgId, now);
  return {
    identityCiphertext: sealJson(key.dataKey, identity, identityContext(orgId, personId)),
    keyVersion: key.version,
    nameIndex: [...new Set(namesOf(identity).flatMap((name) => blindIndexTokens(key.indexKey, name)))],
  };
}

export async function openIdentity(keyring: TKeyring, db: TDb | TTx, row: { orgId: string; id: string; identityCiphertext: string; keyVersion: number }): Promise<TPersonIdentity> {
  const key = await keyring.keyVersion(db, row.orgId, row.keyVersion);
  return openJson<TPersonIdentity>(key.dataKey, row.identityCiphertext, identityContext(row.orgId, row.id));
}

/**
 * Blind-index tokens of a search query, one list per key version the organisation has (a row is
 * indexed under the version that sealed it; during a key rotation both kinds exist). A row matches
 * when it holds every token of one of the lists.
 */
export async function searchTokens(keyring: TKeyring, tx: TTx, orgId: string, query: string, now: Date): Promise<string[][]> {
  await keyring.currentKey(tx, orgId, now);
  const keys = await keyring.allVersions(tx, orgId);
  return keys.map((key) => blindIndexTokens(key.indexKey, query)).filter((tokens) => tokens.length > 0);
}

/** The blind index of an identity under one key version (re-indexing after a key rotation). */
export function nameIndexOf(indexKey: Buffer, identity: TPersonIdentity): string[] {
  return [...new Set(namesOf(identity).flatMap((name) => blindIndexTokens(indexKey, name)))];
}

/**
 * Replaces the person's identity with an empty one and clears the name index (retention,
 * erasure). Sex, age, citizenship stay: they are statistical fields, not identity.
 */
export async function anonymiseIdentity(keyring: TKeyring, tx: TTx, orgId: string, personId: string, now: Date): Promise<void> {
  const sealed = await sealIdentity(keyring, tx, orgId, personId, {}, now);
  await tx.updateTable('persons').set({ ...sealed, nameIndex: [], anonymisedAt: now, updatedAt: now }).where('orgId', '=', orgId).where('id', '=', personId).execute();
}
