import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { INITIAL_PASSWORD_DAYS } from '../../../core/security/account-recovery.ts';

describe(`organisations and members (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let admin: TAgent;
  before(async () => {
    t = await createTestApp();
    const seeded = await t.seedFirstAdmin();
    orgId = seeded.organisationId;
    admin = await t.login(seeded.admin);
  });
  after(() => t.close());

  test('an admin adds a new person: account, membership and two audit rows in the organisation chain', async () => {
    const response = await admin.request('POST', `/api/organisations/${orgId}/members`, { email: 'New.Worker@example.test', displayName: 'New Worker', password: 'a long enough passphrase', role: 'case_worker' });
    assert.equal(response.statusCode, 201);
    const { member } = response.json();
    assert.equal(member.role, 'case_worker');
    const stored = await t.database.db.selectFrom('memberships').selectAll().where('orgId', '=', orgId).where('userId', '=', member.userId).executeTakeFirst();
    assert.equal(stored?.role, 'case_worker');
    const user = await t.database.db.selectFrom('users').selectAll().where('id', '=', member.userId).executeTakeFirstOrThrow();
    assert.match(user.passwordHash, /^\$argon2id\$/);
    // The administrator chose (and knows) the password: it must be replaced at the first sign-in.
    assert.equal(user.temporaryPasswordExpiresAt?.getTime(), t.clock.now().getTime() + INITIAL_PASSWORD_DAYS * 86_400_000);
    const firstSignIn = await t.login({ email: 'new.worker@example.test', password: 'a long enough passphrase', userId: member.userId });
    assert.equal((await firstSignIn.request('GET', '/api/auth/me')).json().passwordChangeRequired, true);
    assert.equal((await firstSignIn.request('GET', `/api/organisations/${orgId}/cases`)).json().error.details.reason, 'PASSWORD_CHANGE_REQUIRED');
    const created = await auditRows(t.database, 'user.created', member.userId);
    const granted = await auditRows(t.database, 'membership.granted', member.userId);
    assert.equal(created[0]?.orgId, orgId);
    assert.deepEqual(granted[0]?.metadata, { userId: member.userId, email: 'New.Worker@example.test', role: 'case_worker' });
    assert.equal(granted[0]?.actorId, admin.user.userId);
    const list = await admin.request('GET', `/api/organisations/${orgId}/members`);
    assert.equal(list.json().abilities['member.manage'], true);
    assert.ok(list.json().members.some((m: { email: string }) => m.email === 'New.Worker@example.test'));
  });

  test('adding the same e-mail twice is a conflict; a known e-mail needs no password', async () => {
    const otherOrg = await t.createOrganisation();
    const existing = await t.addUser(otherOrg, 'analyst');
    const added = await admin.request('POST', `/api/organisations/${orgId}/members`, { email: existing.email, displayName: 'ignored', role: 'analyst' });
    assert.equal(added.statusCode, 201);
    const again = await admin.request('POST', `/api/organisations/${orgId}/members`, { email: existing.email, displayName: 'ignored', role: 'analyst' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.details.reason, 'ALREADY_MEMBER');
  });

  test('a new e-mail without a password is refused with the field path', async () => {
    const response = await admin.request('POST', `/api/organisations/${orgId}/members`, { email: 'nopass@example.test', displayName: 'No Pass', role: 'analyst' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.details.issues[0].path, 'body.password');
    assert.equal(await t.database.db.selectFrom('users').select('id').where('email', '=', 'nopass@example.test').executeTakeFirst(), undefined);
  });

  test('role changes are audited with the diff; the last admin can be neither demoted nor removed', async () => {
    const worker = await t.addUser(orgId, 'case_worker');
    const changed = await admin.request('PATCH', `/api/organisations/${orgId}/members/${worker.userId}`, { role: 'coordinator' });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.json().member.role, 'coordinator');
    const audit = await auditRows(t.database, 'membership.roleChanged', worker.userId);
    assert.deepEqual(audit[0]?.changes, { role: { from: 'case_worker', to: 'coordinator' } });

    const demote = await admin.request('PATCH', `/api/organisations/${orgId}/members/${admin.user.userId}`, { role: 'analyst' });
    assert.equal(demote.statusCode, 422);
    assert.equal(demote.json().error.details.reason, 'LAST_ADMIN');
    const remove = await admin.request('DELETE', `/api/organisations/${orgId}/members/${admin.user.userId}`);
    assert.equal(remove.statusCode, 422);
    const stillAdmin = await t.database.db.selectFrom('memberships').select('role').where('orgId', '=', orgId).where('userId', '=', admin.user.userId).executeTakeFirst();
    assert.equal(stillAdmin?.role, 'admin');

    const second = await t.addUser(orgId, 'admin');
    const removed = await admin.request('DELETE', `/api/organisations/${orgId}/members/${second.userId}`);
    assert.equal(removed.statusCode, 204);
    assert.equal((await auditRows(t.database, 'membership.revoked', second.userId)).length, 1);
  });

  test('a removed member loses access at once', async () => {
    const worker = await t.addUser(orgId, 'auditor');
    const agent = await t.login(worker);
    assert.equal((await agent.request('GET', `/api/organisations/${orgId}/members`)).statusCode, 200);
    assert.equal((await admin.request('DELETE', `/api/organisations/${orgId}/members/${worker.userId}`)).statusCode, 204);
    assert.equal((await agent.request('GET', `/api/organisations/${orgId}/members`)).statusCode, 404);
  });

  test('members without member.manage cannot add people; other organisations do not exist for them', async () => {
    const worker = await t.login(await t.addUser(orgId, 'case_worker'));
    const forbidden = await worker.request('POST', `/api/organisations/${orgId}/members`, { email: 'x1@example.test', displayName: 'X', password: 'a long enough passphrase', role: 'admin' });
    assert.equal(forbidden.statusCode, 403);
    assert.equal(forbidden.json().error.details.reason, 'MISSING_PERMISSION');
    const otherOrg = await t.createOrganisation();
    const otherAdmin = await t.login(await t.addUser(otherOrg, 'admin'));
    const hidden = await otherAdmin.request('GET', `/api/organisations/${orgId}/members`);
    assert.equal(hidden.statusCode, 404);
    const hiddenWrite = await otherAdmin.request('POST', `/api/organisations/${orgId}/members`, { email: 'x2@example.test', displayName: 'X', password: 'a long enough passphrase', role: 'admin' });
    assert.equal(hiddenWrite.statusCode, 404);
    const list = await otherAdmin.request('GET', '/api/organisations');
    assert.deepEqual(list.json().organisations.map((o: { id: string }) => o.id), [otherOrg]);
  });

  test('platform administrators create organisations; others may not', async () => {
    const created = await admin.request('POST', '/api/organisations', { name: 'Labour Inspectorate North', kind: 'labour_inspectorate' });
    assert.equal(created.statusCode, 201);
    const id = created.json().organisation.id;
    assert.equal((await auditRows(t.database, 'organisation.created', id))[0]?.orgId, id);
    const duplicate = await admin.request('POST', '/api/organisations', { name: 'labour inspectorate north', kind: 'labour_inspectorate' });
    assert.equal(duplicate.statusCode, 409);
    const orgAdmin = await t.login(await t.addUser(id, 'admin'));
    const refused = await orgAdmin.request('POST', '/api/organisations', { name: 'Rogue', kind: 'ngo' });
    assert.equal(refused.statusCode, 403);
    // The platform administrator can bootstrap the new organisation's first administrator.
    const bootstrap = await admin.request('POST', `/api/organisations/${id}/members`, { email: 'inspector.admin@example.test', displayName: 'Inspector Admin', password: 'a long enough passphrase', role: 'admin' });
    assert.equal(bootstrap.statusCode, 201);
  });
});
