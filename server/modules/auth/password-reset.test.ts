import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPORARY_PASSWORD_HOURS } from '../../../core/security/account-recovery.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { createTestApp, type TTestApp, type TTestUser } from '../../../test/support/test-app.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { enrolTwoFactor } from '../two-factor/two-factor.test-support.ts';
import { PASSWORD_CHANGE_ONLY_ROUTES } from './password-change-gate.ts';
import { verifyPassword } from './passwords.ts';

const RESET = { reason: 'forgotten', identityCheck: 'callToKnownNumber' } as const;
const TEMPORARY_PASSWORD = /^[a-hj-km-np-y2-9]{4}(-[a-hj-km-np-y2-9]{4}){3}$/;

describe(`a platform administrator gives a member a temporary password (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let platformAdmin: TTestUser;
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
    platformAdmin = await t.addUser(orgId, 'admin');
    await t.database.db.updateTable('users').set({ isPlatformAdmin: true }).where('id', '=', platformAdmin.userId).execute();
  });
  after(() => t.close());

  function signIn(email: string, password: string) {
    return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  }

  async function reset(member: TTestUser, body: Record<string, unknown> = { password: platformAdmin.password, ...RESET }) {
    const admin = await t.login(platformAdmin);
    return admin.request('POST', `/api/users/${member.userId}/password/reset`, body);
  }

  test('the old password stops, sessions end, the member is told; the temporary one opens only the password change, once changed everything', async () => {
    const member = await t.addUser(orgId, 'case_worker');
    const session = await t.login(member);
    const answer = await reset(member);
    assert.equal(answer.statusCode, 200, answer.body);
    assert.equal(answer.headers['cache-control'], 'no-store');
    const { temporaryPassword, expiresAt, endedSessions } = answer.json() as { temporaryPassword: string; expiresAt: string; endedSessions: number };
    assert.match(temporaryPassword, TEMPORARY_PASSWORD);
    assert.equal(endedSessions, 1);
    assert.equal(new Date(expiresAt).getTime(), t.clock.now().getTime() + TEMPORARY_PASSWORD_HOURS * 3_600_000);

    const row = await t.database.db.selectFrom('users').select(['passwordHash', 'temporaryPasswordExpiresAt']).where('id', '=', member.userId).executeTakeFirstOrThrow();
    assert.equal(row.temporaryPasswordExpiresAt?.toISOString(), expiresAt);
    assert.ok(await verifyPassword(row.passwordHash, temporaryPassword), 'the stored hash is of the temporary password');
    assert.equal((await session.request('GET', '/api/auth/me')).statusCode, 401, 'the open session has ended');
    assert.equal((await signIn(member.email, member.password)).statusCode, 401, 'the old password no longer works');

    const audited = await auditRows(t.database, 'user.passwordResetByAdministrator', member.userId);
    assert.equal(audited.length, 1);
    assert.deepEqual(audited[0]!.metadata, { ...RESET, endedSessions: 1, temporaryPasswordExpiresAt: expiresAt });
    assert.equal(audited[0]!.actorId, platformAdmin.userId);
    assert.ok(!JSON.stringify(audited[0]).includes(temporaryPassword), 'the audit row does not hold the password');
    const notices = await t.database.db.selectFrom('notifications').select(['orgId', 'kind']).where('userId', '=', member.userId).execute();
    assert.deepEqual(notices.map((n) => [n.orgId, n.kind]), [[orgId, 'user.passwordResetByAdministrator']]);

    // Signed in with the temporary password: only the password change (and who am I, sign out).
    const temporary = await t.login({ ...member, password: temporaryPassword });
    const me = await temporary.request('GET', '/api/auth/me');
    assert.equal(me.json().passwordChangeRequired, true);
    const refused = await temporary.request('GET', `/api/organisations/${orgId}/cases`);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.details.reason, 'PASSWORD_CHANGE_REQUIRED');
    for (const again of [temporaryPassword, member.password]) {
      const same = await temporary.request('POST', '/api/auth/password', { currentPassword: temporaryPassword, newPassword: again });
      assert.equal(same.statusCode, 400, 'neither the temporary password nor the one it replaced (it may be known) comes back');
      assert.equal(same.json().error.details.reason, 'SAME_PASSWORD');
    }

    const changed = await temporary.request('POST', '/api/auth/password', { currentPassword: temporaryPassword, newPassword: 'a quiet river at dawn 42' });
    assert.equal(changed.statusCode, 204, changed.body);
    assert.equal((await temporary.request('GET', '/api/auth/me')).json().passwordChangeRequired, false);
    assert.equal((await temporary.request('GET', `/api/organisations/${orgId}/cases`)).statusCode, 200);
    const after = await t.database.db.selectFrom('users').select(['temporaryPasswordExpiresAt', 'replacedPasswordHash']).where('id', '=', member.userId).executeTakeFirstOrThrow();
    assert.deepEqual(after, { temporaryPasswordExpiresAt: null, replacedPasswordHash: null });
    assert.equal((await signIn(member.email, temporaryPassword)).statusCode, 401, 'the temporary password is gone');
  });

  test('an unused temporary password expires; a login lock on the e-mail is lifted by the reset; two-factor sign-in is still asked for', async () => {
    const member = await t.addUser(orgId, 'analyst');
    for (let attempt = 0; attempt < 10; attempt++) await signIn(member.email, 'guessing wrongly');
    assert.equal((await signIn(member.email, member.password)).statusCode, 429, 'locked out by wrong guesses');
    const first = (await reset(member)).json() as { temporaryPassword: string };
    assert.equal((await signIn(member.email, first.temporaryPassword)).statusCode, 200, 'the lock is lifted');

    t.clock.advanceMinutes(TEMPORARY_PASSWORD_HOURS * 60 + 1);
    const expired = await signIn(member.email, first.temporaryPassword);
    assert.equal(expired.statusCode, 401);
    assert.equal(expired.json().error.details.reason, 'TEMPORARY_PASSWORD_EXPIRED');
    const failures = await auditRows(t.database, 'user.loginFailed', member.userId);
    assert.equal(failures.at(-1)!.metadata.reason, 'TEMPORARY_PASSWORD_EXPIRED');

    // With two-factor sign-in on, the temporary password is only the first step.
    const enrolled = await t.addUser(orgId, 'analyst');
    await enrolTwoFactor(t, await t.login(enrolled));
    const second = (await reset(enrolled)).json() as { temporaryPassword: string };
    assert.equal((await signIn(enrolled.email, second.temporaryPassword)).statusCode, 202, 'a second step is due');
  });

  test('signed in with a temporary password, every other signed-in route of the API is refused', async () => {
    const member = await t.addUser(orgId, 'coordinator');
    const { temporaryPassword } = (await reset(member)).json() as { temporaryPassword: string };
    const temporary = await t.login({ ...member, password: temporaryPassword });
    const routes = t.app.routeTable.filter((route) => route.access.auth === 'user' && !PASSWORD_CHANGE_ONLY_ROUTES.has(`${route.method} ${route.url}`));
    assert.ok(routes.length > 100, `${routes.length} routes swept`);
    const letThrough: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:orgId/g, orgId).replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const answer = await temporary.request(route.method as 'GET', url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      if (answer.statusCode !== 403 || answer.json().error.details.reason !== 'PASSWORD_CHANGE_REQUIRED') letThrough.push(`${route.method} ${route.url} → ${answer.statusCode}`);
    }
    assert.deepEqual(letThrough, []);
  });

  test('where the organisation requires two-factor sign-in, the temporary password is changed first, then enrolment is asked for', async () => {
    const strictOrg = await t.createOrganisation();
    const member = await t.addUser(strictOrg, 'case_worker');
    await t.database.db.insertInto('organisationSecurityPolicies').values({ orgId: strictOrg, twoFactorRequirement: 'all', emergencyAccessHours: 4, updatedAt: t.clock.now() }).execute();
    const { temporaryPassword } = (await reset(member)).json() as { temporaryPassword: string };
    const temporary = await t.login({ ...member, password: temporaryPassword });
    assert.equal((await temporary.request('POST', '/api/auth/password', { currentPassword: temporaryPassword, newPassword: 'lanterns over the old bridge' })).statusCode, 204);
    const held = await temporary.request('GET', `/api/organisations/${strictOrg}/cases`);
    assert.equal(held.json().error.details.reason, 'TWO_FACTOR_ENROLMENT_REQUIRED');
    await enrolTwoFactor(t, temporary);
    assert.equal((await temporary.request('GET', `/api/organisations/${strictOrg}/cases`)).statusCode, 200);
  });

  test('refusals: not a platform administrator, one\'s own password, unknown user, wrong password (counted), bad reason; nothing changes', async () => {
    const member = await t.addUser(orgId, 'case_worker');
    const url = `/api/users/${member.userId}/password/reset`;
    const orgAdmin = await t.login(await t.addUser(orgId, 'admin'));
    const byOrgAdmin = await orgAdmin.request('POST', url, { password: 'whatever-it-is', ...RESET });
    assert.equal(byOrgAdmin.statusCode, 403);
    assert.equal(byOrgAdmin.json().error.details.reason, 'NOT_PLATFORM_ADMIN');

    const admin = await t.login(platformAdmin);
    const own = await admin.request('POST', `/api/users/${platformAdmin.userId}/password/reset`, { password: platformAdmin.password, ...RESET });
    assert.equal(own.statusCode, 422);
    assert.equal(own.json().error.details.reason, 'OWN_PASSWORD');
    const unknown = await admin.request('POST', '/api/users/00000000-0000-4000-8000-000000000000/password/reset', { password: platformAdmin.password, ...RESET });
    assert.equal(unknown.statusCode, 404);
    const probe = await admin.request('POST', '/api/users/00000000-0000-4000-8000-000000000000/password/reset', { password: 'not the password', ...RESET });
    assert.equal(probe.json().error.details.reason, 'WRONG_PASSWORD', 'without the password nothing is told about the member');
    const throttle = await t.database.db.selectFrom('loginThrottles').select('failures').where('throttleKey', '=', `two-factor:${platformAdmin.userId}`).executeTakeFirst();
    assert.ok(throttle && throttle.failures >= 1, 'the wrong password counts against the administrator\'s throttle');
    const badReason = await admin.request('POST', url, { password: platformAdmin.password, reason: 'because', identityCheck: 'videoCall' });
    assert.equal(badReason.statusCode, 400);

    assert.equal((await signIn(member.email, member.password)).statusCode, 200, 'the member\'s password still works');
    assert.equal((await auditRows(t.database, 'user.passwordResetByAdministrator', member.userId)).length, 0);
  });
});
