import { openBytes, openJson, sealBytes, sealJson } from '../../crypto/field-encryption.ts';
import type { TContextDeps } from '../../context.ts';
import { SEALED_COLUMN_SETS, type TSealedColumnSet } from './sealed-columns.ts';

/** Rows per transaction: short transactions keep the single embedded connection available to users. */
export const REENCRYPT_BATCH = 100;

type TRow = Record<string, unknown>;

/**
 * Re-encrypts one batch of `set` for `orgId` from any older key version to `toVersion`.
 * Returns how many rows moved (0 = this set is done for the organisation).
 */
async function reencryptBatch(deps: TContextDeps, set: TSealedColumnSet, orgId: string, toVersion: number, batchSize: number): Promise<number> {
  return deps.database.transaction(async (tx) => {
    const db = tx as unknown as { selectFrom(table: string): any; updateTable(table: string): any }; // the sets name tables and columns as data
    const columns = [...new Set([...set.primaryKey, set.keyOrgColumn, set.versionColumn, 'orgId', ...(set.extraColumns ?? []), ...set.columns.map((c) => c.column)])];
    const rows: TRow[] = await db.selectFrom(set.table).select(columns)
      .where(set.keyOrgColumn, '=', orgId).where(set.versionColumn, 'is not', null).where(set.versionColumn, '<', toVersion)
      .limit(batchSize).forUpdate().execute();
    if (rows.length === 0) return 0;
    const target = await deps.keyring.keyVersion(tx, orgId, toVersion);
    for (const row of rows) {
      const source = await deps.keyring.keyVersion(tx, orgId, Number(row[set.versionColumn]));
      const changes: TRow = { [set.versionColumn]: toVersion };
      const plaintexts: TRow = {};
      for (const column of set.columns) {
        const sealed = row[column.column];
        if (typeof sealed !== 'string') continue;
        const context = column.context(row);
        if (column.kind === 'json') {
          const value = openJson<unknown>(source.dataKey, sealed, context);
          plaintexts[column.column] = value;
          changes[column.column] = sealJson(target.dataKey, value, context);
        } else {
          changes[column.column] = sealBytes(target.dataKey, openBytes(source.dataKey, sealed, context), context);
        }
      }
      if (set.derive) Object.assign(changes, set.derive(plaintexts, target.indexKey));
      let update = db.updateTable(set.table).set(changes);
      for (const key of set.primaryKey) update = update.where(key, '=', row[key]);
      await update.execute();
    }
    return rows.length;
  });
}

/**
 * Moves every ciphertext of the organisation to key version `toVersion`, batch by batch; rows
 * already there are not selected, so stopping and starting again loses nothing (resumable).
 * Yields to the event loop between batches. `batchSize` is for tests that stop a run between
 * batches (onBatch throwing) to prove the resume.
 */
export async function reencryptOrganisation(deps: TContextDeps, orgId: string, toVersion: number, onBatch: (moved: number) => Promise<void> = async () => {}, batchSize = REENCRYPT_BATCH): Promise<number> {
  let total = 0;
  for (const set of SEALED_COLUMN_SETS) {
    for (;;) {
      const moved = await reencryptBatch(deps, set, orgId, toVersion, batchSize);
      if (moved === 0) break;
      total += moved;
      await onBatch(moved);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return total;
}
