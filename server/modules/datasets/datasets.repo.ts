import { sql } from 'kysely';
import type { TDb, TTx } from '../../db/database.ts';
import type { TImportIssueJson } from '../../db/schema/evidence.ts';
import { CTDC_STORED_COLUMNS, FLAG_COLUMN_INDEXES, FLAGS_PER_WORD, VALUE_COLUMN_INDEXES, type CtdcColumnBuffers } from './ctdc-columns.ts';

/** Rows per INSERT statement: each column travels as one array parameter of this length. */
export const INSERT_CHUNK_ROWS = 10_000;

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

/** Fills in the report of a run inserted while its file was still being read. */
export async function updateImportRunReport(tx: TTx, orgId: string, runId: string, run: TNewImportRun): Promise<TImportRunRecord> {
  return tx
    .updateTable('importRuns')
    .set({ ...run, issues: JSON.stringify(run.issues), warnings: JSON.stringify(run.warnings) })
    .where('orgId', '=', orgId)
    .where('id', '=', runId)
    .returningAll()
    .executeTakeFirstOrThrow();
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
 * One array literal (`{1,NULL,"text"}`) built directly: cheaper than the driver's generic array
 * serialisation (which quotes every element), and the same text PostgreSQL's array_in reads.
 */
export function arrayLiteral(values: readonly (string | number | boolean | null)[], from: number, to: number): string {
  const parts = new Array<string>(to - from);
  for (let i = from; i < to; i++) {
    const v = values[i];
    parts[i - from] = v === null || v === undefined ? 'NULL'
      : typeof v === 'number' ? String(v)
      : typeof v === 'boolean' ? (v ? 't' : 'f')
      // Quoted, so commas, braces, spaces and the word NULL stay text.
      : `"${v.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `{${parts.join(',')}}`;
}

/** The select list: each stored column from the unnested arrays (flags unpacked from their words). */
const SELECTED_COLUMNS = CTDC_STORED_COLUMNS.map((c, i) => {
  const f = FLAG_COLUMN_INDEXES.indexOf(i);
  if (f >= 0) {
    const word = Math.floor(f / FLAGS_PER_WORD);
    const bit = 1 << (f % FLAGS_PER_WORD);
    return sql`case when ${sql.ref(`u.r${word}`)} & ${sql.lit(bit)} = 0 then null else ${sql.ref(`u.t${word}`)} & ${sql.lit(bit)} <> 0 end`;
  }
  return c.arraySeparator ? sql`string_to_array(${sql.ref(`u.${c.name}`)}, ${sql.lit(c.arraySeparator)})` : sql.ref(`u.${c.name}`);
});

/**
 * Inserts rows [from, to) of the buffers in one statement: one array parameter per column,
 * spread back into rows by `unnest` (a fixed number of parameters whatever the row count, where
 * multi-row VALUES would hit PostgreSQL's 65,535-parameter limit at ~900 rows). The 53 flag
 * columns travel packed (see CtdcColumnBuffers) in four integer arrays and are unpacked by bit
 * tests: parsing 53 boolean arrays was about half the cost of storing a file on the embedded
 * database (bench/stats.ts, ctdc_import_vs_copy).
 */
export async function insertCtdcRecords(tx: TTx, orgId: string, runId: string, rows: CtdcColumnBuffers, from: number, to: number): Promise<void> {
  const targets = sql.join([sql.id('org_id'), sql.id('import_run_id'), sql.id('row_number'), ...CTDC_STORED_COLUMNS.map((c) => sql.id(c.name))]);
  const selected = sql.join([sql`${orgId}::uuid`, sql`${runId}::uuid`, sql.ref('u.row_number'), ...SELECTED_COLUMNS]);
  const arrays = sql.join([
    sql`${arrayLiteral(rows.rowNumbers, from, to)}::integer[]`,
    ...VALUE_COLUMN_INDEXES.map((i) => sql`${arrayLiteral(rows.values[i]!, from, to)}::${sql.raw(CTDC_STORED_COLUMNS[i]!.sqlType)}[]`),
    ...rows.recorded.map((words) => sql`${arrayLiteral(words, from, to)}::integer[]`),
    ...rows.set.map((words) => sql`${arrayLiteral(words, from, to)}::integer[]`),
  ]);
  const aliases = sql.join([
    sql.id('row_number'),
    ...VALUE_COLUMN_INDEXES.map((i) => sql.id(CTDC_STORED_COLUMNS[i]!.name)),
    ...rows.recorded.map((_, w) => sql.id(`r${w}`)),
    ...rows.set.map((_, w) => sql.id(`t${w}`)),
  ]);
  await sql`insert into external_ctdc_records (${targets}) select ${selected} from unnest(${arrays}) as u(${aliases})`.execute(tx);
}

/** Column names of a table as the database has them, in order (for the schema drift test). */
export async function listTableColumns(db: TDb | TTx, table: string): Promise<string[]> {
  const result = await sql<{ columnName: string }>`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return result.rows.map((r) => r.columnName);
}
