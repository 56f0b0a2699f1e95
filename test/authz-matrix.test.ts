import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLE_PERMISSIONS, ROLES, type TPermission, type TRole } from '../core/authz/permissions.ts';
import type { TRouteEntry } from '../server/http/app.ts';
import { createTestApp, type TAgent, type TTestApp } from './support/test-app.ts';
import { ENGINE } from './support/test-database.ts';
import { ROUTE_SAMPLES as SAMPLES } from './authz-samples/index.ts';
import type { TSample } from './authz-samples/types.ts';

/**
 * The authorization matrix, generated from the route table: every API route × every role (and
 * anonymous, and a platform administrator) × own / other organisation. A route added without a
 * sample request in test/authz-samples/ fails this test, so no endpoint escapes the matrix.
 */
type TActorKind = 'anonymous' | TRole | 'platform_admin';
type TScope = 'own' | 'other';

const PLATFORM_ADMIN_PERMISSIONS: TPermission[] = ['org.read', 'member.read', 'member.manage'];

/** What the declared access and the role table say should happen; 'ok' is any 2xx. */
function expectedOutcome(route: TRouteEntry, actor: TActorKind, scope: TScope, sample: TSample): number | 'ok' {
  const { access } = route;
  if (access.auth === 'public') return sample.publicStatus ?? 'ok';
  if (actor === 'anonymous') return 401;
  const isPlatformAdmin = actor === 'platform_admin';
  if (access.platformAdmin) return isPlatformAdmin ? 'ok' : 403;
  if (!access.permission) return 'ok';
  const role: TRole = isPlatformAdmin ? 'admin' : actor;
  const override = sample.expectForRole?.(role, scope);
  if (override !== undefined) return override;
  const platformGrants = isPlatformAdmin && PLATFORM_ADMIN_PERMISSIONS.includes(access.permission);
  // Platform administrators see every organisation, so a missing permission there is 403, not 404.
  if (scope === 'other') return platformGrants ? 'ok' : isPlatformAdmin ? 403 : 404;
  return ROLE_PERMISSIONS[role].includes(access.permission) || platformGrants ? 'ok' : 403;
}

describe(`authorization matrix (${ENGINE})`, () => {
  let t: TTestApp;
  let ownOrg: string;
  let otherOrg: string;
  before(async () => {
    t = await createTestApp();
    const seeded = await t.seedFirstAdmin();
    ownOrg = seeded.organisationId;
    otherOrg = await t.createOrganisation();
    await t.addUser(otherOrg, 'admin');
  });
  after(() => t.close());

  test('every API route has a matrix entry', () => {
    const missing = t.app.routeTable.map((r) => `${r.method} ${r.url}`).filter((key) => !SAMPLES[key]);
    assert.deepEqual(missing, [], 'add these routes to SAMPLES in test/authz-matrix.test.ts');
    assert.ok(t.app.routeTable.length >= Object.keys(SAMPLES).length);
  });

  const SESSION_CONSUMING = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);
  const agents = new Map<TActorKind, TAgent>();
  async function signIn(actor: Exclude<TActorKind, 'anonymous'>): Promise<TAgent> {
    const user = await t.addUser(ownOrg, actor === 'platform_admin' ? 'admin' : actor);
    if (actor === 'platform_admin') await t.database.db.updateTable('users').set({ isPlatformAdmin: true }).where('id', '=', user.userId).execute();
    return t.login(user);
  }

  test('every route × actor × organisation answers as the role table says', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of t.app.routeTable) {
      const sample = SAMPLES[`${route.method} ${route.url}`];
      if (!sample) continue;
      const scopes: TScope[] = route.url.includes(':orgId') ? ['own', 'other'] : ['own'];
      for (const actor of ['anonymous', ...ROLES, 'platform_admin'] as TActorKind[]) {
        for (const scope of scopes) {
          // One signed-in user per actor kind, except for requests that consume the session or the
          // password (logout, password change): those get a fresh user so later rows are unaffected.
          const consumes = SESSION_CONSUMING.has(`${route.method} ${route.url}`);
          const signedIn = actor === 'anonymous' ? null : consumes ? await signIn(actor) : (agents.get(actor) ?? agents.set(actor, await signIn(actor)).get(actor)!);
          const user = signedIn?.user ?? null;
          const agent = signedIn;
          const { url, body } = await sample.build({ t, orgId: scope === 'own' ? ownOrg : otherOrg, actor: user });
          const method = route.method as 'GET' | 'POST' | 'PATCH' | 'DELETE';
          const response = agent ? await agent.request(method, url, body) : await t.app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
          const declared = expectedOutcome(route, actor, scope, sample);
          const expected = declared === 'ok' ? (sample.okStatus ?? 'ok') : declared;
          const passed = expected === 'ok' ? response.statusCode >= 200 && response.statusCode < 300 : response.statusCode === expected;
          if (!passed) failures.push(`${route.method} ${route.url} as ${actor} (${scope}): expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 120)}`);
          if (response.statusCode >= 400 && response.headers['content-type']?.toString().includes('json')) {
            assert.ok(response.json().error?.code, `error shape for ${route.method} ${route.url}`);
          }
          checked += 1;
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checked > 200, `checked ${checked} combinations`);
  });
});
