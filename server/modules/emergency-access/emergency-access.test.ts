import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { adultCaseBody, SEEDED_IDENTITY } from '../../../test/support/case-fixtures.ts';

const JUSTIFICATION = 'Police report an imminent threat to the person; we need the contact address now.';

describe(`break-the-glass emergency access (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let caseWorker: TAgent;
  let admin: TAgent;
  let caseId: string;
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
    caseWorker = await t.login(await t.addUser(orgId, 'case_worker'));
    admin = await t.login(await t.addUser(orgId, 'admin'));
    const created = await caseWorker.request('POST', `/api/organisations/${orgId}/cases`, adultCaseBody());
    assert.equal(created.statusCode, 201, created.body);
    caseId = created.json().case.id;
  });
  after(() => t.close());

  const caseUrl = (id = caseId) => `/api/organisations/${orgId}/cases/${id}`;

  test('granted at once for the organisation\'s hours: the case and its identity open, every read is marked, owners and admins are told', async () => {
    const investigator = await t.login(await t.addUser(orgId, 'investigator'));
    const refused = await investigator.request('GET', caseUrl());
    assert.equal(refused.statusCode, 403);

    const granted = await investigator.request('POST', `${caseUrl()}/emergency-access`, { justification: JUSTIFICATION });
    assert.equal(granted.statusCode, 201, granted.body);
    const grant = granted.json().grant;
    assert.equal(grant.status, 'active');
    assert.equal(new Date(grant.expiresAt).getTime() - new Date(grant.grantedAt).getTime(), 4 * 3_600_000, 'the default is 4 hours');

    const row = await t.database.db.selectFrom('emergencyAccessGrants').selectAll().where('id', '=', grant.id).executeTakeFirstOrThrow();
    assert.equal(row.userId, investigator.user.userId);
    assert.match(row.justificationCiphertext, /^v1\./);
    assert.ok(!row.justificationCiphertext.includes('imminent'), 'the justification is sealed');

    const opened = await investigator.request('GET', caseUrl());
    assert.equal(opened.statusCode, 200);
    assert.equal(opened.json().case.person.identity.givenName, SEEDED_IDENTITY.givenName);
    assert.equal((await investigator.request('GET', `${caseUrl()}/timeline`)).statusCode, 200);
    assert.equal((await investigator.request('POST', `${caseUrl()}/closure`, { reason: 'other', expectedVersion: 1 })).statusCode, 403, 'read access only');

    const grantedAudit = await auditRows(t.database, 'emergencyAccess.granted', grant.id);
    assert.equal(grantedAudit.length, 1);
    assert.equal(grantedAudit[0]!.orgId, orgId);
    assert.equal(grantedAudit[0]!.caseId, caseId);
    assert.equal(grantedAudit[0]!.actorId, investigator.user.userId);
    assert.deepEqual(grantedAudit[0]!.metadata, { grantId: grant.id, caseId, hours: 4, expiresAt: grant.expiresAt });
    assert.ok(!JSON.stringify(grantedAudit[0]).includes('imminent'), 'no justification text in the audit log');
    const reads = await auditRows(t.database, 'emergencyAccess.caseRead', grant.id);
    assert.deepEqual(reads.map((r) => (r.metadata as { view: string }).view), ['case', 'timeline']);
    const identityReads = await t.database.db.selectFrom('auditEvents').select('actorId').where('action', '=', 'person.identityViewed').where('caseId', '=', caseId).where('actorId', '=', investigator.user.userId).execute();
    assert.equal(identityReads.length, 1);

    const notices = await t.database.db.selectFrom('notifications').select(['userId', 'kind', 'subjectId', 'payload']).where('kind', '=', 'emergencyAccess.granted').where('subjectId', '=', caseId).execute();
    assert.deepEqual(new Set(notices.map((n) => n.userId)), new Set([caseWorker.user.userId, admin.user.userId]), 'the case owner and the administrator');
    assert.ok(!JSON.stringify(notices).includes('imminent'));

    // The case shows who had emergency access, and why.
    const listed = await caseWorker.request('GET', `${caseUrl()}/emergency-access`);
    assert.equal(listed.statusCode, 200);
    assert.deepEqual(listed.json().grants.map((g: { user: { id: string }; justification: string; status: string }) => [g.user.id, g.justification, g.status]), [[investigator.user.userId, JUSTIFICATION, 'active']]);
    assert.equal((await investigator.request('POST', `${caseUrl()}/emergency-access`, { justification: JUSTIFICATION })).json().error.details.reason, 'EMERGENCY_ACCESS_ACTIVE');
  });

  test('expires after the configured hours; can be ended early by the holder or an administrator, not by others', async () => {
    assert.equal((await admin.request('PUT', `/api/organisations/${orgId}/security-policy`, { twoFactorRequirement: 'none', emergencyAccessHours: 1 })).statusCode, 200);
    const prosecutorUser = await t.addUser(orgId, 'prosecutor');
    let prosecutor = await t.login(prosecutorUser);
    const grant = (await prosecutor.request('POST', `${caseUrl()}/emergency-access`, { justification: JUSTIFICATION })).json().grant;
    assert.equal(new Date(grant.expiresAt).getTime() - new Date(grant.grantedAt).getTime(), 3_600_000);
    assert.equal((await prosecutor.request('GET', caseUrl())).statusCode, 200);
    t.clock.advanceMinutes(61);
    // Sessions idle out after 30 minutes: sign in again (the grant is what is being tested).
    prosecutor = await t.login(prosecutorUser);
    admin = await t.login(admin.user);
    caseWorker = await t.login(caseWorker.user);
    const expired = await prosecutor.request('GET', caseUrl());
    assert.equal(expired.statusCode, 403);
    assert.equal((await prosecutor.request('POST', `/api/organisations/${orgId}/emergency-access/${grant.id}/end`)).json().error.details.reason, 'EMERGENCY_ACCESS_NOT_ACTIVE');

    const second = (await prosecutor.request('POST', `${caseUrl()}/emergency-access`, { justification: JUSTIFICATION })).json().grant;
    const stranger = await t.login(await t.addUser(orgId, 'investigator'));
    assert.equal((await stranger.request('POST', `/api/organisations/${orgId}/emergency-access/${second.id}/end`)).statusCode, 403);
    assert.equal((await prosecutor.request('POST', `/api/organisations/${orgId}/emergency-access/${second.id}/end`)).statusCode, 204);
    assert.equal((await prosecutor.request('GET', caseUrl())).statusCode, 403, 'ended means no more access');
    const third = (await prosecutor.request('POST', `${caseUrl()}/emergency-access`, { justification: JUSTIFICATION })).json().grant;
    assert.equal((await admin.request('POST', `/api/organisations/${orgId}/emergency-access/${third.id}/end`)).statusCode, 204);
    const ended = await t.database.db.selectFrom('auditEvents').select(['metadata', 'actorId']).where('action', '=', 'emergencyAccess.ended').where('caseId', '=', caseId).orderBy('seq').execute();
    assert.deepEqual(ended.map((r) => (r.metadata as { endedBy: string }).endedBy), ['holder', 'administrator']);
    const statuses = (await admin.request('GET', `${caseUrl()}/emergency-access`)).json().grants.filter((g: { user: { id: string } }) => g.user.id === prosecutor.user.userId).map((g: { status: string }) => g.status);
    assert.deepEqual(statuses, ['ended', 'ended', 'expired']);
  });

  test('a written justification is required; members who can read cases, and roles without the permission, are refused', async () => {
    const investigator = await t.login(await t.addUser(orgId, 'investigator'));
    for (const body of [{}, { justification: '' }, { justification: 'urgent' }, { justification: ' '.repeat(30) }]) {
      const response = await investigator.request('POST', `${caseUrl()}/emergency-access`, body);
      assert.equal(response.statusCode, 400, JSON.stringify(body));
    }
    assert.equal((await t.database.db.selectFrom('emergencyAccessGrants').select('id').where('userId', '=', investigator.user.userId).execute()).length, 0);
    assert.equal((await admin.request('POST', `${caseUrl()}/emergency-access`, { justification: JUSTIFICATION })).json().error.details.reason, 'ALREADY_HAS_ACCESS');
    assert.equal((await caseWorker.request('POST', `${caseUrl()}/emergency-access`, { justification: JUSTIFICATION })).statusCode, 403, 'a case worker reads cases already and holds no break-the-glass permission');
    const analyst = await t.login(await t.addUser(orgId, 'analyst'));
    assert.equal((await analyst.request('POST', `${caseUrl()}/emergency-access`, { justification: JUSTIFICATION })).statusCode, 403);
    assert.equal((await investigator.request('POST', `${caseUrl('00000000-0000-4000-8000-000000000000')}/emergency-access`, { justification: JUSTIFICATION })).statusCode, 404);
  });

  test('members of other organisations are refused as if the case did not exist', async () => {
    const otherOrg = await t.createOrganisation();
    const outsider = await t.login(await t.addUser(otherOrg, 'investigator'));
    const response = await outsider.request('POST', `${caseUrl()}/emergency-access`, { justification: JUSTIFICATION });
    assert.equal(response.statusCode, 404);
    assert.equal((await outsider.request('GET', caseUrl())).statusCode, 404);
    assert.equal((await t.database.db.selectFrom('emergencyAccessGrants').select('id').where('userId', '=', outsider.user.userId).execute()).length, 0);
  });
});
