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

/** One element of an array literal: quoted text, so commas, braces, spaces and the word NULL stay text. */
function arrayElement(v: string | number | boolean | null | undefined): string {
  return v === null || v === undefined ? 'NULL'
    : typeof v === 'number' ? String(v)
    : typeof v === 'boolean' ? (v ? 't' : 'f')
    : v.indexOf('"') < 0 && v.indexOf('\\') < 0 ? `"${v}"` : `"${v.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * One array literal (`{1,NULL,"text"}`) built directly: cheaper than the driver's generic array
 * serialisation (which quotes every element), and the same text PostgreSQL's array_in reads.
 */
export function arrayLiteral(values: readonly (string | number | boolean | null)[], from: number, to: number): string {
  const parts = new Array<string>(to - from);
  for (let i = from; i < to; i++) parts[i - from] = arrayElement(values[i]);
  return `{${parts.join(',')}}`;
}

/** The array literal of the values at these positions. */
export function arrayLiteralAt(values: readonly (string | number | boolean | null)[], positions: readonly number[]): string {
  const parts = new Array<string>(positions.length);
  for (let k = 0; k < positions.length; k++) parts[k] = arrayElement(values[positions[k]!]);
  return `{${parts.join(',')}}`;
}

/** A value in a row key: self-delimiting (type, length, text), so two different rows never share a key. */
function keyPart(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '_';
  if (typeof v === 'string') return `s${v.length}:${v}`;
  return `${typeof v === 'number' ? 'n' : 'b'}${String(v)};`;
}

/**
 * The distinct rows (all stored values but the row number) among rows [from, to): K-anonymised
 * CTDC data repeats itself, about one row in five is new. Returns the position of each distinct
 * row's first occurrence, and for every row the (1-based) number of its distinct row.
 */
export function distinctRows(rows: CtdcColumnBuffers, from: number, to: number): { firsts: number[]; rowPattern: Int32Array } {
  const columns = [...VALUE_COLUMN_INDEXES.map((i) => rows.values[i]!), ...rows.recorded, ...rows.set];
  const seen = new Map<string, number>();
  // Rows read from one record object hold the same values: their key is built once.
  const patternOfRecord = new Map<number, number>();
  const firsts: number[] = [];
  const rowPattern = new Int32Array(to - from);
  for (let i = from; i < to; i++) {
    const recordId = rows.recordIds[i];
    let pattern = recordId === undefined ? undefined : patternOfRecord.get(recordId);
    if (pattern === undefined) {
      let key = '';
      for (const column of columns) key += keyPart(column[i]);
      pattern = seen.get(key);
      if (pattern === undefined) {
        firsts.push(i);
        pattern = firsts.length;
        seen.set(key, pattern);
      }
      if (recordId !== undefined) patternOfRecord.set(recordId, pattern);
    }
    rowPattern[i - from] = pattern;
  }
  return { firsts, rowPattern };
}

/** Each stored column computed from the unnested distinct rows (flags unpacked from their words). */
const PATTERN_COLUMNS = CTDC_STORED_COLUMNS.map((c, i) => {
  const f = FLAG_COLUMN_INDEXES.indexOf(i);
  if (f >= 0) {
    const word = Math.floor(f / FLAGS_PER_WORD);
    const bit = 1 << (f % FLAGS_PER_WORD);
    return sql`case when ${sql.ref(`u.r${word}`)} & ${sql.lit(bit)} = 0 then null else ${sql.ref(`u.t${word}`)} & ${sql.lit(bit)} <> 0 end as ${sql.id(c.name)}`;
  }
  return c.arraySeparator ? sql`string_to_array(${sql.ref(`u.${c.name}`)}, ${sql.lit(c.arraySeparator)}) as ${sql.id(c.name)}` : sql.ref(`u.${c.name}`);
});

/** For each distinct row (by number, 1-based), the file row numbers that repeat it, space separated. */
function rowNumbersByPattern(rows: CtdcColumnBuffers, from: number, rowPattern: Int32Array, patternCount: number): string[] {
  const lists = new Array<string>(patternCount).fill('');
  for (let k = 0; k < rowPattern.length; k++) {
    const p = rowPattern[k]! - 1;
    lists[p] = lists[p] === '' ? String(rows.rowNumbers[from + k]) : `${lists[p]} ${rows.rowNumbers[from + k]}`;
  }
  return lists;
}

/**
 * Inserts rows [from, to) of the buffers in one statement. The distinct rows travel once, one
 * array parameter per column plus the list of file rows that repeat each, and are decoded once
 * (text parsed, the 53 flag columns unpacked by bit tests from four packed integer words); each
 * distinct row is then expanded into its file rows by a lateral unnest, so no join or sort by
 * pattern is needed. A fixed number of parameters whatever the row count (multi-row VALUES
 * would hit PostgreSQL's 65,535-parameter limit at ~900 rows). Decoding every row's arrays was
 * most of the database's work in an import (bench/stats/ctdc-import.ts, ctdc_import_vs_copy).
 */
export async function insertCtdcRecords(tx: TTx, orgId: string, runId: string, rows: CtdcColumnBuffers, from: number, to: number): Promise<void> {
  const { firsts, rowPattern } = distinctRows(rows, from, to);
  const targets = sql.join([sql.id('org_id'), sql.id('import_run_id'), sql.id('row_number'), ...CTDC_STORED_COLUMNS.map((c) => sql.id(c.name))]);
  const patternArrays = sql.join([
    ...VALUE_COLUMN_INDEXES.map((i) => sql`${arrayLiteralAt(rows.values[i]!, firsts)}::${sql.raw(CTDC_STORED_COLUMNS[i]!.sqlType)}[]`),
    ...rows.recorded.map((words) => sql`${arrayLiteralAt(words, firsts)}::integer[]`),
    ...rows.set.map((words) => sql`${arrayLiteralAt(words, firsts)}::integer[]`),
    sql`${arrayLiteral(rowNumbersByPattern(rows, from, rowPattern, firsts.length), 0, firsts.length)}::text[]`,
  ]);
  const patternAliases = sql.join([
    ...VALUE_COLUMN_INDEXES.map((i) => sql.id(CTDC_STORED_COLUMNS[i]!.name)),
    ...rows.recorded.map((_, w) => sql.id(`r${w}`)),
    ...rows.set.map((_, w) => sql.id(`t${w}`)),
    sql.id('row_numbers'),
  ]);
  // OFFSET 0 keeps the decoding in the subquery: once per distinct row, not once per file row.
  await sql`insert into external_ctdc_records (${targets})
    select ${orgId}::uuid, ${runId}::uuid, unnest(string_to_array(p.row_numbers, ' ')::integer[]) as row_number, ${sql.join(CTDC_STORED_COLUMNS.map((c) => sql.ref(`p.${c.name}`)))}
    from (select u.row_numbers, ${sql.join(PATTERN_COLUMNS)} from unnest(${patternArrays}) as u(${patternAliases}) offset 0) p
    order by row_number`.execute(tx);
}

/** Column names of a table as the database has them, in order (for the schema drift test). */
export async function listTableColumns(db: TDb | TTx, table: string): Promise<string[]> {
  const result = await sql<{ columnName: string }>`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return result.rows.map((r) => r.columnName);
}
