import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/start-server.ts';
import type { TConfig } from '../../server/config/env.ts';
import { NO_REQUEST, withContext } from '../../server/context.ts';
import { createFirstAdministrator } from '../../server/modules/setup/setup.service.ts';
import { TEST_PASSWORD, unique } from './test-app.ts';

/**
 * A real listening server (port 0, loopback) with the built web app, for browser tests.
 * Uses a fresh in-memory PGlite, or PostgreSQL when DATABASE_URL is set.
 */
export async function startTestServer(): Promise<{ url: string; close(): Promise<void>; seedAdmin(): Promise<{ email: string; password: string; organisationId: string }> }> {
  const { openTestDatabase } = await import('./test-database.ts');
  const database = await openTestDatabase();
  const config: TConfig = {
    port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: undefined, usesEmbeddedDb: true, masterKey: randomBytes(32).toString('hex'),
    sessionIdleMinutes: 30, sessionAbsoluteHours: 12, behindTls: false, databasePoolSize: 5, logLevel: 'silent',
  };
  const server = await startServer(config, {
    webDir: fileURLToPath(new URL('../../dist/web/', import.meta.url)),
    print: () => {},
    openDatabase: async () => database,
  });
  return {
    url: server.url,
    close: () => server.close(),
    async seedAdmin() {
      const email = `${unique('admin')}@example.test`;
      const { organisation } = await withContext({ database, clock: () => new Date() }, { type: 'system' }, NO_REQUEST, (ctx) =>
        createFirstAdministrator(ctx, { organisation: { name: unique('Ministry'), kind: 'government' }, admin: { email, displayName: 'First Admin', password: TEST_PASSWORD } }));
      return { email, password: TEST_PASSWORD, organisationId: organisation.id };
    },
  };
}
