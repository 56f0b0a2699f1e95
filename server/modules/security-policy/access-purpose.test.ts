import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { adultCaseBody, SEEDED_IDENTITY } from '../../../test/support/case-fixtures.ts';

describe(`purpose of identity reads, when the security policy requires one (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let admin: TAgent;
  let caseWorker: TAgent;
  let caseId: string;
  let personId: string;
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
    admin = await t.login(await t.addUser(orgId, 'admin'));
    caseWorker = await t.login(await t.addUser(orgId, 'case_worker'));
    const created = await caseWorker.request('POST', `/api/organisations/${orgId}/cases`, adultCaseBody());
    assert.equal(created.statusCode, 201, created.body);
    caseId = created.json().case.id;
    personId = created.json().case.person.id;
  });
  after(() => t.close());

  const caseUrl = (query = '') => `/api/organisations/${orgId}/cases/${caseId}${query}`;
  const policyUrl = () => `/api/organisations/${orgId}/security-policy`;
  const viewsBy = async (agent: TAgent) => (await auditRows(t.database, 'person.identityViewed', personId)).filter((row) => row.actorId === agent.user.userId);

  test('policy off (the default): no purpose needed, the audit row is as before; a purpose given is recorded', async () => {
    assert.equal((await admin.request('GET', policyUrl())).json().requireAccessPurpose, false);
    const before = (await viewsBy(caseWorker)).length;
    const plain = await caseWorker.request('GET', caseUrl());
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.json().case.person.identity.givenName, SEEDED_IDENTITY.givenName);
    const withPurpose = await caseWorker.request('GET', caseUrl('?purpose=victim_support'));
    assert.equal(withPurpose.statusCode, 200);
    const views = (await viewsBy(caseWorker)).slice(before);
    assert.deepEqual(views.map((row) => row.metadata), [{ personId, purpose: 'case_view' }, { personId, purpose: 'case_view', accessPurpose: 'victim_support' }]);
  });

  test('only listed purpose codes are accepted', async () => {
    for (const query of ['?purpose=curiosity', '?purpose=', '?purpose=casework&note=x']) {
      const response = await caseWorker.request('GET', caseUrl(query));
      assert.equal(response.statusCode, 400, query);
      assert.equal(response.json().error.code, 'VALIDATION_FAILED');
    }
  });

  test('policy on: identity reads without a purpose are refused (nothing decrypted, nothing audited); with one, the code is in the audit row', async () => {
    const set = await admin.request('PUT', policyUrl(), { twoFactorRequirement: 'none', emergencyAccessHours: 4, requireAccessPurpose: true });
    assert.equal(set.statusCode, 200, set.body);
    assert.deepEqual(set.json(), { twoFactorRequirement: 'none', emergencyAccessHours: 4, requireAccessPurpose: true });
    const changed = (await auditRows(t.database, 'securityPolicy.changed', orgId)).at(-1)!;
    assert.deepEqual(changed.metadata, { twoFactorRequirement: 'none', emergencyAccessHours: 4, requireAccessPurpose: true });
    assert.deepEqual((changed.changes as Record<string, unknown>).requireAccessPurpose, [false, true]);

    const before = (await viewsBy(caseWorker)).length;
    const refused = await caseWorker.request('GET', caseUrl());
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().error.code, 'DOMAIN_RULE_VIOLATED');
    assert.equal(refused.json().error.details.reason, 'ACCESS_PURPOSE_REQUIRED');
    assert.ok(!refused.body.includes(SEEDED_IDENTITY.givenName));
    assert.equal((await viewsBy(caseWorker)).length, before, 'a refused read leaves no identityViewed row');

    const opened = await caseWorker.request('GET', caseUrl('?purpose=legal_proceedings'));
    assert.equal(opened.statusCode, 200, opened.body);
    assert.equal(opened.json().case.person.identity.givenName, SEEDED_IDENTITY.givenName);
    const views = (await viewsBy(caseWorker)).slice(before);
    assert.deepEqual(views.map((row) => [row.caseId, row.metadata]), [[caseId, { personId, purpose: 'case_view', accessPurpose: 'legal_proceedings' }]]);
  });

  test('policy on: a member without access is refused as before (a purpose opens nothing); a policy change without the field keeps it', async () => {
    const investigator = await t.login(await t.addUser(orgId, 'investigator'));
    const response = await investigator.request('GET', caseUrl('?purpose=casework'));
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'FORBIDDEN');

    const older = await admin.request('PUT', policyUrl(), { twoFactorRequirement: 'none', emergencyAccessHours: 6 });
    assert.equal(older.statusCode, 200);
    assert.equal(older.json().requireAccessPurpose, true, 'a client that does not know the setting leaves it as it is');
    assert.equal((await caseWorker.request('GET', caseUrl())).statusCode, 422);

    await admin.request('PUT', policyUrl(), { twoFactorRequirement: 'none', emergencyAccessHours: 6, requireAccessPurpose: false });
    assert.equal((await caseWorker.request('GET', caseUrl())).statusCode, 200, 'off again: unchanged behaviour');
  });

  test('document downloads follow the same rule: refused without a purpose when the policy is on, the code in the audit row', async () => {
    const uploaded = await caseWorker.request('POST', caseUrl('/documents'), { fileName: 'statement.txt', contentType: 'text/plain', contentBase64: Buffer.from('statement').toString('base64') });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const documentId: string = uploaded.json().document.id;
    const contentUrl = (query = '') => caseUrl(`/documents/${documentId}/content${query}`);
    const downloads = async () => (await auditRows(t.database, 'document.downloaded', documentId)).map((row) => row.metadata);

    assert.equal((await caseWorker.request('GET', contentUrl())).statusCode, 200, 'policy off: no purpose needed');
    await admin.request('PUT', policyUrl(), { twoFactorRequirement: 'none', emergencyAccessHours: 6, requireAccessPurpose: true });
    const refused = await caseWorker.request('GET', contentUrl());
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().error.details.reason, 'ACCESS_PURPOSE_REQUIRED');
    assert.ok(!refused.body.includes('statement'));
    assert.equal((await caseWorker.request('GET', contentUrl('?purpose=curiosity'))).statusCode, 400);
    const opened = await caseWorker.request('GET', contentUrl('?purpose=victim_support'));
    assert.equal(opened.statusCode, 200);
    assert.equal(opened.body, 'statement');
    assert.deepEqual(await downloads(), [{ documentId }, { documentId, accessPurpose: 'victim_support' }]);
    await admin.request('PUT', policyUrl(), { twoFactorRequirement: 'none', emergencyAccessHours: 6, requireAccessPurpose: false });
  });
});
