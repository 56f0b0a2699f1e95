import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestApp, type TAgent, type TTestApp } from './support/test-app.ts';
import { ENGINE } from './support/test-database.ts';

/**
 * Bad input to every route: malformed JSON, wrong content types, oversized and empty bodies,
 * unknown fields, wrong types and random JSON (fast-check), plus malformed path parameters and
 * query strings. Every answer must be a 4xx in the one error shape and nothing may change.
 */
const TABLES = ['organisations', 'users', 'memberships', 'auditEvents', 'setupTokens'] as const;

describe(`bad input never causes a 5xx or a change (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let admin: TAgent;
  let requests = 0;
  before(async () => {
    t = await createTestApp();
    const seeded = await t.seedFirstAdmin();
    orgId = seeded.organisationId;
    admin = await t.login(seeded.admin);
  });
  after(() => t.close());

  async function snapshot(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const row = await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  }

  function concreteUrl(url: string, userId: string): string {
    return url.replace(':orgId', orgId).replace(':userId', userId);
  }

  async function send(method: string, url: string, payload: string | undefined, contentType: string | undefined): Promise<void> {
    const response = await admin.raw(method, url, payload, contentType);
    requests += 1;
    assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${method} ${url} ${contentType} ${payload?.slice(0, 80)} → ${response.statusCode} ${response.body.slice(0, 200)}`);
    const body = response.json();
    assert.equal(typeof body.error?.code, 'string');
    assert.equal(typeof body.error?.message, 'string');
    assert.equal(typeof body.error?.details, 'object');
  }

  test('every route with a body, query or path parameters', async () => {
    const member = await t.addUser(orgId, 'analyst');
    const before = await snapshot();

    for (const route of t.app.routeTable) {
      const schema = route.schema ?? {};
      const url = concreteUrl(route.url, member.userId);
      if (schema.body) {
        await send(route.method, url, '{"unterminated": ', 'application/json');
        await send(route.method, url, '', 'application/json');
        await send(route.method, url, 'email=a&password=b', 'application/x-www-form-urlencoded');
        await send(route.method, url, 'hello', 'text/plain');
        await send(route.method, url, JSON.stringify({ padding: 'x'.repeat(300 * 1024) }), 'application/json');
        await send(route.method, url, JSON.stringify({ unknownField: true }), 'application/json');
        for (const value of [null, 0, 'text', [], [{}], true, {}]) await send(route.method, url, JSON.stringify(value), 'application/json');
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              fc.jsonValue(),
              fc.dictionary(fc.constantFrom('email', 'password', 'name', 'kind', 'role', 'displayName', 'setupToken', 'organisation', 'admin', 'currentPassword', 'newPassword', 'extra'), fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.string({ maxLength: 3 }))),
            ),
            async (value) => send(route.method, url, JSON.stringify(value), 'application/json'),
          ),
          { numRuns: 200, seed: 20261128 },
        );
      }
      if (route.url.includes(':')) {
        for (const bad of ['not-a-uuid', '1', "'; drop table users; --", '%00', '00000000-0000-0000-0000-000000000000']) {
          const badUrl = route.url.replace(':orgId', encodeURIComponent(bad)).replace(':userId', encodeURIComponent(bad));
          await send(route.method, badUrl, route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}', route.method === 'GET' || route.method === 'DELETE' ? undefined : 'application/json');
        }
      }
      if (schema.querystring) {
        for (const query of ['limit=0', 'limit=-1', 'limit=abc', 'limit=100000', 'unknown=1', 'beforeSeq=x']) await send(route.method, `${url}?${query}`, undefined, undefined);
      }
    }
    assert.deepEqual(await snapshot(), before, 'no row changed');
    assert.ok(requests >= 10_000, `sent ${requests} bad requests`);
    console.log(`# bad-input: ${requests} malformed requests, 0 server errors, 0 rows changed`);
  });
});
