import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { COMMON_PASSWORDS_FILE } from '../../security/common-passwords.ts';
import { createTestApp, TEST_PASSWORD, type TTestApp, type TTestUser } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';

describe(`auth (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
  });
  after(() => t.close());

  test('login sets a strict httpOnly cookie, stores only a digest of the token and is audited', async () => {
    const user = await t.addUser(orgId, 'case_worker');
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email.toUpperCase(), password: user.password } });
    assert.equal(response.statusCode, 200);
    const cookie = response.cookies.find((c) => c.name === 'palermo_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    const body = response.json();
    assert.equal(body.user.email, user.email);
    assert.deepEqual(body.memberships.map((m: { role: string }) => m.role), ['case_worker']);
    const sessions = await t.database.db.selectFrom('sessions').selectAll().where('userId', '=', user.userId).execute();
    assert.equal(sessions.length, 1);
    assert.equal(sessions[0]!.tokenHash, createHash('sha256').update(cookie.value).digest('hex'));
    assert.notEqual(sessions[0]!.tokenHash, cookie.value);
    const audit = await auditRows(t.database, 'user.loggedIn', user.userId);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actorId, user.userId);
    assert.equal(audit[0]!.orgId, null);
  });

  test('a wrong password is 401, audited, and counted; the fifth failure locks the account', async () => {
    const user = await t.addUser(orgId, 'analyst');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'wrong password here' } });
      assert.equal(response.statusCode, 401);
      assert.equal(response.json().error.code, 'UNAUTHENTICATED');
    }
    const failures = await auditRows(t.database, 'user.loginFailed', user.userId);
    assert.equal(failures.length, 5);
    assert.equal((failures[0]!.metadata as { reason: string }).reason, 'WRONG_PASSWORD');
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.details.reason, 'LOGIN_LOCKED');
    t.clock.advanceMinutes(16);
    const later = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
    assert.equal(later.statusCode, 200);
  });

  test('an unknown e-mail gets the same answer as a wrong password', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.test', password: 'whatever password' } });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error.message, 'The e-mail or password is not right.');
  });

  test('state-changing requests without the CSRF token are refused', async () => {
    const user = await t.addUser(orgId, 'case_worker');
    const agent = await t.login(user);
    const response = await agent.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' }, { 'x-csrf-token': 'forged' });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.details.reason, 'CSRF_TOKEN_INVALID');
    const user2 = await t.database.db.selectFrom('users').select('passwordChangedAt').where('id', '=', user.userId).executeTakeFirstOrThrow();
    const check = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    assert.equal(check.statusCode, 200, 'password unchanged');
    assert.ok(user2.passwordChangedAt);
  });

  test('sessions end after the idle time and on logout', async () => {
    const user = await t.addUser(orgId, 'case_worker');
    const agent = await t.login(user);
    assert.equal((await agent.request('GET', '/api/auth/me')).statusCode, 200);
    t.clock.advanceMinutes(31);
    const idle = await agent.request('GET', '/api/auth/me');
    assert.equal(idle.statusCode, 401);
    const second = await t.login(user);
    assert.equal((await second.request('POST', '/api/auth/logout', {})).statusCode, 204);
    assert.equal((await second.request('GET', '/api/auth/me')).statusCode, 401);
    assert.equal((await t.database.db.selectFrom('sessions').selectAll().where('userId', '=', user.userId).execute()).length, 0);
    assert.equal((await auditRows(t.database, 'user.loggedOut', user.userId)).length, 1);
  });

  test('sessions end at the absolute expiry even when active', async () => {
    const user = await t.addUser(orgId, 'case_worker');
    const agent = await t.login(user);
    // Active every 20 minutes (inside the 30-minute idle limit) for 11 h 40 min …
    for (let step = 0; step < 35; step += 1) {
      t.clock.advanceMinutes(20);
      assert.equal((await agent.request('GET', '/api/auth/me')).statusCode, 200);
    }
    // … and the 12-hour absolute limit still ends the session.
    t.clock.advanceMinutes(20);
    assert.equal((await agent.request('GET', '/api/auth/me')).statusCode, 401);
  });

  test('changing the password needs the current one, applies the policy and ends other sessions', async () => {
    const user: TTestUser = await t.addUser(orgId, 'case_worker');
    const first = await t.login(user);
    const second = await t.login(user);
    const wrong = await first.request('POST', '/api/auth/password', { currentPassword: 'not the password', newPassword: 'a fine new passphrase' });
    assert.equal(wrong.statusCode, 401);
    const weak = await first.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().error.details.issues[0].path, 'body.newPassword');
    const ok = await first.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a fine new passphrase' });
    assert.equal(ok.statusCode, 204);
    assert.equal((await second.request('GET', '/api/auth/me')).statusCode, 401, 'other session ended');
    assert.equal((await first.request('GET', '/api/auth/me')).statusCode, 200, 'own session kept');
    const relogin = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'a fine new passphrase' } });
    assert.equal(relogin.statusCode, 200);
    assert.equal((await auditRows(t.database, 'user.passwordChanged', user.userId)).length, 1);
  });

  test('a listed common password of twelve or more characters is refused by the list rule', async () => {
    const user: TTestUser = await t.addUser(orgId, 'case_worker');
    const agent = await t.login(user);
    // Taken from the bundled list itself, long and varied enough that only the list rule can refuse it.
    const listed = readFileSync(COMMON_PASSWORDS_FILE, 'utf8').split(/\r?\n/)
      .find((line) => !line.startsWith('#') && line.length >= 12 && new Set(line).size >= 5 && !/[A-Z]/.test(line));
    assert.ok(listed, 'the bundled list has a password of 12+ characters');
    const refused = await agent.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: listed });
    assert.equal(refused.statusCode, 400);
    const error = refused.json().error;
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.deepEqual(error.details.passwordProblems, ['COMMON_PASSWORD']);
    assert.equal(error.details.issues[0].path, 'body.newPassword');
    const check = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    assert.equal(check.statusCode, 200, 'password unchanged');
  });

  test('responses carry the strict security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok' });
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.headers['strict-transport-security'], undefined, 'no HSTS without TLS');
  });
});
