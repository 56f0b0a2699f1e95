import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { TRole } from '../../core/authz/permissions.ts';
import { NO_REQUEST, withContext, type TActor, type TCtx } from '../../server/context.ts';
import type { TDatabase } from '../../server/db/database.ts';
import { buildApp } from '../../server/http/app.ts';
import { addMember } from '../../server/modules/members/members.service.ts';
import { createOrganisation } from '../../server/modules/organisations/organisations.service.ts';
import { createFirstAdministrator } from '../../server/modules/setup/setup.service.ts';
import { openTestDatabase } from './test-database.ts';
import { createKeyring } from '../../server/crypto/keyring.ts';
import { randomBytes } from 'node:crypto';
import { TestClock } from './test-clock.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
const SYSTEM: TActor = { type: 'system' };
let counter = 0;

/** A unique suffix so factories never collide inside one database. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

export interface TTestUser {
  email: string;
  password: string;
  userId: string;
}

/** A signed-in HTTP client: carries the session cookie and sends the CSRF token. */
export interface TAgent {
  user: TTestUser;
  csrfToken: string;
  request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Sends a payload exactly as given (for malformed bodies and odd content types). */
  raw(method: string, url: string, payload: string | undefined, contentType: string | undefined): Promise<LightMyRequestResponse>;
}

export interface TTestApp {
  app: FastifyInstance;
  database: TDatabase;
  clock: TestClock;
  /** Creates an organisation with a platform-admin administrator (the setup path). */
  seedFirstAdmin(): Promise<{ organisationId: string; admin: TTestUser }>;
  createOrganisation(name?: string): Promise<string>;
  /** Adds a new user with a role to an organisation. */
  addUser(organisationId: string, role: TRole): Promise<TTestUser>;
  login(user: TTestUser): Promise<TAgent>;
  /** Runs use cases directly as the system actor (fixtures that need no HTTP round trip). */
  asSystem<T>(work: (ctx: TCtx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function createTestApp(options: { webDir?: string | null; clockStart?: Date } = {}): Promise<TTestApp> {
  const database = await openTestDatabase();
  const clock = new TestClock(options.clockStart);
  const deps = { database, clock: clock.now, keyring: createKeyring(randomBytes(32)) };
  const app = await buildApp({
    ...deps,
    config: { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, behindTls: false, logLevel: 'silent' },
    webDir: options.webDir ?? null,
  });
  const asSystem = <T>(work: (ctx: TCtx) => Promise<T>) => withContext(deps, SYSTEM, NO_REQUEST, work);

  return {
    app,
    database,
    clock,
    asSystem,
    async seedFirstAdmin() {
      const email = `${unique('admin')}@example.test`;
      const { user, organisation } = await asSystem((ctx) =>
        createFirstAdministrator(ctx, { organisation: { name: unique('Ministry'), kind: 'government' }, admin: { email, displayName: 'First Admin', password: TEST_PASSWORD } }));
      return { organisationId: organisation.id, admin: { email, password: TEST_PASSWORD, userId: user.id } };
    },
    async createOrganisation(name) {
      const organisation = await asSystem((ctx) => createOrganisation(ctx, { name: name ?? unique('Agency'), kind: 'ngo' }));
      return organisation.id;
    },
    async addUser(organisationId, role) {
      const email = `${unique(role)}@example.test`;
      const member = await asSystem((ctx) => addMember(ctx, organisationId, { email, displayName: `Test ${role}`, password: TEST_PASSWORD, role }));
      return { email, password: TEST_PASSWORD, userId: member.userId };
    },
    async login(user) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
      if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'palermo_session');
      if (!cookie) throw new Error('no session cookie');
      const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
      return {
        user,
        csrfToken,
        request(method, url, body, headers = {}) {
          const isMutation = method !== 'GET';
          return app.inject({
            method,
            url,
            cookies: { palermo_session: cookie.value },
            headers: { ...(isMutation ? { 'x-csrf-token': csrfToken } : {}), ...headers },
            ...(body === undefined ? {} : { payload: body as object }),
          });
        },
        raw(method, url, payload, contentType) {
          return app.inject({
            method: method as 'POST',
            url,
            cookies: { palermo_session: cookie.value },
            headers: { 'x-csrf-token': csrfToken, ...(contentType ? { 'content-type': contentType } : {}) },
            ...(payload === undefined ? {} : { payload }),
          });
        },
      };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
