import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { COE_PROFILE } from '../../../core/nrm/jurisdictions/index.ts';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';

describe(`jurisdiction profiles as data (${ENGINE})`, () => {
  let t: TTestApp;
  let admin: TAgent;
  let orgId: string;
  before(async () => {
    t = await createTestApp();
    const seeded = await t.seedFirstAdmin();
    orgId = seeded.organisationId;
    admin = await t.login(seeded.admin);
  });
  after(() => t.close());

  test('a new version governs new cases; old or duplicate versions are refused; invalid profiles name their fields', async () => {
    const newer = { ...COE_PROFILE, version: '1.1.0', recoveryPeriod: { ...COE_PROFILE.recoveryPeriod, minDays: 45 } };
    assert.equal((await admin.request('POST', '/api/jurisdiction-profiles', newer)).statusCode, 201);
    assert.equal((await auditRows(t.database, 'jurisdictionProfile.added')).length, 1);
    const again = await admin.request('POST', '/api/jurisdiction-profiles', newer);
    assert.equal(again.json().error.details.reason, 'PROFILE_VERSION_EXISTS');
    const older = await admin.request('POST', '/api/jurisdiction-profiles', { ...COE_PROFILE, version: '0.9.0' });
    assert.equal(older.statusCode, 409);
    assert.equal(older.json().error.details.reason, 'PROFILE_VERSION_NOT_NEWER');
    const invalid = await admin.request('POST', '/api/jurisdiction-profiles', { ...COE_PROFILE, version: '1.2.0', ageOfMajority: -1 });
    assert.equal(invalid.statusCode, 400);
    assert.ok(invalid.json().error.details.issues.some((issue: { path: string }) => issue.path === 'body.ageOfMajority'));
    const listed = (await admin.request('GET', '/api/jurisdiction-profiles')).json().profiles.find((p: { id: string }) => p.id === 'coe');
    assert.equal(listed.version, '1.1.0');
    const created = await admin.request('POST', `/api/organisations/${orgId}/cases`, {
      person: { identity: { givenName: 'A' }, sex: 'female', ageYears: 30, ageStatus: 'confirmed', citizenship: null },
      details: { countryOfExploitation: null, exploitationForms: [], isUnaccompanied: null, source: 'other' },
    });
    assert.deepEqual(created.json().case.jurisdictionProfile, { id: 'coe', version: '1.1.0' });
  });
});
