import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { issueSetupTokenIfNeeded } from './setup-token.ts';

describe(`first-run setup (${ENGINE})`, () => {
  let t: TTestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const body = (setupToken: string) => ({
    setupToken,
    organisation: { name: 'National Referral Unit', kind: 'government' },
    admin: { email: 'first@example.test', displayName: 'First Admin', password: 'a long enough passphrase' },
  });

  test('only the latest printed token creates the first administrator, once', async () => {
    assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/setup' })).json(), { needsSetup: true });
    const old = await issueSetupTokenIfNeeded(t.database.db, new Date());
    const token = await issueSetupTokenIfNeeded(t.database.db, new Date());
    assert.ok(old && token && old !== token);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/setup', payload: body(old) });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.details.reason, 'SETUP_TOKEN_INVALID');
    assert.equal((await t.database.db.selectFrom('users').selectAll().execute()).length, 0);

    const ok = await t.app.inject({ method: 'POST', url: '/api/setup', payload: body(token) });
    assert.equal(ok.statusCode, 201);
    const info = ok.json();
    assert.equal(info.user.isPlatformAdmin, true);
    assert.equal(info.memberships[0].role, 'admin');
    assert.ok(ok.cookies.some((c) => c.name === 'palermo_session'));
    assert.equal((await auditRows(t.database, 'setup.completed')).length, 1);
    assert.equal((await t.database.db.selectFrom('setupTokens').selectAll().execute()).length, 0);
    assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/setup' })).json(), { needsSetup: false });
    assert.equal(await issueSetupTokenIfNeeded(t.database.db, new Date()), null);

    const again = await t.app.inject({ method: 'POST', url: '/api/setup', payload: body(token) });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.details.reason, 'SETUP_DONE');
  });
});
