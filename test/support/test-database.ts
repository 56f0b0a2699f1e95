import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type TDatabase } from '../../server/db/database.ts';
import { migrate } from '../../server/db/migrate.ts';

/**
 * A fresh, migrated database for one test app: in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by DATABASE_URL (dropped again on close), so the same suite
 * runs on both engines and tests never share rows.
 */
export async function openTestDatabase(): Promise<TDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'embedded-memory' });
    await migrate(database);
    return database;
  }
  const scratch = await createScratchPostgresDatabase(url);
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 5 });
  await migrate(database);
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/** A fresh empty database on the DATABASE_URL server, for tests that start server processes. */
export async function createScratchPostgresDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `palermo_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';
