import { sql } from 'kysely';
import type { TDb, TTx } from '../../db/database.ts';

/**
 * What a restore must reproduce exactly: the row count of every table and the head of every audit
 * hash chain. Written next to each backup and compared after a restore.
 */
export interface TBackupManifest {
  format: 'palermo-backup-manifest/1';
  takenAt: string;
  rowCounts: Record<string, number>;
  auditChainHeads: Record<string, { lastSeq: number; lastHash: string }>;
}

export async function computeBackupManifest(db: TDb | TTx, takenAt: Date): Promise<TBackupManifest> {
  const tables = await sql<{ tableName: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const rowCounts: Record<string, number> = {};
  for (const { tableName } of tables.rows) {
    const result = await sql<{ count: number }>`select count(*)::int as count from ${sql.table(tableName)}`.execute(db);
    rowCounts[tableName] = result.rows[0]?.count ?? 0;
  }
  const heads = await db.selectFrom('auditChainHeads').select(['chainKey', 'lastSeq', 'lastHash']).orderBy('chainKey').execute();
  return {
    format: 'palermo-backup-manifest/1',
    takenAt: takenAt.toISOString(),
    rowCounts,
    auditChainHeads: Object.fromEntries(heads.map((head) => [head.chainKey, { lastSeq: head.lastSeq, lastHash: head.lastHash }])),
  };
}

/** Every difference between two manifests, as readable lines (empty when they agree). */
export function compareManifests(expected: TBackupManifest, actual: TBackupManifest): string[] {
  const problems: string[] = [];
  for (const table of new Set([...Object.keys(expected.rowCounts), ...Object.keys(actual.rowCounts)])) {
    if (expected.rowCounts[table] !== actual.rowCounts[table]) problems.push(`${table}: ${expected.rowCounts[table] ?? 'missing'} rows expected, ${actual.rowCounts[table] ?? 'missing'} found`);
  }
  for (const chain of new Set([...Object.keys(expected.auditChainHeads), ...Object.keys(actual.auditChainHeads)])) {
    const left = expected.auditChainHeads[chain];
    const right = actual.auditChainHeads[chain];
    if (left?.lastSeq !== right?.lastSeq || left?.lastHash !== right?.lastHash) problems.push(`audit chain ${chain}: head differs`);
  }
  return problems;
}
