import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TTestApp, type TTestUser } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { enrolTwoFactor, passwordStep } from './two-factor.test-support.ts';

const RESET = { reason: 'lostDeviceAndCodes', identityCheck: 'videoCall' } as const;

describe(`a platform administrator resets a member's two-factor sign-in (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let otherOrgId: string;
  let platformAdmin: TTestUser;
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
    otherOrgId = await t.createOrganisation();
    platformAdmin = await t.addUser(orgId, 'admin');
    await t.database.db.updateTable('users').set({ isPlatformAdmin: true }).where('id', '=', platformAdmin.userId).execute();
  });
  after(() => t.close());

  /** A member of both organisations with a confirmed enrolment and an open session. */
  async function enrolledMember() {
    const member = await t.addUser(orgId, 'case_worker');
    // Joined the second organisation a minute after the first.
    await t.database.db.insertInto('memberships').values({ orgId: otherOrgId, userId: member.userId, role: 'analyst', createdAt: new Date(t.clock.now().getTime() + 60_000) }).execute();
    const session = await t.login(member);
    await enrolTwoFactor(t, session);
    return { member, session };
  }

  test('the enrolment, its recovery codes and every session go; the member is told and signs in with the password alone', async () => {
    const { member, session } = await enrolledMember();
    const admin = await t.login(platformAdmin);
    const reset = await admin.request('POST', `/api/users/${member.userId}/two-factor/reset`, { password: platformAdmin.password, ...RESET });
    assert.equal(reset.statusCode, 200, reset.body);
    assert.deepEqual(reset.json(), { endedSessions: 1 });

    assert.equal(await t.database.db.selectFrom('userTwoFactor').select('userId').where('userId', '=', member.userId).executeTakeFirst(), undefined);
    assert.equal((await t.database.db.selectFrom('twoFactorRecoveryCodes').select('userId').where('userId', '=', member.userId).execute()).length, 0);
    assert.equal((await t.database.db.selectFrom('sessions').select('id').where('userId', '=', member.userId).execute()).length, 0);
    assert.equal((await session.request('GET', '/api/auth/me')).statusCode, 401, 'the member\'s open session has ended');

    const audited = await auditRows(t.database, 'twoFactor.resetByAdministrator', member.userId);
    assert.equal(audited.length, 1);
    assert.deepEqual(audited[0]!.metadata, { ...RESET, endedSessions: 1 });
    assert.equal(audited[0]!.orgId, null, 'system chain');
    assert.equal(audited[0]!.actorId, platformAdmin.userId);

    // One notice (the notifications page lists all organisations'), under the oldest membership.
    const notices = await t.database.db.selectFrom('notifications').select(['orgId', 'kind', 'payload']).where('userId', '=', member.userId).execute();
    assert.deepEqual(notices.map((n) => [n.orgId, n.kind]), [[orgId, 'twoFactor.resetByAdministrator']]);

    // No second step any more: the password alone opens a session.
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: member.email, password: member.password } });
    assert.equal(login.statusCode, 200, login.body);
  });

  test('for a suspected compromise the password is replaced by a temporary one too, since it alone would now open the account', async () => {
    const { member } = await enrolledMember();
    const admin = await t.login(platformAdmin);
    const reset = await admin.request('POST', `/api/users/${member.userId}/two-factor/reset`, { password: platformAdmin.password, reason: 'suspectedCompromise', identityCheck: 'inPerson' });
    assert.equal(reset.statusCode, 200, reset.body);
    const { temporaryPassword } = reset.json() as { temporaryPassword: { password: string; expiresAt: string } };
    assert.match(temporaryPassword.password, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const oldPassword = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: member.email, password: member.password } });
    assert.equal(oldPassword.statusCode, 401, 'whoever knows the old password is locked out');
    const audited = await auditRows(t.database, 'twoFactor.resetByAdministrator', member.userId);
    assert.deepEqual(audited.at(-1)!.metadata, { reason: 'suspectedCompromise', identityCheck: 'inPerson', endedSessions: 1, temporaryPasswordExpiresAt: temporaryPassword.expiresAt });
    const temporary = await t.login({ ...member, password: temporaryPassword.password });
    assert.equal((await temporary.request('GET', '/api/auth/me')).json().passwordChangeRequired, true);
    const back = await temporary.request('POST', '/api/auth/password', { currentPassword: temporaryPassword.password, newPassword: member.password });
    assert.equal(back.json().error.details.reason, 'SAME_PASSWORD', 'not the password that may be in other hands');
    assert.equal((await temporary.request('POST', '/api/auth/password', { currentPassword: temporaryPassword.password, newPassword: 'seven gulls on a wet pier' })).statusCode, 204);
    assert.equal((await temporary.request('GET', '/api/auth/me')).json().passwordChangeRequired, false);
  });

  test('refusals: not a platform administrator, one\'s own enrolment, no enrolment, unknown user, wrong password (counted); nothing changes', async () => {
    const { member } = await enrolledMember();
    const orgAdmin = await t.login(await t.addUser(orgId, 'admin'));
    const admin = await t.login(platformAdmin);
    const url = `/api/users/${member.userId}/two-factor/reset`;

    const byOrgAdmin = await orgAdmin.request('POST', url, { password: 'whatever-it-is', ...RESET });
    assert.equal(byOrgAdmin.statusCode, 403);
    assert.equal(byOrgAdmin.json().error.details.reason, 'NOT_PLATFORM_ADMIN');

    const own = await admin.request('POST', `/api/users/${platformAdmin.userId}/two-factor/reset`, { password: platformAdmin.password, ...RESET });
    assert.equal(own.statusCode, 422);
    assert.equal(own.json().error.details.reason, 'OWN_TWO_FACTOR');

    const plain = await t.addUser(orgId, 'analyst');
    const none = await admin.request('POST', `/api/users/${plain.userId}/two-factor/reset`, { password: platformAdmin.password, ...RESET });
    assert.equal(none.statusCode, 422);
    assert.equal(none.json().error.details.reason, 'TWO_FACTOR_NOT_ENABLED');

    const unknown = await admin.request('POST', '/api/users/00000000-0000-4000-8000-000000000000/two-factor/reset', { password: platformAdmin.password, ...RESET });
    assert.equal(unknown.statusCode, 404);

    const wrong = await admin.request('POST', url, { password: 'not the password', ...RESET });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.details.reason, 'WRONG_PASSWORD');
    // Without the password nothing about the member is told, not even whether the account exists.
    const probe = await admin.request('POST', '/api/users/00000000-0000-4000-8000-000000000000/two-factor/reset', { password: 'not the password', ...RESET });
    assert.equal(probe.json().error.details.reason, 'WRONG_PASSWORD');
    const throttle = await t.database.db.selectFrom('loginThrottles').selectAll().where('throttleKey', '=', `two-factor:${platformAdmin.userId}`).execute();
    assert.equal(throttle.length, 1, 'the wrong passwords count against the administrator\'s own throttle');
    assert.equal(throttle[0]!.failures, 2);

    const badReason = await admin.request('POST', url, { password: platformAdmin.password, reason: 'because', identityCheck: 'videoCall' });
    assert.equal(badReason.statusCode, 400);

    assert.ok(await t.database.db.selectFrom('userTwoFactor').select('userId').where('userId', '=', member.userId).where('confirmedAt', 'is not', null).executeTakeFirst(), 'still enrolled');
    assert.equal((await auditRows(t.database, 'twoFactor.resetByAdministrator', member.userId)).length, 0);
    // Still two steps for the member.
    await passwordStep(t, member);
  });
});
