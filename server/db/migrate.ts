import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { TDatabase } from './database.ts';

/**
 * One migration set for both engines: plain SQL files named `NNNN_verb_object.sql`, applied in
 * name order, each in its own transaction, recorded in `schema_migrations`. A transaction-level
 * advisory lock keeps two servers starting against one PostgreSQL from racing.
 */
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIGRATION_LOCK_ID = 7_051_998;

export interface TMigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export function listMigrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort();
}

export async function migrate(database: TDatabase): Promise<TMigrationResult> {
  await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(database.db);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const name of listMigrationFiles()) {
    const wasApplied = await database.transaction(async (tx) => {
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`.execute(tx);
      const existing = await sql<{ name: string }>`select name from schema_migrations where name = ${name}`.execute(tx);
      if (existing.rows.length > 0) return true;
      // Parameterless SQL goes through the simple query protocol, which accepts many statements.
      await sql.raw(readFileSync(MIGRATIONS_DIR + name, 'utf8')).execute(tx);
      await sql`insert into schema_migrations (name) values (${name})`.execute(tx);
      return false;
    });
    if (wasApplied) alreadyApplied += 1;
    else applied.push(name);
  }
  return { applied, alreadyApplied };
}
