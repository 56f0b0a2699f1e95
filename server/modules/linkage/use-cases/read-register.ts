import type { TLinkageInput } from '../../../../core/linkage/index.ts';
import type { TKeyring } from '../../../crypto/keyring.ts';
import type { TDb, TTx } from '../../../db/database.ts';
import { openIdentity, type TPersonIdentity } from '../../cases/person-identity.ts';
import { activePersons, type TActivePersonRow } from '../linkage.repo.ts';

/** The fields the linkage compares, from a person row and its decrypted identity. */
export function linkageInputOf(personId: string, identity: TPersonIdentity, sex: string | null, citizenship: string | null): TLinkageInput {
  return {
    recordId: personId,
    givenName: identity.givenName ?? null,
    surname: identity.familyName ?? null,
    dateOfBirth: identity.dateOfBirth ?? null,
    sex: sex === 'not_known' ? null : sex,
    citizenship,
    documentNumber: identity.documentNumbers?.[0] ?? null,
    phone: identity.phone ?? null,
  };
}

/**
 * Decrypts the organisation's active persons into linkage records, a page at a time with a
 * yield between pages so that a large register does not hold the event loop.
 * The plaintext stays in this process's memory; callers audit the read.
 */
export async function readRegister(db: TDb | TTx, keyring: TKeyring, orgId: string, onPage?: (done: number) => void | Promise<void>): Promise<{ records: TLinkageInput[]; rows: TActivePersonRow[] }> {
  const rows = await activePersons(db, orgId).orderBy('persons.id').execute();
  const keys = memoisedKeyring(keyring);
  const records: TLinkageInput[] = [];
  const PAGE = 500;
  for (let start = 0; start < rows.length; start += PAGE) {
    for (const row of rows.slice(start, start + PAGE)) {
      const identity = await openIdentity(keys, db, row);
      records.push(linkageInputOf(row.id, identity, row.sex, row.citizenship));
    }
    await onPage?.(records.length);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { records, rows };
}

/** One key lookup per key version instead of one per person (a register has one or two versions). */
export function memoisedKeyring(keyring: TKeyring): TKeyring {
  const versions = new Map<string, ReturnType<TKeyring['keyVersion']>>();
  return {
    ...keyring,
    keyVersion(db, orgId, version) {
      const key = `${orgId}/${version}`;
      let found = versions.get(key);
      if (!found) {
        found = keyring.keyVersion(db, orgId, version);
        versions.set(key, found);
        found.catch(() => versions.delete(key));
      }
      return found;
    },
  };
}
