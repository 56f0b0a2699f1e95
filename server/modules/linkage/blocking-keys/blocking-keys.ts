/**
 * Per-person blocking keys (migration 0016): keyed HMACs of {@link blockingValuesOf}, written
 * wherever a person's identity is written, deleted when it is anonymised, re-keyed after a key
 * rotation (by the sweep in blocking-key-sweep.ts). The HMAC key is derived with HKDF from the
 * organisation's data key of the person's key version, with its own label, so blocking keys are
 * unrelated to the name index and to other organisations' keys. During a rotation a person's
 * keys may still be under the old version: lookups hash the probe under every version.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import type { TLinkageInput } from '../../../../core/linkage/index.ts';
import type { TKeyring, TOrgKey } from '../../../crypto/keyring.ts';
import type { TDb, TTx } from '../../../db/database.ts';
import type { TPersonIdentity } from '../../cases/person-identity.ts';
import { linkageInputOf } from '../use-cases/read-register.ts';
import { blockingValuesOf, type TBlockingValue } from './blocking-values.ts';

const derived = new WeakMap<Buffer, Buffer>();

/** The blocking HMAC key of one organisation key version. */
export function blockingKeyOf(key: TOrgKey): Buffer {
  let found = derived.get(key.dataKey);
  if (!found) {
    found = Buffer.from(hkdfSync('sha256', key.dataKey, Buffer.alloc(0), 'palermo/linkage-blocking/v1', 32));
    derived.set(key.dataKey, found);
  }
  return found;
}

/** HMAC of kind and value, truncated to 128 bits (the kind is inside the MAC: equal values of two kinds never collide). */
export function hashBlockingValue(blockingKey: Buffer, value: TBlockingValue): string {
  return createHmac('sha256', blockingKey).update(`${value.kind}\u0000${value.value}`).digest('hex').slice(0, 32);
}

/**
 * Replaces a person's blocking keys with those of `identity` under the person's key version and
 * marks the person indexed. Runs in the caller's transaction.
 */
export async function writePersonBlockingKeys(
  db: TTx, keyring: TKeyring,
  person: { orgId: string; id: string; keyVersion: number; sex: string | null; citizenship: string | null },
  identity: TPersonIdentity, now: Date,
): Promise<void> {
  const key = await keyring.keyVersion(db, person.orgId, person.keyVersion);
  await writeKeysOf(db, person, linkageInputOf(person.id, identity, person.sex, person.citizenship), blockingKeyOf(key), now);
}

export async function writeKeysOf(db: TDb | TTx, person: { orgId: string; id: string; keyVersion: number }, input: TLinkageInput, blockingKey: Buffer, now: Date): Promise<void> {
  const hashes = new Map<string, string>();
  for (const value of blockingValuesOf(input)) hashes.set(hashBlockingValue(blockingKey, value), value.kind);
  await db.deleteFrom('personBlockingKeys').where('personId', '=', person.id).execute();
  if (hashes.size > 0) {
    await db.insertInto('personBlockingKeys')
      .values([...hashes].map(([keyHash, kind]) => ({ orgId: person.orgId, personId: person.id, keyVersion: person.keyVersion, kind, keyHash })))
      .execute();
  }
  await db.insertInto('personBlockingKeySets').values({ orgId: person.orgId, personId: person.id, keyVersion: person.keyVersion, indexedAt: now })
    .onConflict((conflict) => conflict.column('personId').doUpdateSet({ keyVersion: person.keyVersion, indexedAt: now })).execute();
}

/**
 * Erasure and retention: the person's blocking keys go with the identity (the person stays
 * indexed, with nothing to block on, as an empty identity has).
 */
export async function deletePersonBlockingKeys(db: TTx, orgId: string, personId: string): Promise<void> {
  await db.deleteFrom('personBlockingKeys').where('orgId', '=', orgId).where('personId', '=', personId).execute();
}
