/**
 * The background sweep that gives blocking keys to persons who have none (registered before
 * migration 0016, or written by a path that does not maintain them) and re-keys persons whose
 * identity was re-encrypted under a newer key version (a key rotation). Batches of
 * {@link SWEEP_BATCH} persons, each its own short transaction, rows locked while computed;
 * a person done is never selected again, so stopping and starting loses nothing (resumable).
 * Runs off the request path: at start, after a key rotation, and when a check finds an
 * organisation not fully indexed (the check meanwhile scans the whole register).
 */
import type { TContextDeps } from '../../../context.ts';
import type { TDb, TTx } from '../../../db/database.ts';
import { openIdentity } from '../../cases/person-identity.ts';
import { linkageInputOf, memoisedKeyring } from '../use-cases/read-register.ts';
import { blockingKeyOf, writeKeysOf } from './blocking-keys.ts';

export const SWEEP_BATCH = 200;

const running = new Map<string, Promise<number>>();
let stopping = false;

/** Persons of the organisation without blocking keys under their current key version. */
function personsToIndex(db: TDb | TTx, orgId: string) {
  return db.selectFrom('persons').select(['persons.id', 'persons.orgId', 'persons.identityCiphertext', 'persons.keyVersion', 'persons.sex', 'persons.citizenship'])
    .where('persons.orgId', '=', orgId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('personBlockingKeySets').select('personBlockingKeySets.personId')
      .whereRef('personBlockingKeySets.personId', '=', 'persons.id').whereRef('personBlockingKeySets.keyVersion', '=', 'persons.keyVersion'))));
}

/** One batch; returns how many persons were (re-)indexed (0 = done). */
async function sweepBatch(deps: TContextDeps, orgId: string): Promise<number> {
  return deps.database.transaction(async (tx) => {
    const rows = await personsToIndex(tx, orgId).orderBy('persons.id').limit(SWEEP_BATCH).forUpdate().execute();
    const keys = memoisedKeyring(deps.keyring);
    const now = deps.clock();
    for (const row of rows) {
      const identity = await openIdentity(keys, tx, row);
      const key = await keys.keyVersion(tx, orgId, row.keyVersion);
      await writeKeysOf(tx, row, linkageInputOf(row.id, identity, row.sex, row.citizenship), blockingKeyOf(key), now);
    }
    return rows.length;
  });
}

/** Indexes the organisation to the end; one sweep per organisation at a time (a second call joins the first). */
export function sweepOrganisation(deps: TContextDeps, orgId: string): Promise<number> {
  const existing = running.get(orgId);
  if (existing) return existing;
  const work = (async () => {
    let total = 0;
    while (!stopping) {
      const done = await sweepBatch(deps, orgId);
      if (done === 0) break;
      total += done;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return total;
  })().finally(() => running.delete(orgId));
  running.set(orgId, work);
  return work;
}

/** Starts a sweep in the background (errors go to `onError`). */
export function scheduleBlockingKeySweep(deps: TContextDeps, orgId: string, onError: (error: unknown) => void): void {
  if (stopping) return;
  sweepOrganisation(deps, orgId).catch(onError);
}

/** Sweeps every organisation that has persons to index (at server start). */
export async function sweepAllOrganisations(deps: TContextDeps, onError: (error: unknown) => void): Promise<void> {
  stopping = false;
  const orgs = await deps.database.db.selectFrom('persons').select('persons.orgId').distinct()
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('personBlockingKeySets').select('personBlockingKeySets.personId')
      .whereRef('personBlockingKeySets.personId', '=', 'persons.id').whereRef('personBlockingKeySets.keyVersion', '=', 'persons.keyVersion'))))
    .execute();
  for (const { orgId } of orgs) scheduleBlockingKeySweep(deps, orgId, onError);
}

/** Stops between batches and waits for the batches in flight (the app is closing). */
export async function stopBlockingKeySweeps(): Promise<void> {
  stopping = true;
  await Promise.allSettled([...running.values()]);
}

/** Waits for every sweep (tests). */
export async function waitForBlockingKeySweeps(): Promise<void> {
  await Promise.allSettled([...running.values()]);
}

/**
 * Whether every person of the organisation has blocking keys (under some key version: a lookup
 * hashes the probe under each). Only then can the check trust the index.
 */
export async function isRegisterIndexed(db: TDb | TTx, orgId: string): Promise<boolean> {
  const missing = await db.selectFrom('persons').select('persons.id').where('persons.orgId', '=', orgId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('personBlockingKeySets').select('personBlockingKeySets.personId').whereRef('personBlockingKeySets.personId', '=', 'persons.id'))))
    .limit(1).executeTakeFirst();
  return missing === undefined;
}
