import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import type { TDatabaseSchema } from './schema/index.ts';
import { acquireDataDirLock, type TDataDirLock } from './embedded/data-dir-lock.ts';
import { startEmbeddedServer, type TEmbeddedServer } from './embedded/embedded-server.ts';

// Counts and sequence numbers are bigint in SQL; they stay far below 2^53, so numbers are safer
// to handle than the strings `pg` returns by default.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
// SQL dates are calendar days, not instants: keep them as 'YYYY-MM-DD' instead of local-midnight Dates.
pg.types.setTypeParser(1082, (value) => value);

export type TDb = Kysely<TDatabaseSchema>;
export type TTx = Transaction<TDatabaseSchema>;

export interface TDatabase {
  db: TDb;
  kind: 'embedded' | 'postgres';
  /** Runs `work` in one transaction; nested use of the root connection inside it is refused. */
  transaction<T>(work: (tx: TTx) => Promise<T>): Promise<T>;
  /** Online backup of the embedded database's folder; null for PostgreSQL (use pg_dump). */
  dumpEmbedded: (() => Promise<Buffer>) | null;
  close(): Promise<void>;
}

export type TDatabaseTarget =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'embedded-memory' }
  | { kind: 'postgres'; url: string; poolSize: number };

const connectionHolder = new AsyncLocalStorage<{ holding: true }>();

/**
 * PGlite has a single session, so the embedded pool has one connection. Asking the root pool
 * for a connection while already holding one would wait forever; this guard turns that silent
 * hang into an immediate error on both engines, so the bug shows up in tests on PostgreSQL too.
 */
function guardAgainstNestedAcquire(pool: pg.Pool): pg.Pool {
  const originalConnect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  (pool as unknown as { connect: () => Promise<pg.PoolClient> }).connect = async () => {
    if (connectionHolder.getStore()) {
      throw new Error('A query used the root database handle inside a transaction; pass the transaction (ctx.db) instead.');
    }
    return originalConnect();
  };
  return pool;
}

/**
 * Opens the database: PGlite in a worker thread for `embedded` (after taking the data-folder
 * lock), or a pool to PostgreSQL. The caller runs migrations.
 * @throws DataDirLockedError when another live process holds the embedded folder
 */
export async function openDatabase(target: TDatabaseTarget): Promise<TDatabase> {
  let lock: TDataDirLock | null = null;
  let embedded: TEmbeddedServer | null = null;
  let pool: pg.Pool;
  if (target.kind === 'postgres') {
    pool = new pg.Pool({ connectionString: target.url, max: target.poolSize });
  } else {
    if (target.kind === 'embedded') {
      mkdirSync(target.dataDir, { recursive: true, mode: 0o700 });
      lock = acquireDataDirLock(target.dataDir);
    }
    try {
      embedded = await startEmbeddedServer(target.kind === 'embedded' ? join(target.dataDir, 'pgdata') : null);
    } catch (error) {
      lock?.release();
      throw error;
    }
    pool = new pg.Pool({ ...embedded.connection, max: 1 });
  }
  pool.on('error', () => {
    // An idle client lost its connection (server restart); the pool replaces it on next use.
  });
  const db = new Kysely<TDatabaseSchema>({
    dialect: new PostgresDialect({ pool: guardAgainstNestedAcquire(pool) }),
    plugins: [new CamelCasePlugin()],
  });
  let closed = false;
  return {
    db,
    kind: target.kind === 'postgres' ? 'postgres' : 'embedded',
    transaction: (work) => db.transaction().execute((tx) => connectionHolder.run({ holding: true }, () => work(tx))),
    dumpEmbedded: embedded ? () => embedded!.dump() : null,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await embedded?.stop();
      lock?.release();
    },
  };
}
