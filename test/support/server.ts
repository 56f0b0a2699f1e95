import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { TRole } from '../../core/authz/permissions.ts';
import { startServer } from '../../server/start-server.ts';
import type { TConfig } from '../../server/config/env.ts';
import { NO_REQUEST, withContext, type TActor } from '../../server/context.ts';
import { addMember } from '../../server/modules/members/members.service.ts';
import { createFirstAdministrator } from '../../server/modules/setup/setup.service.ts';
import { TEST_PASSWORD, unique } from './test-app.ts';
import { TestClock } from './test-clock.ts';

export interface TTestServer {
  url: string;
  /** The server's clock, in this process: tests move time past deadlines. */
  clock: { advanceDays(days: number): void; advanceMinutes(minutes: number): void };
  close(): Promise<void>;
  seedAdmin(): Promise<{ email: string; password: string; organisationId: string }>;
  seedUser(organisationId: string, role: TRole): Promise<{ email: string; password: string; userId: string }>;
}

/**
 * A real listening server (port 0, loopback) with the built web app, for browser tests.
 * Uses a fresh in-memory PGlite, or PostgreSQL when DATABASE_URL is set.
 */
export async function startTestServer(): Promise<TTestServer> {
  const { openTestDatabase } = await import('./test-database.ts');
  const database = await openTestDatabase();
  const testClock = new TestClock();
  const config: TConfig = {
    port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: undefined, usesEmbeddedDb: true, masterKey: randomBytes(32).toString('hex'),
    // Tests jump weeks ahead (recovery periods); sessions must outlive the jump.
    sessionIdleMinutes: 24 * 60 * 365, sessionAbsoluteHours: 24 * 365, behindTls: false, databasePoolSize: 5, logLevel: 'silent', email: null,
  };
  const server = await startServer(config, {
    webDir: fileURLToPath(new URL('../../dist/web/', import.meta.url)),
    print: () => {},
    openDatabase: async () => database,
    clock: testClock.now,
  });
  const system: TActor = { type: 'system' };
  return {
    url: server.url,
    clock: { advanceDays: (days) => testClock.advanceMinutes(days * 24 * 60), advanceMinutes: (minutes) => testClock.advanceMinutes(minutes) },
    close: () => server.close(),
    async seedAdmin() {
      const email = `${unique('admin')}@example.test`;
      const { organisation } = await withContext(server.deps, system, NO_REQUEST, (ctx) =>
        createFirstAdministrator(ctx, { organisation: { name: unique('Ministry'), kind: 'government' }, admin: { email, displayName: 'First Admin', password: TEST_PASSWORD } }));
      return { email, password: TEST_PASSWORD, organisationId: organisation.id };
    },
    async seedUser(organisationId, role) {
      const email = `${unique(role)}@example.test`;
      const member = await withContext(server.deps, system, NO_REQUEST, (ctx) =>
        addMember(ctx, organisationId, { email, displayName: `Test ${role.replace(/_/g, ' ')}`, password: TEST_PASSWORD, role }));
      return { email, password: TEST_PASSWORD, userId: member.userId };
    },
  };
}
