import { sql } from 'kysely';
import type { TDatabase } from '../../server/db/database.ts';

/**
 * A fingerprint of every table: its row count and an md5 over the text of all its rows in a
 * stable order. Whole rows, not only keys, so an UPDATE a refused request should not have made
 * (a status flipped, a version bumped) shows up as well as an INSERT or a DELETE.
 */
export type TFingerprints = Map<string, { rows: number; digest: string }>;

/**
 * Tables whose rows change on a request that is refused or that changes nothing, and why. Only
 * these are left out of the "nothing changed" comparison.
 */
export const CHANGING_ON_REFUSAL: Record<string, string> = {
  // The authentication hook moves `last_seen_at` forward (at most once a minute) on any request,
  // refused or not: it is what idle expiry is measured from. A refused login leaves no session.
  sessions: 'last_seen_at is touched by every signed-in request, whatever its outcome',
};

/**
 * Tables a refused sign-in or re-authentication (password plus one-time code for two-factor
 * changes) legitimately writes: the failed attempt is audited and counted toward the lockout.
 */
export const CHANGING_ON_REFUSED_LOGIN: Record<string, string> = {
  audit_events: 'a refused sign-in is audited (auth.loginFailed)',
  audit_chain_heads: 'the audit hash chain head moves with every audit row',
  login_throttles: 'failed attempts are counted per e-mail for the lockout',
  two_factor_challenges: 'a correct password with two-factor pending opens a challenge',
};

export async function listTables(database: TDatabase): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(database.db);
  return result.rows.map((row) => row.name).filter((name) => !name.startsWith('kysely_') && name !== 'schema_migrations');
}

/** One round trip: a UNION ALL of one aggregate per table. */
export async function fingerprintTables(database: TDatabase, tables: readonly string[]): Promise<TFingerprints> {
  const parts = tables.map((table) =>
    sql`select ${table}::text as name, count(*)::int as rows, coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as digest from ${sql.table(table)} t`);
  const result = await sql<{ name: string; rows: number; digest: string }>`${sql.join(parts, sql` union all `)}`.execute(database.db);
  return new Map(result.rows.map((row) => [row.name, { rows: Number(row.rows), digest: row.digest }]));
}

/** The tables whose fingerprint differs, with their row counts before → after. */
export function changedTables(before: TFingerprints, after: TFingerprints): string[] {
  const changed: string[] = [];
  for (const [name, was] of before) {
    const now = after.get(name);
    if (!now || now.digest !== was.digest) changed.push(`${name} (${was.rows} → ${now?.rows ?? 'gone'} rows)`);
  }
  return changed;
}
