import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { adultCaseBody, childCaseBody, FULL_CONSENT, SEEDED_IDENTITY, strongAdultLabourScreening } from '../../../test/support/case-fixtures.ts';

describe(`NRM cases (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let responder: TAgent;
  let coordinator: TAgent;
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
    responder = await t.login(await t.addUser(orgId, 'first_responder'));
    coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
  });
  after(() => t.close());

  const url = (path = '') => `/api/organisations/${orgId}/cases${path}`;
  /** Jumps weeks ahead; sessions expire meanwhile, so everyone signs in again, as in real life. */
  async function advanceDays(days: number): Promise<void> {
    t.clock.advanceMinutes(days * 24 * 60);
    responder = await t.login(responder.user);
    coordinator = await t.login(coordinator.user);
  }

  test('adult golden path: screen, consent, refer, RG, recovery period, CG, close — every step audited', async () => {
    const created = await responder.request('POST', url(), adultCaseBody());
    assert.equal(created.statusCode, 201, created.body);
    const caseId = created.json().case.id;
    assert.equal(created.json().case.status, 'draft');
    assert.equal(created.json().case.person.identity.familyName, 'Quillfeather');
    assert.match(created.json().case.reference, /^NRM-\d{4}-\d{6}$/);

    const screening = await responder.request('POST', url(`/${caseId}/screenings`), strongAdultLabourScreening());
    assert.equal(screening.statusCode, 201, screening.body);
    assert.equal(screening.json().screening.result.kind, 'recommendation');

    let detail = (await responder.request('GET', url(`/${caseId}`))).json().case;
    const noConsent = await responder.request('POST', url(`/${caseId}/referral`), { expectedVersion: detail.version });
    assert.equal(noConsent.statusCode, 422);
    assert.equal(noConsent.json().error.details.reason, 'CONSENT_REQUIRED');

    assert.equal((await responder.request('POST', url(`/${caseId}/consent`), FULL_CONSENT)).statusCode, 201);
    detail = (await responder.request('GET', url(`/${caseId}`))).json().case;
    const referred = await responder.request('POST', url(`/${caseId}/referral`), { expectedVersion: detail.version });
    assert.equal(referred.statusCode, 200, referred.body);
    assert.equal(referred.json().case.status, 'referred');
    assert.deepEqual(referred.json().case.allowedActions, ['withdraw'], 'a first responder cannot decide');

    const coordinatorView = (await coordinator.request('GET', url(`/${caseId}`))).json().case;
    assert.ok(coordinatorView.allowedActions.includes('record_rg_positive'));
    const rg = await coordinator.request('POST', url(`/${caseId}/decisions`), { kind: 'RG', outcome: 'positive', reasons: ['Consistent account; indicators of forced labour.'], expectedVersion: coordinatorView.version });
    assert.equal(rg.statusCode, 201, rg.body);
    assert.equal(rg.json().case.status, 'rg_positive');
    assert.ok(rg.json().case.recoveryPeriod.earliestCgAt);
    assert.deepEqual(rg.json().case.decisions[0].reasons, ['Consistent account; indicators of forced labour.']);

    const tooEarly = await coordinator.request('POST', url(`/${caseId}/decisions`), { kind: 'CG', outcome: 'positive', reasons: ['x'], expectedVersion: rg.json().case.version });
    assert.equal(tooEarly.statusCode, 422);
    assert.equal(tooEarly.json().error.details.reason, 'CG_BEFORE_END_OF_RECOVERY_PERIOD');

    await advanceDays(31);
    const cg = await coordinator.request('POST', url(`/${caseId}/decisions`), { kind: 'CG', outcome: 'positive', reasons: ['Balance of probabilities met.'], expectedVersion: rg.json().case.version });
    assert.equal(cg.statusCode, 201, cg.body);
    assert.equal(cg.json().case.status, 'cg_positive');
    const closed = await coordinator.request('POST', url(`/${caseId}/closure`), { reason: 'conclusive_decision_made', expectedVersion: cg.json().case.version });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().case.status, 'closed');
    assert.deepEqual(closed.json().case.allowedActions, []);

    const stored = await t.database.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'closed');
    assert.equal(stored.closureReason, 'conclusive_decision_made');
    const decisions = await t.database.db.selectFrom('decisions').selectAll().where('caseId', '=', caseId).orderBy('decidedAt').execute();
    assert.deepEqual(decisions.map((d) => `${d.kind}:${d.outcome}`), ['RG:positive', 'CG:positive']);
    assert.ok(decisions.every((d) => d.reasonsCiphertext.startsWith('v1.') && !d.reasonsCiphertext.includes('Consistent')));

    const timeline = (await coordinator.request('GET', url(`/${caseId}/timeline`))).json().events.map((e: { action: string }) => e.action);
    for (const action of ['case.created', 'screening.recorded', 'consent.recorded', 'case.referred', 'decision.recorded', 'case.closed']) assert.ok(timeline.includes(action), action);
    const decisionAudit = await t.database.db.selectFrom('auditEvents').select('metadata').where('caseId', '=', caseId).where('action', '=', 'decision.recorded').execute();
    assert.equal(decisionAudit.length, 2);
    assert.ok(!JSON.stringify(decisionAudit).includes('Consistent'), 'reasons never reach the audit log');
  });

  test('a database dump holds none of the seeded names, dates of birth or document numbers', async () => {
    await responder.request('POST', url(), adultCaseBody());
    const tables = await sql<{ tableName: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.database.db);
    let dump = '';
    for (const { tableName } of tables.rows) {
      const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(tableName)} t`.execute(t.database.db);
      dump += rows.rows.map((r) => r.row).join('\n');
    }
    assert.ok(dump.length > 1000);
    for (const secret of [SEEDED_IDENTITY.givenName, SEEDED_IDENTITY.familyName, 'Зиновия', '1994-07-23', 'PX9981237Q', '7700 900461', 'Larkspur']) {
      assert.ok(!dump.toLowerCase().includes(secret.toLowerCase()), `${secret} found in plaintext`);
    }
  });

  test('name search goes through the blind index, in any script and case', async () => {
    await responder.request('POST', url(), adultCaseBody({ givenName: 'Ioana', familyName: 'Popescu-Ștefan' }));
    const byLatin = await responder.request('GET', url('?q=popescu%20STEFAN'));
    assert.equal(byLatin.statusCode, 200);
    assert.deepEqual(byLatin.json().cases.map((c: { displayName: string }) => c.displayName), ['Ioana Popescu-Ștefan']);
    const byCyrillic = await responder.request('GET', url(`?q=${encodeURIComponent('зиновия')}`));
    assert.ok(byCyrillic.json().cases.length >= 1);
    assert.equal((await responder.request('GET', url('?q=nobody-like-this'))).json().cases.length, 0);
    assert.ok((await auditRows(t.database, 'person.identitiesListed')).length >= 2);
  });

  test('only roles that work the case see it; other organisations see nothing', async () => {
    const caseId = (await responder.request('POST', url(), adultCaseBody())).json().case.id;
    // Investigators learn that a linked victim exists (see the justice tests), never the case file.
    const investigator = await t.login(await t.addUser(orgId, 'investigator'));
    assert.equal((await investigator.request('GET', url(`/${caseId}`))).statusCode, 403);
    const analyst = await t.login(await t.addUser(orgId, 'analyst'));
    assert.equal((await analyst.request('GET', url(`/${caseId}`))).statusCode, 403);
    const otherOrg = await t.createOrganisation();
    const stranger = await t.login(await t.addUser(otherOrg, 'coordinator'));
    assert.equal((await stranger.request('GET', url(`/${caseId}`))).statusCode, 404);
    assert.equal((await stranger.request('GET', `/api/organisations/${otherOrg}/cases/${caseId}`)).statusCode, 404);
    const views = await auditRows(t.database, 'person.identityViewed');
    assert.ok(views.some((row) => row.caseId === caseId && row.actorId === responder.user.userId));
    assert.ok(!views.some((row) => row.caseId === caseId && row.actorId === investigator.user.userId), 'no identity read, no identity audit');
  });

  test('two coordinators deciding at once: exactly one wins, the other gets a version conflict', async () => {
    const caseId = (await responder.request('POST', url(), adultCaseBody())).json().case.id;
    await responder.request('POST', url(`/${caseId}/consent`), FULL_CONSENT);
    const version = (await responder.request('GET', url(`/${caseId}`))).json().case.version;
    const referred = (await responder.request('POST', url(`/${caseId}/referral`), { expectedVersion: version })).json().case;
    const second = await t.login(await t.addUser(orgId, 'coordinator'));
    const results = await Promise.all([
      coordinator.request('POST', url(`/${caseId}/decisions`), { kind: 'RG', outcome: 'positive', reasons: ['a'], expectedVersion: referred.version }),
      second.request('POST', url(`/${caseId}/decisions`), { kind: 'RG', outcome: 'negative', reasons: ['b'], expectedVersion: referred.version }),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    assert.ok(['VERSION_CONFLICT', 'ACTION_NOT_ALLOWED_FROM_STATUS'].includes(loser.json().error.details.reason) || loser.json().error.code === 'INVALID_TRANSITION');
    assert.equal((await t.database.db.selectFrom('decisions').select('id').where('caseId', '=', caseId).execute()).length, 1);
  });

  test('child pathway: presumed child, lead required, no consent needed, guardian before closure', async () => {
    const created = await responder.request('POST', url(), childCaseBody());
    assert.equal(created.statusCode, 201);
    const child = created.json().case;
    assert.equal(child.isChild, true);
    assert.equal(child.childBasis, 'presumption_pending_assessment');
    const noLead = await responder.request('POST', url(`/${child.id}/referral`), { expectedVersion: child.version });
    assert.equal(noLead.statusCode, 422);
    assert.equal(noLead.json().error.details.reason, 'CHILD_PROTECTION_LEAD_REQUIRED');

    const specialist = await t.addUser(orgId, 'child_protection');
    const lead = await t.login(specialist);
    const notSpecialist = await lead.request('PUT', url(`/${child.id}/child-protection/lead`), { userId: responder.user.userId });
    assert.equal(notSpecialist.statusCode, 422);
    const assigned = await lead.request('PUT', url(`/${child.id}/child-protection/lead`), { userId: specialist.userId });
    assert.equal(assigned.statusCode, 200, assigned.body);
    const referred = await lead.request('POST', url(`/${child.id}/referral`), { expectedVersion: assigned.json().case.version });
    assert.equal(referred.statusCode, 200, referred.body);
    const rg = await coordinator.request('POST', url(`/${child.id}/decisions`), { kind: 'RG', outcome: 'positive', reasons: ['r'], expectedVersion: referred.json().case.version });
    await advanceDays(31);
    const leadAgain = await t.login(specialist);
    const cg = await coordinator.request('POST', url(`/${child.id}/decisions`), { kind: 'CG', outcome: 'positive', reasons: ['c'], expectedVersion: rg.json().case.version });
    assert.equal(cg.statusCode, 201, cg.body);
    assert.deepEqual(cg.json().case.childProtection.unmet.return.map((u: { code: string }) => u.code), ['GUARDIAN_REQUIRED', 'BEST_INTERESTS_DETERMINATION_REQUIRED', 'RISK_AND_SECURITY_ASSESSMENT_REQUIRED']);
    const noGuardian = await leadAgain.request('POST', url(`/${child.id}/closure`), { reason: 'conclusive_decision_made', expectedVersion: cg.json().case.version });
    assert.equal(noGuardian.statusCode, 422);
    assert.equal(noGuardian.json().error.details.reason, 'GUARDIAN_REQUIRED');
    await leadAgain.request('PUT', url(`/${child.id}/child-protection/guardian`), { kind: 'independent_child_trafficking_guardian', guardianRef: 'ICTG-2291' });
    const bid = await leadAgain.request('POST', url(`/${child.id}/child-protection/best-interests-determination`), { outcome: 'return_not_in_best_interests', riskAndSecurityAssessmentDone: true });
    assert.deepEqual(bid.json().case.childProtection.unmet.return.map((u: { code: string }) => u.code), ['RETURN_NOT_IN_BEST_INTERESTS']);
    const closed = await leadAgain.request('POST', url(`/${child.id}/closure`), { reason: 'conclusive_decision_made', expectedVersion: bid.json().case.version });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal((await auditRows(t.database, 'case.guardianRecorded', child.id)).length, 1);
  });

  test('an anonymous notification cannot carry identifying fields', async () => {
    const notification = { notifiedOn: '2026-03-02', sex: 'female', ageBand: '24--26', ageAtExploitation: 'adult', nationality: 'VN', exploitationTypes: ['sexual'], exploitationLocation: 'in_country', locationRegion: 'GB-ENG' };
    const ok = await responder.request('POST', `/api/organisations/${orgId}/anonymous-notifications`, notification);
    assert.equal(ok.statusCode, 201, ok.body);
    const stored = await t.database.db.selectFrom('anonymousNotifications').selectAll().where('id', '=', ok.json().notification.id).executeTakeFirstOrThrow();
    assert.equal(stored.notifiedOn, '2026-03-02');
    for (const field of ['name', 'givenName', 'familyName', 'dateOfBirth', 'documentNumber', 'phone', 'address']) {
      const refused = await responder.request('POST', `/api/organisations/${orgId}/anonymous-notifications`, { ...notification, [field]: 'Zenobia' });
      assert.equal(refused.statusCode, 400, field);
      assert.match(JSON.stringify(refused.json().error.details.issues), new RegExp(field));
    }
  });
});
