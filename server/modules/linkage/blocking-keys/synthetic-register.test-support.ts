/**
 * A synthetic register (core/linkage/synthetic) written straight into an organisation's tables,
 * sealed and indexed as registration does, in bulk: the equivalence test and the benchmark of the
 * indexed duplicate check. Persons only (no cases): the check does not need them.
 */
import { randomUUID } from 'node:crypto';
import { normaliseDate, type TLinkageInput, type TPersonRecord } from '../../../../core/linkage/index.ts';
import type { TContextDeps } from '../../../context.ts';
import { sealJson } from '../../../crypto/field-encryption.ts';
import { identityContext, nameIndexOf, type TPersonIdentity } from '../../cases/person-identity.ts';
import { linkageInputOf } from '../use-cases/read-register.ts';
import { blockingValuesOf } from './blocking-values.ts';
import { blockingKeyOf, hashBlockingValue } from './blocking-keys.ts';

const SEX: Record<string, string> = { F: 'female', M: 'male' };

/** A synthetic record as the intake form would send it (ISO dates, ISO 3166 alpha-2, the person's sex). */
export function registrationOf(record: TPersonRecord): { identity: TPersonIdentity; sex: string; citizenship: string | null } {
  const date = normaliseDate(record.dateOfBirth);
  const isRealDate = date !== '' && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  const identity: TPersonIdentity = {};
  if (record.givenName?.trim()) identity.givenName = record.givenName.trim();
  if (record.surname?.trim()) identity.familyName = record.surname.trim();
  if (isRealDate) identity.dateOfBirth = date;
  if (record.documentNumber) identity.documentNumbers = [record.documentNumber];
  if (record.phone) identity.phone = record.phone;
  const citizenship = record.citizenship?.slice(0, 2).toUpperCase() ?? null;
  return { identity, sex: SEX[record.sex ?? ''] ?? 'not_known', citizenship: citizenship && /^[A-Z]{2}$/.test(citizenship) ? citizenship : null };
}

/** The probe of a check for a synthetic record (what the intake would send). */
export function probeOf(record: TPersonRecord): TLinkageInput {
  const r = registrationOf(record);
  return linkageInputOf('probe', r.identity, r.sex, r.citizenship);
}

/**
 * Registers the records (person id per record id returned); `withKeys: false` leaves them
 * without blocking keys, as persons registered before migration 0016.
 */
export async function seedSyntheticRegister(deps: TContextDeps, orgId: string, records: readonly TPersonRecord[], options: { withKeys?: boolean } = {}): Promise<Map<string, string>> {
  const personOf = new Map<string, string>();
  const BATCH = 1000;
  for (let start = 0; start < records.length; start += BATCH) {
    await deps.database.transaction(async (tx) => {
      const now = deps.clock();
      // sealed as sealIdentity seals, with the key looked up once per batch
      const key = await deps.keyring.currentKey(tx, orgId, now);
      const blockingKey = blockingKeyOf(key);
      const persons = [];
      const keys = [];
      const sets = [];
      for (const record of records.slice(start, start + BATCH)) {
        const id = randomUUID();
        personOf.set(record.recordId, id);
        const r = registrationOf(record);
        const sealed = { identityCiphertext: sealJson(key.dataKey, r.identity, identityContext(orgId, id)), keyVersion: key.version, nameIndex: nameIndexOf(key.indexKey, r.identity) };
        persons.push({ orgId, id, ...sealed, sex: r.sex, ageYears: null, ageStatus: 'claimed', citizenship: r.citizenship, createdAt: now, updatedAt: now });
        if (options.withKeys === false) continue;
        const hashes = new Map<string, string>();
        for (const value of blockingValuesOf(linkageInputOf(id, r.identity, r.sex, r.citizenship))) hashes.set(hashBlockingValue(blockingKey, value), value.kind);
        for (const [keyHash, kind] of hashes) keys.push({ orgId, personId: id, keyVersion: sealed.keyVersion, kind, keyHash });
        sets.push({ orgId, personId: id, keyVersion: sealed.keyVersion, indexedAt: now });
      }
      await tx.insertInto('persons').values(persons).execute();
      for (let k = 0; k < keys.length; k += 5000) await tx.insertInto('personBlockingKeys').values(keys.slice(k, k + 5000)).execute();
      if (sets.length > 0) await tx.insertInto('personBlockingKeySets').values(sets).execute();
    });
  }
  return personOf;
}
