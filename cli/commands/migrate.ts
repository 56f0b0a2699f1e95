import { sql } from 'kysely';
import type { TCliIo } from '../cli-io.ts';
import { openAdminDatabase } from '../open-admin-database.ts';

export const MIGRATE_HELP = `palermo migrate

Applies pending database migrations and exits. \`palermo start\` does this too; use this command to
migrate a PostgreSQL database before rolling out new servers. Needs the embedded data folder free.`;

export async function runMigrate(io: TCliIo): Promise<number> {
  const opened = await openAdminDatabase(io);
  if (!opened) return 1;
  // openAdminDatabase already migrated; report the state.
  const { rows } = await sql<{ count: number }>`select count(*)::int as count from schema_migrations`.execute(opened.database.db);
  io.out(`Database is up to date (${rows[0]?.count ?? 0} migrations applied).`);
  await opened.database.close();
  return 0;
}
