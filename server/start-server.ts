import type { FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import type { TConfig } from './config/env.ts';
import type { TDatabase } from './db/database.ts';
import { openConfiguredDatabase } from './db/open-configured.ts';
import { buildApp } from './http/app.ts';
import { issueSetupTokenIfNeeded } from './modules/setup/setup-token.ts';
import { deleteExpiredSessions } from './modules/auth/sessions.repo.ts';
import { loadOrCreateMasterKey } from './crypto/master-key.ts';
import { createKeyring } from './crypto/keyring.ts';
import { startDeadlineSweeps } from './modules/deadlines/sweep-schedule.ts';
import { startEmailDelivery } from './modules/notifications/email/email-schedule.ts';
import { startRetentionSweeps } from './modules/retention/retention-schedule.ts';
import { resumeKeyRotations } from './modules/key-management/key-rotations.ts';
import type { TClock, TContextDeps } from './context.ts';

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../dist/web/', import.meta.url));

export interface TRunningServer {
  app: FastifyInstance;
  database: TDatabase;
  deps: TContextDeps;
  url: string;
  setupToken: string | null;
  close(): Promise<void>;
}

/**
 * Opens and migrates the database, then listens. The health endpoint therefore answers only
 * once the schema is current. Prints the one-time setup token while no user exists.
 */
export interface TStartOptions {
  webDir?: string | null;
  print?: (line: string) => void;
  /** Tests hand in an already migrated database instead of the configured one. */
  openDatabase?: () => Promise<TDatabase>;
  /** Tests move time; everyone else gets the wall clock. */
  clock?: TClock;
}

export async function startServer(config: TConfig, options: TStartOptions = {}): Promise<TRunningServer> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  // Fail before opening anything when the key is malformed; identity encryption depends on it.
  const masterKey = loadOrCreateMasterKey({ fromEnvironment: config.masterKey, dataDir: config.dataDir || '.' });
  if (masterKey.source === 'key-file-created') print(`Created a new master key in ${config.dataDir}/master.key: back it up separately from the database.`);
  let database: TDatabase;
  if (options.openDatabase) database = await options.openDatabase();
  else {
    const opened = await openConfiguredDatabase(config);
    database = opened.database;
    if (opened.migration.applied.length > 0) print(`Applied migrations: ${opened.migration.applied.join(', ')}`);
  }
  const clock = options.clock ?? (() => new Date());
  const deps: TContextDeps = { database, clock, keyring: createKeyring(masterKey.key) };
  let app: FastifyInstance | null = null;
  try {
    await deleteExpiredSessions(database.db, clock());
    app = await buildApp({ ...deps, config, webDir: options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const setupToken = await issueSetupTokenIfNeeded(database.db, clock());
  if (setupToken) {
    print('');
    print('No administrator exists yet. Open the address below and create one with this one-time setup token:');
    print(`  ${setupToken}`);
    print('(or stop the server and run: palermo create-admin)');
    print('');
  }
  // Printed last: scripts and tests wait for this line as the sign of readiness.
  print(`Palermo is listening on ${url} (${database.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}).`);

  const sweeps = startDeadlineSweeps(deps, (error) => app?.log.error({ err: error }, 'deadline sweep failed'));
  await resumeKeyRotations(deps, (error) => app?.log.error({ err: error }, 'key rotation failed'));
  const retention = startRetentionSweeps(deps, (error) => app?.log.error({ err: error }, 'retention sweep failed'));
  const emails = config.email ? startEmailDelivery(deps, config.email, (error) => app?.log.error({ err: error }, 'notification e-mail delivery failed')) : null;
  let closed = false;
  const runningApp = app;
  return {
    app: runningApp,
    database,
    deps,
    url,
    setupToken,
    async close() {
      if (closed) return;
      closed = true;
      await sweeps.stop();
      await emails?.stop();
      await retention.stop();
      await runningApp.close();
      await database.close();
    },
  };
}
