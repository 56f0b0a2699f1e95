import { sql } from 'kysely';
import type { TDb, TTx } from '../../db/database.ts';
import type { TImportIssueJson } from '../../db/schema/evidence.ts';
import { CTDC_STORED_COLUMNS, type CtdcColumnBuffers } from './ctdc-columns.ts';

/** Rows per INSERT statement: each column travels as one array parameter of this length. */
export const INSERT_CHUNK_ROWS = 5_000;

export interface TImportRunRecord {
  orgId: string;
  id: string;
  source: string;
  status: string;
  isDryRun: boolean;
  isPartialAllowed: boolean;
  layout: string;
  fileName: string;
  fileBytes: number;
  fileSha256: string;
  rowCount: number;
  validRowCount: number;
  invalidRowCount: number;
  importedRowCount: number;
  issueCount: number;
  issues: TImportIssueJson[];
  isIssueListTruncated: boolean;
  warnings: TImportIssueJson[];
  startedAt: Date;
  finishedAt: Date;
  startedByType: string;
  startedById: string | null;
  startedByLabel: string | null;
  deletedAt: Date | null;
}

export type TNewImportRun = Omit<TImportRunRecord, 'id' | 'deletedAt'>;

export async function insertImportRun(tx: TTx, run: TNewImportRun): Promise<TImportRunRecord> {
  const row = await tx
    .insertInto('importRuns')
    .values({ ...run, issues: JSON.stringify(run.issues), warnings: JSON.stringify(run.warnings) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return row;
}

export function findImportRuns(db: TDb | TTx, orgId: string, limit: number): Promise<TImportRunRecord[]> {
  return db.selectFrom('importRuns').selectAll().where('orgId', '=', orgId).orderBy('startedAt', 'desc').orderBy('id').limit(limit).execute();
}

export function findImportRun(db: TDb | TTx, orgId: string, runId: string): Promise<TImportRunRecord | undefined> {
  return db.selectFrom('importRuns').selectAll().where('orgId', '=', orgId).where('id', '=', runId).executeTakeFirst();
}

/** Locks the run so that a concurrent delete and import of the same run cannot interleave. */
export function findImportRunForUpdate(tx: TTx, orgId: string, runId: string): Promise<TImportRunRecord | undefined> {
  return tx.selectFrom('importRuns').selectAll().where('orgId', '=', orgId).where('id', '=', runId).forUpdate().executeTakeFirst();
}

/**
 * Serialises imports of the same file into the same organisation until the transaction ends, so
 * that two concurrent uploads cannot both pass the duplicate check.
 */
export async function lockFileImports(tx: TTx, orgId: string, fileSha256: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${orgId}:${fileSha256}`}, 0))`.execute(tx);
}

/** A run of the organisation whose records from a file with this hash are still stored. */
export function findStoredRunOfFile(db: TDb | TTx, orgId: string, fileSha256: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('importRuns')
    .select('id')
    .where('orgId', '=', orgId)
    .where('fileSha256', '=', fileSha256)
    .where('status', 'in', ['completed', 'partial'])
    .executeTakeFirst();
}

export function updateImportRunFinished(tx: TTx, orgId: string, runId: string, finishedAt: Date): Promise<unknown> {
  return tx.updateTable('importRuns').set({ finishedAt }).where('orgId', '=', orgId).where('id', '=', runId).execute();
}

export function markImportRunDeleted(tx: TTx, orgId: string, runId: string, deletedAt: Date): Promise<unknown> {
  return tx.updateTable('importRuns').set({ status: 'deleted', deletedAt }).where('orgId', '=', orgId).where('id', '=', runId).execute();
}

export async function deleteCtdcRecordsOfRun(tx: TTx, orgId: string, runId: string): Promise<number> {
  const result = await tx.deleteFrom('externalCtdcRecords').where('orgId', '=', orgId).where('importRunId', '=', runId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Inserts rows [from, to) of the buffers in one statement: one array parameter per column,
 * spread back into rows by `unnest`. 70 parameters whatever the row count, where multi-row
 * VALUES would need 70 per row and hit PostgreSQL's 65,535-parameter limit at ~900 rows.
 */
export async function insertCtdcRecords(tx: TTx, orgId: string, runId: string, rows: CtdcColumnBuffers, from: number, to: number): Promise<void> {
  const columns = CTDC_STORED_COLUMNS;
  const targets = sql.join([sql.id('org_id'), sql.id('import_run_id'), sql.id('row_number'), ...columns.map((c) => sql.id(c.name))]);
  const selected = sql.join([
    sql`${orgId}::uuid`,
    sql`${runId}::uuid`,
    sql.ref('u.row_number'),
    ...columns.map((c) => (c.arraySeparator ? sql`string_to_array(${sql.ref(`u.${c.name}`)}, ${c.arraySeparator})` : sql.ref(`u.${c.name}`))),
  ]);
  const arrays = sql.join([
    sql`${rows.rowNumbers.slice(from, to)}::integer[]`,
    ...columns.map((c, i) => sql`${rows.values[i]!.slice(from, to)}::${sql.raw(c.sqlType)}[]`),
  ]);
  const aliases = sql.join([sql.id('row_number'), ...columns.map((c) => sql.id(c.name))]);
  await sql`insert into external_ctdc_records (${targets}) select ${selected} from unnest(${arrays}) as u(${aliases})`.execute(tx);
}

/** Column names of a table as the database has them, in order (for the schema drift test). */
export async function listTableColumns(db: TDb | TTx, table: string): Promise<string[]> {
  const result = await sql<{ columnName: string }>`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return result.rows.map((r) => r.columnName);
}
