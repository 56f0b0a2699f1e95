import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FIELD_GROUPS, type TFieldGroup } from '../../../core/protection/field-groups.ts';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { adultCaseBody, childCaseBody, SEEDED_IDENTITY } from '../../../test/support/case-fixtures.ts';
import { recordGuardian } from '../cases/use-cases/child-protection.ts';
import { providerWithService } from '../services/directory-fixtures.test-support.ts';
import { CONSENT_ALL, referralBody } from './referral-fixtures.test-support.ts';

/** The values of each field group in SEEDED_IDENTITY and the referral notes: the receiver must see exactly its groups' values. */
const GROUP_VALUES: Record<TFieldGroup, string[]> = {
  identity_basic: ['Zenobia', 'Quillfeather', 'Зиновия'],
  identity_documents: ['1994-07-23', 'PX9981237Q'],
  contact: ['+44 7700 900461', 'Larkspur Close'],
  needs: ['safe bed tonight'],
  safety: ['Exploiter knows her old address'],
  nrm_status: ['hasPositiveReasonableGrounds'],
};

describe(`service referrals (${ENGINE})`, () => {
  let t: TTestApp;
  let agency: string; // the government agency that holds the case
  let ngo: string; // the shelter provider
  let worker: TAgent;
  let shelterWorker: TAgent;
  let service: { serviceId: string; serviceAtLocationId: string };
  before(async () => {
    t = await createTestApp();
    agency = await t.createOrganisation();
    ngo = await t.createOrganisation();
    worker = await t.login(await t.addUser(agency, 'case_worker'));
    shelterWorker = await t.login(await t.addUser(ngo, 'case_worker'));
    service = await providerWithService(t, ngo);
  });
  after(() => t.close());
  const api = (org: string, path: string) => `/api/organisations/${org}${path}`;

  async function newCase(body: unknown = adultCaseBody()): Promise<string> {
    const created = await worker.request('POST', api(agency, '/cases'), body);
    assert.equal(created.statusCode, 201, created.body);
    return created.json().case.id;
  }
  async function consent(caseId: string, overrides: Record<string, unknown> = {}) {
    const response = await worker.request('POST', api(agency, `/cases/${caseId}/service-consents`), { ...CONSENT_ALL, receivingOrgId: ngo, ...overrides });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().consents[0].id as string;
  }
  async function refer(caseId: string, groups: readonly TFieldGroup[] = ['identity_basic', 'needs']) {
    return worker.request('POST', api(agency, `/cases/${caseId}/service-referrals`), referralBody(service.serviceId, groups));
  }
  /** The notices written about a referral: recipient, organisation, kind and payload, in the order of the workflow (the test clock may not move between steps). */
  async function notices(referralId: string) {
    const rows = await t.database.db.selectFrom('notifications').select(['userId', 'orgId', 'kind', 'payload', 'createdAt']).where('subjectType', '=', 'serviceReferral').where('subjectId', '=', referralId).execute();
    const step = (row: (typeof rows)[number]) => `${row.createdAt.toISOString()} ${['serviceReferral.received', 'serviceReferral.responded', 'serviceReferral.revoked'].indexOf(row.kind)} ${String(row.payload.response ?? '')}`;
    return rows.sort((a, b) => step(a).localeCompare(step(b))).map(({ userId, orgId, kind, payload }) => ({ userId, orgId, kind, payload }));
  }

  test('golden path: consent, refer, the shelter accepts, logs deliveries and completes; every step audited on both sides', async () => {
    const caseId = await newCase();
    await consent(caseId);
    const sent = await worker.request('POST', api(agency, `/cases/${caseId}/service-referrals`), { ...referralBody(service.serviceId, ['identity_basic', 'needs', 'safety']), serviceAtLocationId: service.serviceAtLocationId });
    assert.equal(sent.statusCode, 201, sent.body);
    const referral = sent.json().referral;
    assert.equal(referral.side, 'referrer');
    assert.equal(referral.status, 'sent');
    assert.equal(referral.shared, null, 'the referrer holds the case; it is not sent the copy');
    assert.match(referral.case.reference, /^NRM-/);
    assert.deepEqual(referral.allowedActions, ['revoke']);

    assert.deepEqual(await notices(referral.id), [{ userId: shelterWorker.user.userId, orgId: ngo, kind: 'serviceReferral.received', payload: { referralId: referral.id, purpose: 'shelter', isOverride: false } }],
      'the receiver\'s referral workers are told; the sender is not notified of their own action');
    const inbox = await shelterWorker.request('GET', api(ngo, '/service-referrals?box=action_needed'));
    assert.deepEqual(inbox.json().referrals.map((r: { id: string; needsAction: boolean; caseReference: null }) => [r.id, r.needsAction, r.caseReference]), [[referral.id, true, null]]);
    const received = await shelterWorker.request('GET', api(ngo, `/service-referrals/${referral.id}`));
    assert.equal(received.statusCode, 200, received.body);
    const view = received.json().referral;
    assert.equal(view.side, 'receiver');
    assert.equal(view.case, null, 'the receiver never learns which case it is');
    assert.equal(view.shared.identityBasic.familyName, 'Quillfeather');
    assert.equal(view.shared.needs.summary, 'Needs a safe bed tonight and a GP appointment');
    assert.deepEqual(view.allowedActions, ['accept', 'decline']);
    assert.equal((await auditRows(t.database, 'serviceReferral.sharedViewed', referral.id)).length, 2, 'the read is audited in both chains');

    const accepted = await shelterWorker.request('POST', api(ngo, `/service-referrals/${referral.id}/accept`), { expectedVersion: 1 });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().referral.status, 'accepted');
    const delivery = { serviceKind: 'shelter', deliveredOn: '2026-02-01', quantity: 14, unit: 'night', language: 'ro', interpreterUsed: false };
    assert.equal((await shelterWorker.request('POST', api(ngo, `/service-referrals/${referral.id}/deliveries`), delivery)).statusCode, 201);
    // Recorded a minute apart: the log lists same-day deliveries in the order they were recorded.
    t.clock.advanceMinutes(1);
    assert.equal((await worker.request('POST', api(agency, `/cases/${caseId}/deliveries`), { ...delivery, serviceKind: 'legal_aid', quantity: 1, unit: 'session', language: 'en', interpreterUsed: true })).statusCode, 201);
    const log = (await worker.request('GET', api(agency, `/cases/${caseId}/deliveries`))).json().deliveries;
    assert.deepEqual(log.map((d: { serviceKind: string; organisation: { id: string }; quantity: number }) => [d.serviceKind, d.organisation.id, d.quantity]), [['shelter', ngo, 14], ['legal_aid', agency, 1]]);
    assert.equal((await shelterWorker.request('GET', api(ngo, `/cases/${caseId}/deliveries`))).statusCode, 404, 'the provider cannot reach the case');

    const completed = await shelterWorker.request('POST', api(ngo, `/service-referrals/${referral.id}/complete`), { expectedVersion: 2 });
    assert.equal(completed.statusCode, 200, completed.body);
    assert.equal(completed.json().referral.shared, null, 'sharing ends with the service');
    assert.equal(completed.json().referral.deliveries.length, 1);
    const stored = await t.database.db.selectFrom('serviceReferrals').selectAll().where('id', '=', referral.id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'completed');
    assert.equal(stored.sharedCiphertext, null);
    assert.deepEqual((await shelterWorker.request('GET', api(ngo, '/service-referrals?box=shared_with_me'))).json().referrals, []);
    assert.deepEqual((await worker.request('GET', api(agency, `/service-referrals?box=sent&caseId=${caseId}`))).json().referrals.map((r: { status: string }) => r.status), ['completed']);

    const responses = (await notices(referral.id)).filter((n) => n.kind === 'serviceReferral.responded');
    assert.deepEqual(responses.map((n) => [n.userId, n.orgId, n.payload.response]), [[worker.user.userId, agency, 'accepted'], [worker.user.userId, agency, 'completed']], 'the referrer hears each answer');
    for (const action of ['serviceReferral.sent', 'serviceReferral.accepted', 'serviceReferral.completed']) {
      const rows = await auditRows(t.database, action, referral.id);
      assert.deepEqual(rows.map((r) => r.orgId).sort(), [agency, ngo].sort(), action);
      assert.equal(rows.find((r) => r.orgId === agency)!.caseId, caseId);
      assert.equal(rows.find((r) => r.orgId === ngo)!.caseId, null);
    }
    const timeline = (await worker.request('GET', api(agency, `/cases/${caseId}/timeline`))).json().events.map((e: { action: string }) => e.action);
    for (const action of ['serviceConsent.recorded', 'serviceReferral.sent', 'serviceReferral.sharedViewed', 'serviceReferral.accepted', 'serviceDelivery.recorded', 'serviceReferral.completed']) assert.ok(timeline.includes(action), action);
    const audit = JSON.stringify(await t.database.db.selectFrom('auditEvents').select(['metadata', 'changes']).execute());
    for (const secret of ['Quillfeather', 'safe bed', 'Exploiter knows']) assert.ok(!audit.includes(secret), `${secret} reached the audit log`);
    const noticeText = JSON.stringify(await notices(referral.id));
    for (const secret of ['Quillfeather', 'safe bed', 'Exploiter knows', caseId]) assert.ok(!noticeText.includes(secret), `${secret} reached a notification`);
  });

  test('the receiver sees exactly the field groups shared, each on its own, and nothing else of the case', async () => {
    const caseId = await newCase();
    await consent(caseId);
    for (const group of FIELD_GROUPS) {
      const sent = await refer(caseId, [group]);
      assert.equal(sent.statusCode, 201, `${group}: ${sent.body}`);
      const response = await shelterWorker.request('GET', api(ngo, `/service-referrals/${sent.json().referral.id}`));
      const shared = response.json().referral.shared;
      const key = group.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      assert.deepEqual(Object.keys(shared), [key], group);
      for (const [other, values] of Object.entries(GROUP_VALUES)) {
        for (const value of values) assert.equal(response.body.includes(value), other === group, `${group}: ${value} ${other === group ? 'missing' : 'leaked'}`);
      }
      assert.ok(!response.body.includes(caseId), `${group}: the case id leaked`);
    }
    const stored = await t.database.db.selectFrom('serviceReferrals').select('sharedCiphertext').where('caseId', '=', caseId).execute();
    assert.ok(stored.every((row) => row.sharedCiphertext?.startsWith('v1.') && !row.sharedCiphertext.includes('Zenobia')), 'shared copies are sealed');
    for (const badBody of [
      { ...referralBody(service.serviceId, ['identity_basic']), needs: { summary: 'x', languages: [] } },
      { ...referralBody(service.serviceId, ['safety']), safetyNotes: null },
    ]) {
      const refused = await worker.request('POST', api(agency, `/cases/${caseId}/service-referrals`), badBody);
      assert.equal(refused.statusCode, 400, 'notes travel only with their group');
    }
  });

  test('revoking ends the receiver\'s access at once, and erases its copy', async () => {
    const caseId = await newCase();
    await consent(caseId);
    const referral = (await refer(caseId)).json().referral;
    assert.equal((await shelterWorker.request('GET', api(ngo, `/service-referrals/${referral.id}`))).statusCode, 200);
    assert.equal((await shelterWorker.request('POST', api(ngo, `/service-referrals/${referral.id}/revoke`), { expectedVersion: 1 })).json().error.details.reason, 'NOT_REFERRER');
    const revoked = await worker.request('POST', api(agency, `/service-referrals/${referral.id}/revoke`), { expectedVersion: 1 });
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal(revoked.json().referral.revokeReason, 'referrer_revoked');
    assert.equal((await shelterWorker.request('GET', api(ngo, `/service-referrals/${referral.id}`))).statusCode, 404);
    assert.equal((await shelterWorker.request('POST', api(ngo, `/service-referrals/${referral.id}/accept`), { expectedVersion: 2 })).statusCode, 404);
    assert.ok(!(await shelterWorker.request('GET', api(ngo, '/service-referrals?box=shared_with_me'))).body.includes(referral.id));
    const stored = await t.database.db.selectFrom('serviceReferrals').selectAll().where('id', '=', referral.id).executeTakeFirstOrThrow();
    assert.deepEqual([stored.status, stored.sharedCiphertext], ['revoked', null]);
    assert.equal((await auditRows(t.database, 'serviceReferral.revoked', referral.id)).length, 2);
    const revokedNotice = (await notices(referral.id)).filter((n) => n.kind === 'serviceReferral.revoked');
    assert.deepEqual(revokedNotice, [{ userId: shelterWorker.user.userId, orgId: ngo, kind: 'serviceReferral.revoked', payload: { referralId: referral.id, purpose: 'shelter', response: 'revoked', reason: 'referrer_revoked' } }]);
  });

  test('an accepted referral can still be revoked: the receiver loses it at once and can log nothing more under it', async () => {
    const caseId = await newCase();
    await consent(caseId);
    const referral = (await refer(caseId)).json().referral;
    assert.equal((await shelterWorker.request('POST', api(ngo, `/service-referrals/${referral.id}/accept`), { expectedVersion: 1 })).statusCode, 200);
    const delivery = { serviceKind: 'shelter', deliveredOn: '2026-02-01', quantity: 2, unit: 'night', language: 'ro', interpreterUsed: false };
    assert.equal((await shelterWorker.request('POST', api(ngo, `/service-referrals/${referral.id}/deliveries`), delivery)).statusCode, 201);
    const revoked = await worker.request('POST', api(agency, `/service-referrals/${referral.id}/revoke`), { expectedVersion: 2 });
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.deepEqual([revoked.json().referral.status, revoked.json().referral.allowedActions], ['revoked', []]);
    assert.equal((await shelterWorker.request('GET', api(ngo, `/service-referrals/${referral.id}`))).statusCode, 404);
    assert.equal((await shelterWorker.request('POST', api(ngo, `/service-referrals/${referral.id}/deliveries`), delivery)).statusCode, 404, 'no delivery under a revoked referral');
    assert.equal((await shelterWorker.request('POST', api(ngo, `/service-referrals/${referral.id}/complete`), { expectedVersion: 3 })).statusCode, 404);
    assert.equal((await t.database.db.selectFrom('serviceDeliveries').select('id').where('referralId', '=', referral.id).execute()).length, 1, 'what was delivered before stays in the case log');
    const stored = await t.database.db.selectFrom('serviceReferrals').select(['status', 'sharedCiphertext', 'revokeReason']).where('id', '=', referral.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { status: 'revoked', sharedCiphertext: null, revokeReason: 'referrer_revoked' });
    assert.deepEqual((await auditRows(t.database, 'serviceReferral.revoked', referral.id)).map((r) => (r.metadata as { from: string }).from), ['accepted', 'accepted']);
    assert.equal((await worker.request('POST', api(agency, `/service-referrals/${referral.id}/revoke`), { expectedVersion: 3 })).json().error.details.reason, 'ACTION_NOT_ALLOWED_FROM_STATUS', 'a revoked referral stays revoked');
  });

  test('a completed referral is final: neither revoked nor completed again', async () => {
    const caseId = await newCase();
    await consent(caseId);
    const referral = (await refer(caseId)).json().referral;
    assert.equal((await shelterWorker.request('POST', api(ngo, `/service-referrals/${referral.id}/accept`), { expectedVersion: 1 })).statusCode, 200);
    assert.equal((await shelterWorker.request('POST', api(ngo, `/service-referrals/${referral.id}/complete`), { expectedVersion: 2 })).statusCode, 200);
    for (const [agent, org, action] of [[worker, agency, 'revoke'], [shelterWorker, ngo, 'complete'], [shelterWorker, ngo, 'accept'], [shelterWorker, ngo, 'decline']] as const) {
      const refused = await agent.request('POST', api(org, `/service-referrals/${referral.id}/${action}`), action === 'decline' ? { reason: 'no_capacity', expectedVersion: 3 } : { expectedVersion: 3 });
      assert.equal(refused.statusCode, 409, `${action}: ${refused.body}`);
      assert.deepEqual(refused.json().error.details, { reason: 'ACTION_NOT_ALLOWED_FROM_STATUS', from: 'completed', action }, action);
    }
    const stored = await t.database.db.selectFrom('serviceReferrals').select(['status', 'version', 'revokedAt']).where('id', '=', referral.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { status: 'completed', version: 3, revokedAt: null });
    assert.equal((await auditRows(t.database, 'serviceReferral.revoked', referral.id)).length, 0);
  });

  test('no referral without consent for that organisation, purpose and fields; withdrawing consent revokes what relied on it', async () => {
    const caseId = await newCase();
    const none = await refer(caseId);
    assert.equal(none.statusCode, 422);
    assert.equal(none.json().error.details.reason, 'CONSENT_REQUIRED');
    await consent(caseId, { receivingOrgId: await t.createOrganisation() });
    assert.equal((await refer(caseId)).json().error.details.reason, 'CONSENT_REQUIRED', 'consent for another agency does not count');
    await consent(caseId, { purposes: ['medical'] });
    assert.equal((await refer(caseId)).json().error.details.reason, 'CONSENT_REQUIRED', 'nor for another purpose');
    const narrow = await consent(caseId, { fieldGroups: ['needs'] });
    const tooMuch = await refer(caseId, ['identity_basic', 'needs']);
    assert.equal(tooMuch.json().error.details.reason, 'CONSENT_DOES_NOT_COVER_FIELDS');
    const allowed = await refer(caseId, ['needs']);
    assert.equal(allowed.statusCode, 201, allowed.body);
    const withdrawn = await worker.request('POST', api(agency, `/cases/${caseId}/service-consents/${narrow}/withdrawal`), {});
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.ok(withdrawn.json().consents.find((c: { id: string }) => c.id === narrow).withdrawnAt);
    const after = await t.database.db.selectFrom('serviceReferrals').select(['status', 'revokeReason', 'sharedCiphertext']).where('id', '=', allowed.json().referral.id).executeTakeFirstOrThrow();
    assert.deepEqual(after, { status: 'revoked', revokeReason: 'consent_withdrawn', sharedCiphertext: null });
    assert.deepEqual((await notices(allowed.json().referral.id)).map((n) => [n.userId, n.kind, n.payload.reason]), [
      [shelterWorker.user.userId, 'serviceReferral.received', undefined],
      [shelterWorker.user.userId, 'serviceReferral.revoked', 'consent_withdrawn'],
    ], 'a revocation by withdrawn consent reaches the receiver too');
    assert.equal((await refer(caseId, ['needs'])).json().error.details.reason, 'CONSENT_REQUIRED');
    await consent(caseId, { decision: 'declined' });
    assert.equal((await refer(caseId, ['needs'])).json().error.details.reason, 'CONSENT_DECLINED');
    assert.equal((await worker.request('POST', api(agency, `/cases/${caseId}/service-consents/${narrow}/withdrawal`), {})).statusCode, 409);
    assert.equal((await auditRows(t.database, 'serviceConsent.withdrawn')).filter((r) => r.caseId === caseId).length, 1);
    assert.equal((await worker.request('POST', api(agency, `/cases/${caseId}/service-consents`), { ...CONSENT_ALL, receivingOrgId: agency })).statusCode, 400, 'not with oneself');
  });

  test('emergency override: only with its permission and a written justification; leaves its own audit event', async () => {
    const caseId = await newCase();
    const body = { ...referralBody(service.serviceId, ['identity_basic', 'contact']), justification: 'She called from the roadside at night; the exploiter is looking for her.' };
    const forbidden = await worker.request('POST', api(agency, `/cases/${caseId}/service-referrals/emergency`), body);
    assert.equal(forbidden.statusCode, 403, 'a case worker lacks serviceReferral.override');
    const coordinator = await t.login(await t.addUser(agency, 'coordinator'));
    assert.equal((await coordinator.request('POST', api(agency, `/cases/${caseId}/service-referrals/emergency`), { ...body, justification: 'urgent' })).statusCode, 400);
    assert.equal((await coordinator.request('POST', api(agency, `/cases/${caseId}/service-referrals`), referralBody(service.serviceId))).statusCode, 403, 'the coordinator may only use the emergency route');
    const sent = await coordinator.request('POST', api(agency, `/cases/${caseId}/service-referrals/emergency`), body);
    assert.equal(sent.statusCode, 201, sent.body);
    const referral = sent.json().referral;
    assert.equal(referral.isEmergencyOverride, true);
    const [override] = await auditRows(t.database, 'serviceReferral.overrideUsed', referral.id);
    assert.equal(override!.orgId, agency);
    assert.equal(override!.caseId, caseId);
    assert.deepEqual(override!.metadata, { referralId: referral.id, receivingOrgId: ngo, purpose: 'shelter', fieldGroups: ['identity_basic', 'contact'], justificationLength: body.justification.length });
    assert.equal((await auditRows(t.database, 'serviceReferral.sent', referral.id))[0]!.metadata.isOverride, true);
    assert.deepEqual((await notices(referral.id)).map((n) => [n.userId, n.kind, n.payload.isOverride]), [[shelterWorker.user.userId, 'serviceReferral.received', true]]);
    const stored = await t.database.db.selectFrom('serviceReferrals').selectAll().where('id', '=', referral.id).executeTakeFirstOrThrow();
    assert.equal(stored.consentId, null);
    assert.ok(stored.overrideJustificationCiphertext?.startsWith('v1.') && !stored.overrideJustificationCiphertext.includes('roadside'));
    const received = (await shelterWorker.request('GET', api(ngo, `/service-referrals/${referral.id}`))).json().referral;
    assert.equal(received.isEmergencyOverride, true);
    assert.equal(received.shared.contact.phone, SEEDED_IDENTITY.phone);
  });

  test('a child\'s consent is the guardian\'s (or a best-interests decision), and an unaccompanied child needs a guardian first', async () => {
    const childCase = await newCase(childCaseBody());
    const record = (agent: TAgent, basis: string) => agent.request('POST', api(agency, `/cases/${childCase}/service-consents`), { ...CONSENT_ALL, receivingOrgId: ngo, basis });
    assert.equal((await record(worker, 'person')).json().error.details.reason, 'CONSENT_BASIS_NOT_ALLOWED');
    const noGuardian = await record(worker, 'guardian');
    assert.equal(noGuardian.statusCode, 422);
    assert.equal(noGuardian.json().error.details.reason, 'GUARDIAN_REQUIRED');
    assert.equal((await record(worker, 'best_interests')).statusCode, 403, 'best-interests decisions are child protection\'s');
    const childProtection = await t.login(await t.addUser(agency, 'child_protection'));
    assert.equal((await record(childProtection, 'best_interests')).json().error.details.reason, 'GUARDIAN_REQUIRED');
    assert.equal((await refer(childCase)).json().error.details.reason, 'CONSENT_REQUIRED');
    await t.asSystem((ctx) => recordGuardian(ctx, agency, childCase, { kind: 'independent_child_trafficking_guardian', guardianRef: 'ICTG-7' }));
    assert.equal((await record(worker, 'guardian')).statusCode, 201);
    const sent = await refer(childCase);
    assert.equal(sent.statusCode, 201, sent.body);
    const shared = (await shelterWorker.request('GET', api(ngo, `/service-referrals/${sent.json().referral.id}`))).json().referral.shared;
    assert.equal(shared.identityBasic.isChild, true);
  });

  test('refusals: wrong side, wrong status, stale version, strangers, reasons, eligibility', async () => {
    const caseId = await newCase();
    await consent(caseId);
    const referral = (await refer(caseId)).json().referral;
    const url = (org: string, action: string) => api(org, `/service-referrals/${referral.id}/${action}`);
    assert.equal((await worker.request('POST', url(agency, 'accept'), { expectedVersion: 1 })).json().error.details.reason, 'NOT_RECEIVER');
    assert.equal((await shelterWorker.request('POST', url(ngo, 'deliveries'), { serviceKind: 'shelter', deliveredOn: '2026-02-01', quantity: 1, unit: 'night', language: 'ro', interpreterUsed: false })).json().error.details.reason, 'REFERRAL_NOT_ACCEPTED');
    assert.equal((await shelterWorker.request('POST', url(ngo, 'complete'), { expectedVersion: 1 })).statusCode, 409);
    assert.equal((await shelterWorker.request('POST', url(ngo, 'decline'), { expectedVersion: 1 })).statusCode, 400, 'a reason is required');
    assert.equal((await shelterWorker.request('POST', url(ngo, 'decline'), { reason: 'other', expectedVersion: 1 })).statusCode, 400, 'other needs a note');
    assert.equal((await shelterWorker.request('POST', url(ngo, 'accept'), { expectedVersion: 7 })).json().error.details.reason, 'VERSION_CONFLICT');
    const stranger = await t.createOrganisation();
    const strangerWorker = await t.login(await t.addUser(stranger, 'case_worker'));
    assert.equal((await strangerWorker.request('GET', api(stranger, `/service-referrals/${referral.id}`))).statusCode, 404);
    const analyst = await t.login(await t.addUser(ngo, 'analyst'));
    assert.equal((await analyst.request('GET', api(ngo, `/service-referrals/${referral.id}`))).statusCode, 403);
    const declined = await shelterWorker.request('POST', url(ngo, 'decline'), { reason: 'no_capacity', note: 'Full until March; try Harbour Trust', expectedVersion: 1 });
    assert.equal(declined.statusCode, 200, declined.body);
    assert.equal(declined.json().referral.shared, null);
    assert.deepEqual((await notices(referral.id)).filter((n) => n.kind === 'serviceReferral.responded').map((n) => [n.userId, n.payload.response, n.payload.reason]), [[worker.user.userId, 'declined', 'no_capacity']]);
    const seenBySender = (await worker.request('GET', api(agency, `/service-referrals/${referral.id}`))).json().referral;
    assert.deepEqual([seenBySender.status, seenBySender.declineReason, seenBySender.declineNote], ['declined', 'no_capacity', 'Full until March; try Harbour Trust']);
    assert.equal((await shelterWorker.request('POST', url(ngo, 'accept'), { expectedVersion: 2 })).statusCode, 409);

    const womenOnly = await providerWithService(t, ngo, { eligibility: { sexes: ['male'], minimumAge: null, maximumAge: 17, nationalities: ['VN'], description: null } });
    const ineligible = await worker.request('POST', api(agency, `/cases/${caseId}/service-referrals`), referralBody(womenOnly.serviceId));
    assert.equal(ineligible.statusCode, 422);
    assert.deepEqual(ineligible.json().error.details.unmet, ['SEX_NOT_ELIGIBLE', 'ABOVE_MAXIMUM_AGE', 'NATIONALITY_NOT_ELIGIBLE']);
    const closedService = await providerWithService(t, ngo, { status: 'temporarily closed' });
    assert.equal((await worker.request('POST', api(agency, `/cases/${caseId}/service-referrals`), referralBody(closedService.serviceId))).json().error.details.reason, 'SERVICE_NOT_ACTIVE');
    assert.equal((await worker.request('POST', api(agency, `/cases/${caseId}/service-referrals`), referralBody(service.serviceId, ['needs'], 'legal_aid'))).json().error.details.reason, 'PURPOSE_NOT_OFFERED');
    const own = await providerWithService(t, agency);
    assert.equal((await worker.request('POST', api(agency, `/cases/${caseId}/service-referrals`), referralBody(own.serviceId))).json().error.details.reason, 'RECEIVER_IS_CASE_OWNER');
    assert.equal((await worker.request('POST', api(agency, `/cases/${caseId}/service-referrals`), referralBody(crypto.randomUUID()))).statusCode, 400);
  });
});
