import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode } from '../../../core/security/totp.ts';
import { createTestApp, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { codeFor, enrolTwoFactor, passwordStep, secondStep } from './two-factor.test-support.ts';
import { ENROLMENT_ONLY_ROUTES } from './two-factor-gate.ts';

describe(`two-factor sign-in (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
  });
  after(() => t.close());

  test('enrolment: a sealed pending secret, a QR code, confirmation only by a valid code, 10 hashed recovery codes', async () => {
    const user = await t.addUser(orgId, 'case_worker');
    const agent = await t.login(user);
    const started = await agent.request('POST', '/api/account/two-factor/enrolment');
    assert.equal(started.statusCode, 200);
    const { secret, otpauthUri, qrSvg } = started.json();
    assert.equal(base32Decode(secret).length, 20);
    assert.match(otpauthUri, new RegExp(`^otpauth://totp/Palermo:${encodeURIComponent(user.email)}\\?secret=${secret}&issuer=Palermo&algorithm=SHA1&digits=6&period=30$`));
    assert.match(qrSvg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.doesNotMatch(qrSvg, /<script/i);
    const row = await t.database.db.selectFrom('userTwoFactor').selectAll().where('userId', '=', user.userId).executeTakeFirstOrThrow();
    assert.equal(row.confirmedAt, null);
    assert.match(row.secretCiphertext, /^v1\./);
    assert.ok(!row.secretCiphertext.includes(secret));
    assert.equal((await agent.request('GET', '/api/account/two-factor')).json().enabled, false);

    const wrong = await agent.request('POST', '/api/account/two-factor/enrolment/confirm', { code: codeFor(t, secret, 5) });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.details.reason, 'WRONG_TWO_FACTOR_CODE');
    const failures = await auditRows(t.database, 'twoFactor.failed', user.userId);
    assert.deepEqual(failures.map((r) => r.metadata), [{ reason: 'WRONG_CODE', purpose: 'enrolment' }], 'the failure is committed despite the refusal');

    const confirmed = await agent.request('POST', '/api/account/two-factor/enrolment/confirm', { code: codeFor(t, secret) });
    assert.equal(confirmed.statusCode, 200);
    const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
    assert.equal(recoveryCodes.length, 10);
    assert.equal(new Set(recoveryCodes).size, 10);
    const stored = await t.database.db.selectFrom('twoFactorRecoveryCodes').selectAll().where('userId', '=', user.userId).execute();
    assert.equal(stored.length, 10);
    for (const code of recoveryCodes) assert.ok(stored.every((r) => r.codeHash !== code && !r.codeHash.includes(code.replace('-', ''))));
    const status = (await agent.request('GET', '/api/account/two-factor')).json();
    assert.deepEqual(status, { enabled: true, pendingEnrolment: false, recoveryCodesLeft: 10, requiredBy: [] });
    assert.equal((await auditRows(t.database, 'twoFactor.enabled', user.userId)).length, 1);
    assert.equal((await auditRows(t.database, 'twoFactor.enrolmentStarted', user.userId))[0]!.orgId, null, 'system chain');
    const again = await agent.request('POST', '/api/account/two-factor/enrolment');
    assert.equal(again.json().error.details.reason, 'TWO_FACTOR_ALREADY_ENABLED');
  });

  test('sign-in takes two steps: a challenge without a session, then a code; a code is never accepted twice', async () => {
    const user = await t.addUser(orgId, 'coordinator');
    const { secret } = await enrolTwoFactor(t, await t.login(user));
    t.clock.advanceMinutes(1);
    const first = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
    assert.equal(first.statusCode, 202);
    assert.equal(first.json().twoFactorRequired, true);
    assert.equal(first.cookies.find((c) => c.name === 'palermo_session'), undefined, 'no session before the second step');
    const sessionsBefore = await t.database.db.selectFrom('sessions').select('id').where('userId', '=', user.userId).execute();

    const code = codeFor(t, secret);
    const second = await secondStep(t, first.json().challengeToken, code);
    assert.equal(second.statusCode, 200, second.body);
    assert.ok(second.cookies.find((c) => c.name === 'palermo_session'));
    assert.equal(second.json().user.id, user.userId);
    const sessionsAfter = await t.database.db.selectFrom('sessions').select('id').where('userId', '=', user.userId).execute();
    assert.equal(sessionsAfter.length, sessionsBefore.length + 1);
    const verified = await auditRows(t.database, 'twoFactor.verified', user.userId);
    assert.equal(verified.length, 1);
    assert.equal((verified[0]!.metadata as { method: string }).method, 'totp');
    assert.equal(verified[0]!.actorId, user.userId);
    assert.equal((await auditRows(t.database, 'user.loggedIn', user.userId)).length, 2, 'the enrolling login and this one');

    const replay = await secondStep(t, await passwordStep(t, user), code);
    assert.equal(replay.statusCode, 401, 'the same code within its 30 seconds is refused');
    assert.equal(replay.json().error.details.reason, 'WRONG_TWO_FACTOR_CODE');
    const reused = await secondStep(t, first.json().challengeToken, codeFor(t, secret, 1));
    assert.equal(reused.json().error.details.reason, 'TWO_FACTOR_CHALLENGE_INVALID', 'a used challenge is spent');
    t.clock.advanceMinutes(0.5);
    assert.equal((await secondStep(t, await passwordStep(t, user), codeFor(t, secret))).statusCode, 200, 'the next step\'s code works');
  });

  test('a recovery code signs in once; an expired challenge is refused', async () => {
    const user = await t.addUser(orgId, 'auditor');
    const { recoveryCodes } = await enrolTwoFactor(t, await t.login(user));
    const ok = await secondStep(t, await passwordStep(t, user), recoveryCodes[3]!.toLowerCase());
    assert.equal(ok.statusCode, 200);
    const verified = await auditRows(t.database, 'twoFactor.verified', user.userId);
    assert.deepEqual({ ...(verified[0]!.metadata as object), challengeId: 'x' }, { challengeId: 'x', method: 'recovery_code', recoveryCodesLeft: 9 });
    const again = await secondStep(t, await passwordStep(t, user), recoveryCodes[3]!);
    assert.equal(again.statusCode, 401);

    const challenge = await passwordStep(t, user);
    t.clock.advanceMinutes(6);
    const late = await secondStep(t, challenge, recoveryCodes[4]!);
    assert.equal(late.json().error.details.reason, 'TWO_FACTOR_CHALLENGE_INVALID');
    assert.equal((await auditRows(t.database, 'twoFactor.failed', user.userId)).at(-1)!.metadata.reason, 'CHALLENGE_INVALID');
  });

  test('wrong codes are throttled like passwords: the fifth locks the second step for 15 minutes', async () => {
    const user = await t.addUser(orgId, 'analyst');
    const { secret } = await enrolTwoFactor(t, await t.login(user));
    t.clock.advanceMinutes(1);
    const challenge = await passwordStep(t, user);
    for (let attempt = 1; attempt <= 5; attempt += 1) assert.equal((await secondStep(t, challenge, '000000')).statusCode, 401);
    const locked = await secondStep(t, await passwordStep(t, user), codeFor(t, secret));
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.details.reason, 'TWO_FACTOR_LOCKED');
    const failures = await auditRows(t.database, 'twoFactor.failed', user.userId);
    assert.deepEqual(failures.map((r) => (r.metadata as { reason: string }).reason), ['WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE', 'LOCKED']);
    assert.equal((await secondStep(t, challenge, codeFor(t, secret))).json().error.details.reason, 'TWO_FACTOR_CHALLENGE_INVALID', 'five failures end the challenge');
    t.clock.advanceMinutes(16);
    assert.equal((await secondStep(t, await passwordStep(t, user), codeFor(t, secret))).statusCode, 200);
  });

  test('turning it off needs the password and a code; sign-in is then one step again', async () => {
    const user = await t.addUser(orgId, 'case_worker');
    const agent = await t.login(user);
    const { secret } = await enrolTwoFactor(t, agent);
    t.clock.advanceMinutes(1);
    const wrongPassword = await agent.request('POST', '/api/account/two-factor/disable', { password: 'not the password', code: codeFor(t, secret) });
    assert.equal(wrongPassword.json().error.details.reason, 'WRONG_PASSWORD');
    const wrongCode = await agent.request('POST', '/api/account/two-factor/disable', { password: user.password, code: '123456' === codeFor(t, secret) ? '654321' : '123456' });
    assert.equal(wrongCode.json().error.details.reason, 'WRONG_TWO_FACTOR_CODE');
    const off = await agent.request('POST', '/api/account/two-factor/disable', { password: user.password, code: codeFor(t, secret) });
    assert.equal(off.statusCode, 204);
    assert.equal(await t.database.db.selectFrom('userTwoFactor').select('userId').where('userId', '=', user.userId).executeTakeFirst(), undefined);
    assert.equal((await t.database.db.selectFrom('twoFactorRecoveryCodes').select('userId').where('userId', '=', user.userId).execute()).length, 0);
    assert.equal((await auditRows(t.database, 'twoFactor.disabled', user.userId)).length, 1);
    await t.login(user);
  });

  test('new recovery codes: password and a current app code; the old codes stop working, each new one works once', async () => {
    const user = await t.addUser(orgId, 'case_worker');
    const agent = await t.login(user);
    const { secret, recoveryCodes: oldCodes } = await enrolTwoFactor(t, agent);
    t.clock.advanceMinutes(1);
    const url = '/api/account/two-factor/recovery-codes';
    const wrongPassword = await agent.request('POST', url, { password: 'not the password', code: codeFor(t, secret) });
    assert.equal(wrongPassword.statusCode, 401);
    assert.equal(wrongPassword.json().error.details.reason, 'WRONG_PASSWORD');
    const wrongCode = await agent.request('POST', url, { password: user.password, code: codeFor(t, secret, 3) });
    assert.equal(wrongCode.json().error.details.reason, 'WRONG_TWO_FACTOR_CODE');
    const byRecoveryCode = await agent.request('POST', url, { password: user.password, code: oldCodes[0]! });
    assert.equal(byRecoveryCode.json().error.details.reason, 'WRONG_TWO_FACTOR_CODE', 'a recovery code cannot mint new ones');
    assert.deepEqual((await auditRows(t.database, 'twoFactor.failed', user.userId)).map((r) => r.metadata), [
      { reason: 'WRONG_CODE', purpose: 'recovery_codes' }, { reason: 'WRONG_CODE', purpose: 'recovery_codes' },
    ]);
    const unchanged = await t.database.db.selectFrom('twoFactorRecoveryCodes').select('codeHash').where('userId', '=', user.userId).where('usedAt', 'is', null).execute();
    assert.equal(unchanged.length, 10, 'refusals change nothing (the recovery code was not spent either)');

    const renewed = await agent.request('POST', url, { password: user.password, code: codeFor(t, secret) });
    assert.equal(renewed.statusCode, 200, renewed.body);
    const newCodes = (renewed.json() as { recoveryCodes: string[] }).recoveryCodes;
    assert.equal(newCodes.length, 10);
    assert.equal(newCodes.filter((code) => oldCodes.includes(code)).length, 0);
    const stored = await t.database.db.selectFrom('twoFactorRecoveryCodes').select(['codeHash', 'usedAt']).where('userId', '=', user.userId).execute();
    assert.equal(stored.length, 10);
    assert.ok(stored.every((row) => row.usedAt === null && !newCodes.includes(row.codeHash)));
    const audited = await auditRows(t.database, 'twoFactor.recoveryCodesRegenerated', user.userId);
    assert.deepEqual(audited.map((r) => [r.orgId, r.actorId, r.metadata]), [[null, user.userId, { recoveryCodes: 10 }]]);
    assert.equal((await agent.request('GET', '/api/account/two-factor')).json().recoveryCodesLeft, 10);
    assert.equal((await agent.request('POST', url, { password: user.password, code: codeFor(t, secret) })).json().error.details.reason, 'WRONG_TWO_FACTOR_CODE', 'the same app code is not accepted twice');

    assert.equal((await secondStep(t, await passwordStep(t, user), oldCodes[1]!)).statusCode, 401, 'an old code no longer signs in');
    assert.equal((await secondStep(t, await passwordStep(t, user), newCodes[0]!)).statusCode, 200);
    assert.equal((await secondStep(t, await passwordStep(t, user), newCodes[0]!)).statusCode, 401, 'a new code works once');

    const plain = await t.login(await t.addUser(orgId, 'case_worker'));
    assert.equal((await plain.request('POST', url, { password: 'whatever it is', code: '123456' })).json().error.details.reason, 'TWO_FACTOR_NOT_ENABLED');
  });

  test('every route a held member may still call exists (a renamed route would lock them out)', () => {
    const routes = new Set(t.app.routeTable.map((route) => `${route.method} ${route.url}`));
    for (const route of ENROLMENT_ONLY_ROUTES) assert.ok(routes.has(route), route);
  });

  test('organisation policy: identity roles must enrol before doing anything else; others are not held', async () => {
    const policyOrg = await t.createOrganisation();
    const admin = await t.login(await t.addUser(policyOrg, 'admin'));
    const { secret: adminSecret } = await enrolTwoFactor(t, admin);
    const caseWorker = await t.login(await t.addUser(policyOrg, 'case_worker'));
    const analyst = await t.login(await t.addUser(policyOrg, 'analyst'));
    const coordinator = await t.addUser(policyOrg, 'coordinator');

    assert.equal((await caseWorker.request('PUT', `/api/organisations/${policyOrg}/security-policy`, { twoFactorRequirement: 'all', emergencyAccessHours: 4 })).statusCode, 403);
    const set = await admin.request('PUT', `/api/organisations/${policyOrg}/security-policy`, { twoFactorRequirement: 'identity_roles', emergencyAccessHours: 6 });
    assert.equal(set.statusCode, 200);
    const changed = await auditRows(t.database, 'securityPolicy.changed', policyOrg);
    assert.deepEqual(changed.map((r) => [r.orgId, r.metadata]), [[policyOrg, { twoFactorRequirement: 'identity_roles', emergencyAccessHours: 6, requireAccessPurpose: false }]]);
    assert.deepEqual((await analyst.request('GET', `/api/organisations/${policyOrg}/security-policy`)).json(), { twoFactorRequirement: 'identity_roles', emergencyAccessHours: 6, requireAccessPurpose: false });

    // An open session is held at once; sign-in still works, but only to enrol.
    const refused = await caseWorker.request('GET', `/api/organisations/${policyOrg}/cases`);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.details.reason, 'TWO_FACTOR_ENROLMENT_REQUIRED');
    assert.deepEqual(refused.json().error.details.organisationIds, [policyOrg]);
    const coordinatorAgent = await t.login(coordinator);
    // Changing the password stays open (someone signed in with a temporary one must do that first);
    // it gives a password-only session nothing that enrolling would not.
    assert.equal((await coordinatorAgent.request('POST', '/api/auth/password', { currentPassword: coordinator.password, newPassword: 'a much longer new passphrase' })).statusCode, 204);
    assert.equal((await coordinatorAgent.request('GET', '/api/auth/me')).statusCode, 200);
    assert.deepEqual((await coordinatorAgent.request('GET', '/api/account/two-factor')).json().requiredBy, [policyOrg]);
    assert.equal((await analyst.request('GET', `/api/organisations/${policyOrg}/security-policy`)).statusCode, 200, 'an analyst reads no identities');
    assert.equal((await admin.request('GET', `/api/organisations/${policyOrg}/cases`)).statusCode, 200, 'an enrolled admin');

    await enrolTwoFactor(t, caseWorker);
    assert.equal((await caseWorker.request('GET', `/api/organisations/${policyOrg}/cases`)).statusCode, 200);

    t.clock.advanceMinutes(1);
    await admin.request('PUT', `/api/organisations/${policyOrg}/security-policy`, { twoFactorRequirement: 'all', emergencyAccessHours: 6 });
    assert.equal((await analyst.request('GET', `/api/organisations/${policyOrg}/security-policy`)).json().error.details.reason, 'TWO_FACTOR_ENROLMENT_REQUIRED');
    // Turning it off is allowed, but the member is then held to re-enrolment.
    assert.equal((await admin.request('POST', '/api/account/two-factor/disable', { password: 'correct horse battery staple', code: codeFor(t, adminSecret) })).statusCode, 204);
    assert.equal((await admin.request('GET', `/api/organisations/${policyOrg}/security-policy`)).json().error.details.reason, 'TWO_FACTOR_ENROLMENT_REQUIRED');
  });
});
