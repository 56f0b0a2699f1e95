import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { adultCaseBody, FULL_CONSENT, SEEDED_IDENTITY } from '../../../test/support/case-fixtures.ts';
import { PLAN_BODY } from '../../../test/authz-samples/protection.ts';
import { createCase } from '../cases/use-cases/create-case.ts';
import { recordConsent, referCase } from '../cases/use-cases/refer-case.ts';
import { recordDecision } from '../cases/use-cases/decide-case.ts';
import { closeCase } from '../cases/use-cases/end-case.ts';
import { getCaseRow } from '../cases/cases.repo.ts';
import type { TCreateCaseRequest } from '../cases/cases.schemas.ts';
import { referralIn } from '../service-referrals/referral-fixtures.test-support.ts';
import { sweepRetention } from './retention.service.ts';
import type { TRole } from '../../../core/authz/permissions.ts';
import { caseInState } from '../../../test/support/case-states.ts';
import { providerWithService } from '../services/directory-fixtures.test-support.ts';
import { CONSENT_ALL, referralBody } from '../service-referrals/referral-fixtures.test-support.ts';
import { recordServiceConsent } from '../service-referrals/use-cases/consents.ts';
import { sendServiceReferral } from '../service-referrals/use-cases/send-referral.ts';
import { acceptReferral } from '../service-referrals/use-cases/respond-referral.ts';
import { requestTransfer } from '../case-transfers/use-cases/request-transfer.ts';
import { CONTROL_IDENTITY, dashboardResponses, PLANTED_IDENTITY, PLANTED_TEXT, plantedIn, probeGetRoutes, readCasesExport, type TProbeResult } from './anonymisation-probe.test-support.ts';
import { resolveStatsQuery } from '../../../core/metrics/index.ts';
import { buildStatsQuery } from '../stats/stats.query-builder.ts';

let t: TTestApp;
before(async () => { t = await createTestApp({ clockStart: new Date('2026-01-05T09:00:00Z') }); });
after(async () => { await t.close(); });

const DECISION_REASON = 'Credible account of debt bondage at the Larkspur farm';
const DOCUMENT_TEXT = 'Statement of Zenobia Quillfeather taken on arrival';
const base = (orgId: string) => `/api/organisations/${orgId}`;

/** Every identifying or narrative value this test plants, in the forms an API could return. */
const PLANTED = [
  SEEDED_IDENTITY.givenName, SEEDED_IDENTITY.familyName, SEEDED_IDENTITY.otherNames[0]!, SEEDED_IDENTITY.dateOfBirth, SEEDED_IDENTITY.documentNumbers[0]!,
  SEEDED_IDENTITY.phone, SEEDED_IDENTITY.address, DECISION_REASON, PLAN_BODY.goals[0]!.survivorWords, 'Needs a safe bed tonight',
];

async function fullCase(orgId: string): Promise<string> {
  return t.asSystem(async (ctx) => {
    const caseId = await createCase(ctx, orgId, adultCaseBody() as TCreateCaseRequest);
    const version = async () => (await getCaseRow(ctx.db, orgId, caseId)).version;
    await recordConsent(ctx, orgId, caseId, FULL_CONSENT as never);
    await referCase(ctx, orgId, caseId, await version());
    await recordDecision(ctx, orgId, caseId, { kind: 'RG', outcome: 'positive', reasons: [DECISION_REASON], authority: 'competent_authority', expectedVersion: await version() });
    return caseId;
  });
}

async function close(orgId: string, caseId: string) {
  await t.asSystem(async (ctx) => closeCase(ctx, orgId, caseId, { reason: 'lost_contact', expectedVersion: (await getCaseRow(ctx.db, orgId, caseId)).version }));
}

/** What the statistics engine computes for the organisation, metric by metric (before suppression). */
async function engineNumbers(orgId: string) {
  const out: Record<string, unknown> = {};
  for (const [metric, dimensions] of [['cases.identified', ['sex', 'year']], ['decisions.all', ['decisionOutcome']], ['plans.inclusionOutcome', ['inclusionOutcome']], ['cases.identified', ['citizenship']]] as const) {
    out[`${metric}/${dimensions.join(',')}`] = await buildStatsQuery(t.database.db, orgId, resolveStatsQuery({ metric, dimensions: [...dimensions], filters: {} })).execute();
  }
  return out;
}

/** The statistical columns that must survive anonymisation unchanged. */
async function statisticalSnapshot(orgId: string) {
  return t.database.db.selectFrom('cases').innerJoin('persons', 'persons.id', 'cases.personId')
    .select(['cases.id', 'cases.status', 'cases.isChild', 'cases.exploitationForms', 'cases.countryOfExploitation', 'cases.yearOfRegistration', 'cases.referredAt', 'cases.rgPositiveAt', 'cases.closedAt', 'cases.closureReason', 'cases.source',
      'persons.sex', 'persons.ageYears', 'persons.citizenship'])
    .where('cases.orgId', '=', orgId).orderBy('cases.id').execute();
}

async function everythingAbout(agent: TAgent, orgId: string, caseId: string, receiver: { agent: TAgent; orgId: string; referralId: string }): Promise<string> {
  const urls = [
    `${base(orgId)}/cases/${caseId}`, `${base(orgId)}/cases?limit=100`, `${base(orgId)}/cases/${caseId}/plan`, `${base(orgId)}/cases/${caseId}/plan/versions`,
    `${base(orgId)}/cases/${caseId}/documents`, `${base(orgId)}/cases/${caseId}/timeline`, `${base(orgId)}/service-referrals?box=sent`, `${base(orgId)}/audit-events?limit=500`,
    `${base(orgId)}/cases/${caseId}/transfers`,
  ];
  const bodies: string[] = [];
  for (const url of urls) {
    const response = await agent.request('GET', url);
    assert.ok(response.statusCode < 500, `${url}: ${response.statusCode}`);
    bodies.push(response.body);
  }
  const shared = await receiver.agent.request('GET', `${base(receiver.orgId)}/service-referrals/${receiver.referralId}`);
  bodies.push(shared.body);
  return bodies.join('\n');
}

test('retention anonymises a person once every case has been closed long enough: no identifying data in any response, statistics unchanged', async () => {
  const orgId = await t.createOrganisation();
  const shelterOrg = await t.createOrganisation();
  const adminUser = await t.addUser(orgId, 'admin');
  const shelterUser = await t.addUser(shelterOrg, 'case_worker');
  let admin = await t.login(adminUser);
  let shelterWorker = await t.login(shelterUser);

  // A referral to a shelter that shares identity and needs (its own case fixture), and our full case.
  const referral = await referralIn(t, orgId, shelterOrg, 'accepted', ['identity_basic', 'needs']);
  const caseId = await fullCase(orgId);
  assert.equal((await admin.request('PUT', `${base(orgId)}/cases/${caseId}/plan`, PLAN_BODY)).statusCode, 200);
  const upload = await admin.request('POST', `${base(orgId)}/cases/${caseId}/documents`, { fileName: 'statement-quillfeather.txt', contentType: 'text/plain', contentBase64: Buffer.from(DOCUMENT_TEXT).toString('base64') });
  assert.equal(upload.statusCode, 201, upload.body);
  const held = await fullCase(orgId);
  const open = await fullCase(orgId);
  await close(orgId, caseId);
  await close(orgId, held);
  await close(orgId, referral.caseId);
  assert.equal((await admin.request('PUT', `${base(orgId)}/cases/${held}/legal-hold`, { reason: 'prosecution' })).statusCode, 200);

  const before = await everythingAbout(admin, orgId, caseId, { agent: shelterWorker, orgId: shelterOrg, referralId: referral.referralId });
  for (const value of [SEEDED_IDENTITY.familyName, DECISION_REASON, PLAN_BODY.goals[0]!.survivorWords]) assert.ok(before.includes(value), `the check can see ${value} before`);
  const statsBefore = await statisticalSnapshot(orgId);
  const engineBefore = await engineNumbers(orgId);

  assert.equal((await admin.request('PUT', `${base(orgId)}/retention-policy`, { anonymiseAfterDays: 365 })).statusCode, 200);
  assert.equal(await t.asSystem((ctx) => sweepRetention(ctx, orgId)), 0, 'nothing is due a day after closure');
  t.clock.advanceMinutes(366 * 24 * 60);
  [admin, shelterWorker] = [await t.login(adminUser), await t.login(shelterUser)];
  assert.equal(await t.asSystem((ctx) => sweepRetention(ctx, orgId)), 2, 'the closed case and the referred case; not the held one, not the open one');
  assert.equal(await t.asSystem((ctx) => sweepRetention(ctx, orgId)), 0, 'idempotent');

  const afterwards = await everythingAbout(admin, orgId, caseId, { agent: shelterWorker, orgId: shelterOrg, referralId: referral.referralId });
  const leaks = PLANTED.filter((value) => afterwards.includes(value));
  // The held and the open case still carry the same seeded identity: look only at what concerns the anonymised case.
  const detailResponse = await admin.request('GET', `${base(orgId)}/cases/${caseId}`);
  assert.equal(detailResponse.statusCode, 200, detailResponse.body);
  const detail = detailResponse.json() as { case: { person: { identity: object }; decisions: { reasons: string[] }[] } };
  assert.deepEqual(detail.case.person.identity, {});
  assert.deepEqual(detail.case.decisions.map((d) => d.reasons), [[]]);
  const documents = (await admin.request('GET', `${base(orgId)}/cases/${caseId}/documents`)).json() as { documents: unknown[] };
  assert.deepEqual(documents.documents, []);
  const plan = (await admin.request('GET', `${base(orgId)}/cases/${caseId}/plan/versions`)).body;
  assert.ok(!plan.includes(PLAN_BODY.goals[0]!.survivorWords));
  assert.ok(plan.includes('"status":"in_progress"'), 'goal statuses stay for inclusion statistics');
  const shared = await shelterWorker.request('GET', `${base(shelterOrg)}/service-referrals/${referral.referralId}`);
  assert.ok(!shared.body.includes('Needs a safe bed tonight'), 'the copy shared with the shelter is gone');
  assert.ok(leaks.every((value) => [SEEDED_IDENTITY.givenName, SEEDED_IDENTITY.familyName, SEEDED_IDENTITY.otherNames[0], DECISION_REASON, SEEDED_IDENTITY.dateOfBirth, SEEDED_IDENTITY.documentNumbers[0], SEEDED_IDENTITY.phone, SEEDED_IDENTITY.address].includes(value)), `only the other cases' data may remain: ${leaks.join(', ')}`);
  const persons = await t.database.db.selectFrom('cases').innerJoin('persons', 'persons.id', 'cases.personId').select(['cases.id', 'persons.anonymisedAt', 'persons.nameIndex'])
    .where('cases.orgId', '=', orgId).execute();
  const anonymised = new Set(persons.filter((p) => p.anonymisedAt !== null).map((p) => p.id));
  assert.deepEqual([anonymised.has(caseId), anonymised.has(referral.caseId), anonymised.has(held), anonymised.has(open)], [true, true, false, false]);
  assert.ok(persons.filter((p) => anonymised.has(p.id)).every((p) => p.nameIndex.length === 0), 'name search cannot find them');
  const search = (await admin.request('GET', `${base(orgId)}/cases?q=${encodeURIComponent(SEEDED_IDENTITY.familyName)}`)).json() as { cases: { id: string }[] };
  assert.ok(!search.cases.some((c) => anonymised.has(c.id)));

  assert.deepEqual(await statisticalSnapshot(orgId), statsBefore, 'every statistical field is unchanged');
  assert.deepEqual(await engineNumbers(orgId), engineBefore, 'the statistics engine computes the same numbers');
  const audit = await t.database.db.selectFrom('auditEvents').select(['action', 'metadata']).where('orgId', '=', orgId).where('action', '=', 'person.anonymised').execute();
  assert.equal(audit.length, 2);
  assert.ok(audit.every((row) => (row.metadata as { trigger: string }).trigger === 'retention'));
});

test('erasure on request: reference typed again, refused while a case is open or on hold, audited, never twice', async () => {
  const orgId = await t.createOrganisation();
  const admin = await t.login(await t.addUser(orgId, 'admin'));
  const coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
  const caseId = await fullCase(orgId);
  const reference = (await t.database.db.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow()).reference;
  const reasonOf = (response: { json(): unknown }) => (response.json() as { error: { details: { reason: string } } }).error.details.reason;

  assert.equal((await coordinator.request('POST', `${base(orgId)}/cases/${caseId}/erasure`, { confirmReference: reference })).statusCode, 403, 'only holders of person.erase');
  const openCase = await admin.request('POST', `${base(orgId)}/cases/${caseId}/erasure`, { confirmReference: reference });
  assert.deepEqual([openCase.statusCode, reasonOf(openCase)], [422, 'CASE_OPEN']);
  await close(orgId, caseId);
  const typo = await admin.request('POST', `${base(orgId)}/cases/${caseId}/erasure`, { confirmReference: 'NRM-0000-000000' });
  assert.deepEqual([typo.statusCode, reasonOf(typo)], [400, 'REFERENCE_MISMATCH']);
  assert.equal((await coordinator.request('PUT', `${base(orgId)}/cases/${caseId}/legal-hold`, { reason: 'litigation' })).statusCode, 200);
  const twiceHeld = await coordinator.request('PUT', `${base(orgId)}/cases/${caseId}/legal-hold`, { reason: 'litigation' });
  assert.deepEqual([twiceHeld.statusCode, reasonOf(twiceHeld)], [409, 'LEGAL_HOLD_EXISTS']);
  const onHold = await admin.request('POST', `${base(orgId)}/cases/${caseId}/erasure`, { confirmReference: reference });
  assert.deepEqual([onHold.statusCode, reasonOf(onHold)], [422, 'LEGAL_HOLD']);
  assert.equal((await coordinator.request('DELETE', `${base(orgId)}/cases/${caseId}/legal-hold`)).statusCode, 204);
  assert.equal((await admin.request('GET', `${base(orgId)}/cases/${caseId}/legal-hold`)).body, 'null');

  assert.equal((await admin.request('POST', `${base(orgId)}/cases/${caseId}/erasure`, { confirmReference: reference })).statusCode, 204);
  const detail = (await admin.request('GET', `${base(orgId)}/cases/${caseId}`)).json() as { case: { person: { identity: object }; displayName: string | null } };
  assert.deepEqual([detail.case.person.identity, detail.case.displayName], [{}, null]);
  const again = await admin.request('POST', `${base(orgId)}/cases/${caseId}/erasure`, { confirmReference: reference });
  assert.deepEqual([again.statusCode, reasonOf(again)], [409, 'ALREADY_ANONYMISED']);
  const actions = await t.database.db.selectFrom('auditEvents').select('action').where('orgId', '=', orgId).where('action', 'in', ['legalHold.placed', 'legalHold.lifted', 'person.anonymised']).orderBy('seq').execute();
  assert.deepEqual(actions.map((a) => a.action), ['legalHold.placed', 'legalHold.lifted', 'person.anonymised']);
});

/** Dimensions the dashboard is asked by, for every metric that allows them. */
const DASHBOARD_DIMENSIONS = ['year', 'sex', 'ageBand', 'majority', 'exploitationForm', 'citizenship', 'countryOfExploitation', 'dataSource', 'decisionKind', 'decisionOutcome', 'inclusionOutcome', 'serviceKind'];

/** Signed-in members of one organisation by role, made on first use (forget them when the clock jumps). */
function membersOf(orgId: string) {
  const agents = new Map<string, TAgent>();
  return {
    forget: () => agents.clear(),
    signIn: async (role: TRole | 'platform_admin'): Promise<TAgent> => {
      const known = agents.get(role);
      if (known) return known;
      const user = await t.addUser(orgId, role === 'platform_admin' ? 'admin' : role);
      if (role === 'platform_admin') await t.database.db.updateTable('users').set({ isPlatformAdmin: true }).where('id', '=', user.userId).execute();
      const agent = await t.login(user);
      agents.set(role, agent);
      return agent;
    },
  };
}

/**
 * A closed case whose person's identity and free text are planted in every module that can hold
 * them: decision reasons, recovery plan, a document, a service referral shared with (and accepted
 * by) a shelter, a transfer request with a note (still open), break-the-glass access by an
 * investigator and a link to an investigation. Returns the ids the API addresses them by.
 */
async function plantedCase(orgId: string, shelterOrg: string, transferOrg: string, members: ReturnType<typeof membersOf>) {
  const admin = await members.signIn('admin');
  const caseId = await t.asSystem(async (ctx) => {
    const id = await createCase(ctx, orgId, adultCaseBody(PLANTED_IDENTITY) as TCreateCaseRequest);
    const version = async () => (await getCaseRow(ctx.db, orgId, id)).version;
    await recordConsent(ctx, orgId, id, FULL_CONSENT as never);
    await referCase(ctx, orgId, id, await version());
    await recordDecision(ctx, orgId, id, { kind: 'RG', outcome: 'positive', reasons: [PLANTED_TEXT.decisionReason], authority: 'competent_authority', expectedVersion: await version() });
    return id;
  });
  const plan = await admin.request('PUT', `${base(orgId)}/cases/${caseId}/plan`, { ...PLAN_BODY, goals: [{ ...PLAN_BODY.goals[0]!, survivorWords: PLANTED_TEXT.survivorWords }] });
  assert.equal(plan.statusCode, 200, plan.body);
  const upload = await admin.request('POST', `${base(orgId)}/cases/${caseId}/documents`, { fileName: PLANTED_TEXT.documentName, contentType: 'text/plain', contentBase64: Buffer.from(PLANTED_TEXT.documentText).toString('base64') });
  assert.equal(upload.statusCode, 201, upload.body);
  const documentId = (upload.json() as { document: { id: string } }).document.id;

  const provider = await providerWithService(t, shelterOrg);
  const referralId = await t.asSystem(async (ctx) => {
    await recordServiceConsent(ctx, orgId, caseId, { ...CONSENT_ALL, purposes: [...CONSENT_ALL.purposes], fieldGroups: [...CONSENT_ALL.fieldGroups], receivingOrgId: shelterOrg });
    const body = referralBody(provider.serviceId, ['identity_basic', 'needs', 'safety']);
    return sendServiceReferral(ctx, orgId, caseId, { ...body, needs: { summary: PLANTED_TEXT.needsSummary, languages: ['ro'] }, safetyNotes: PLANTED_TEXT.safetyNotes });
  });
  await t.asSystem((ctx) => acceptReferral(ctx, shelterOrg, referralId, 1));
  const transferId = await t.asSystem((ctx) => requestTransfer(ctx, orgId, caseId, { receivingOrgId: transferOrg, consent: { basis: 'person', language: 'en', interpreterUsed: false }, note: PLANTED_TEXT.transferNote }));
  // Left open: the receiver reads the note while the request waits for an answer.

  const investigator = await members.signIn('investigator');
  const glass = await investigator.request('POST', `${base(orgId)}/cases/${caseId}/emergency-access`, { justification: 'The trafficker was seen near the shelter tonight; the case file is needed now.' });
  assert.equal(glass.statusCode, 201, glass.body);
  const investigation = await admin.request('POST', `${base(orgId)}/investigations`, { operationId: null, agency: 'Unit', openedOn: '2025-01-10', exploitationForms: ['labour'], techniques: [], countriesInvolved: [], jointInvestigationTeam: false });
  assert.equal(investigation.statusCode, 201, investigation.body);
  const investigationId = (investigation.json() as { investigation: { id: string } }).investigation.id;
  const link = await admin.request('POST', `${base(orgId)}/investigations/${investigationId}/victim-links`, { caseOrgId: orgId, caseId, role: 'victim', supportContact: 'Shelter duty phone 0100 000', participation: 'statement' });
  assert.equal(link.statusCode, 201, link.body);
  await close(orgId, caseId);
  return { caseId, documentId, referralId, transferId, investigationId };
}

/** The probe of every organisation that holds something of the case, as one list of requests. */
async function probeEverywhere(orgs: { orgId: string; params: Record<string, string>; members: ReturnType<typeof membersOf> }[]): Promise<TProbeResult> {
  const all: TProbeResult = { probed: new Map(), notAddressable: [], responses: [] };
  for (const org of orgs) {
    const result = await probeGetRoutes(t, org.orgId, org.params, org.members.signIn);
    for (const [route, count] of result.probed) all.probed.set(route, (all.probed.get(route) ?? 0) + count);
    // Routes of the case's own organisation that none of its ids can fill; the other organisations only hold the shared copies.
    if (org === orgs[0]) all.notAddressable.push(...result.notAddressable);
    all.responses.push(...result.responses);
  }
  return all;
}

/**
 * Done-means: a case anonymised (by the retention sweep or on request) yields none of its
 * identifying data in any GET response of the route table or in the identifying export, and every
 * answer of the statistics dashboard is the same before and after.
 */
async function provesNothingIdentifyingRemains(trigger: 'retention' | 'erasure') {
  const [orgId, shelterOrg, transferOrg] = [await t.createOrganisation(), await t.createOrganisation(), await t.createOrganisation()];
  const members = { own: membersOf(orgId), shelter: membersOf(shelterOrg), receiver: membersOf(transferOrg) };
  // Enough similar cases that the dashboard's cells pass small-cell suppression (k = 11).
  for (let i = 0; i < 12; i += 1) await caseInState(t, orgId, 'rg_positive');
  await t.asSystem((ctx) => createCase(ctx, orgId, adultCaseBody(CONTROL_IDENTITY) as TCreateCaseRequest));
  const planted = await plantedCase(orgId, shelterOrg, transferOrg, members.own);
  const orgs: { orgId: string; params: Record<string, string>; members: ReturnType<typeof membersOf> }[] = [
    { orgId, params: { caseId: planted.caseId, documentId: planted.documentId, referralId: planted.referralId, transferId: planted.transferId, investigationId: planted.investigationId }, members: members.own },
    { orgId: shelterOrg, params: { referralId: planted.referralId }, members: members.shelter },
    { orgId: transferOrg, params: { transferId: planted.transferId }, members: members.receiver },
  ];

  // Before: every planted value is visible somewhere, so the probes below can fail.
  const before = await probeEverywhere(orgs);
  const seenBefore = new Set(before.responses.flatMap((r) => r.leaks));
  const primary = [...Object.values(PLANTED_IDENTITY).flat(), ...Object.values(PLANTED_TEXT)];
  assert.deepEqual(primary.filter((value) => !seenBefore.has(value)), [], 'the probes see every planted value before anonymisation');
  const exportBefore = await readCasesExport(await members.own.signIn('admin'), orgId);
  assert.ok(exportBefore.includes(PLANTED_IDENTITY.familyName) && exportBefore.includes(PLANTED_IDENTITY.documentNumbers[0]!), 'the export holds the planted identity before');
  const analyst = await members.own.signIn('analyst');
  const dashboardBefore = await dashboardResponses(analyst, orgId, DASHBOARD_DIMENSIONS);
  const published = [...dashboardBefore.values()].filter((answer) => /"total":\{"value":(1[1-9]|[2-9]\d)/.test(answer));
  assert.ok(published.length >= 5, `the dashboard publishes real numbers (unsuppressed totals in ${published.length} answers), so a change would show`);

  if (trigger === 'retention') {
    assert.equal((await (await members.own.signIn('admin')).request('PUT', `${base(orgId)}/retention-policy`, { anonymiseAfterDays: 30 })).statusCode, 200);
    t.clock.advanceMinutes(31 * 24 * 60);
    for (const org of Object.values(members)) org.forget();
    assert.equal(await t.asSystem((ctx) => sweepRetention(ctx, orgId)), 1, 'only the closed case is due');
  } else {
    const reference = (await t.database.db.selectFrom('cases').select('reference').where('id', '=', planted.caseId).executeTakeFirstOrThrow()).reference;
    const erased = await (await members.own.signIn('admin')).request('POST', `${base(orgId)}/cases/${planted.caseId}/erasure`, { confirmReference: reference });
    assert.equal(erased.statusCode, 204, erased.body);
  }

  const afterwards = await probeEverywhere(orgs);
  const leaks = afterwards.responses.filter((r) => r.leaks.length > 0).map((r) => `${r.url} → ${r.leaks.join(' | ')}`);
  const requests = afterwards.responses.length;
  console.log(`${trigger}: ${afterwards.probed.size} GET routes checked with ${requests} requests across 3 organisations; routes no id of this case can address: ${afterwards.notAddressable.join('; ')}`);
  assert.deepEqual(leaks, [], 'no GET response carries a planted value');
  // The document itself is deleted by anonymisation; everything else about the case still answers.
  const unexpectedStatus = afterwards.responses.filter((r) => r.status >= 400 && !r.url.includes('/documents/:documentId/content'));
  assert.deepEqual(unexpectedStatus.map((r) => `${r.url}: ${r.status}`), [], 'the routes still answer (the case itself is kept)');
  assert.ok(afterwards.probed.size >= 40, `${afterwards.probed.size} routes probed`);

  const exportAfter = await readCasesExport(await members.own.signIn('admin'), orgId);
  assert.deepEqual(plantedIn(exportAfter), [], 'the identifying export holds nothing of the anonymised person');
  assert.ok(exportAfter.includes(CONTROL_IDENTITY.familyName) && exportAfter.includes(CONTROL_IDENTITY.documentNumbers[0]!) && exportAfter.includes(CONTROL_IDENTITY.phone), 'the export still holds the other person');
  const reference = (await t.database.db.selectFrom('cases').select('reference').where('id', '=', planted.caseId).executeTakeFirstOrThrow()).reference;
  assert.ok(exportAfter.includes(reference), 'the anonymised case is still exported, without identity');

  const dashboardAfter = await dashboardResponses(await members.own.signIn('analyst'), orgId, DASHBOARD_DIMENSIONS);
  const changed = [...dashboardBefore.keys()].filter((key) => dashboardAfter.get(key) !== dashboardBefore.get(key));
  assert.deepEqual(changed, [], 'every dashboard answer is byte-for-byte the same');
  console.log(`${trigger}: ${dashboardBefore.size} dashboard answers identical (${published.length} with published totals)`);
}

test('retention sweep: no GET route of the route table, no identifying export, shows the anonymised case\'s identity or free text; the dashboard answers the same', async () => {
  await provesNothingIdentifyingRemains('retention');
});

test('erasure on request: no GET route of the route table, no identifying export, shows the erased case\'s identity or free text; the dashboard answers the same', async () => {
  await provesNothingIdentifyingRemains('erasure');
});

test('erasure also removes a break-the-glass justification that names the person', async () => {
  const orgId = await t.createOrganisation();
  const members = membersOf(orgId);
  const caseId = await t.asSystem((ctx) => createCase(ctx, orgId, adultCaseBody(PLANTED_IDENTITY) as TCreateCaseRequest));
  const glass = await (await members.signIn('investigator')).request('POST', `${base(orgId)}/cases/${caseId}/emergency-access`, { justification: `${PLANTED_IDENTITY.givenName}'s trafficker was seen near the shelter tonight; the case file is needed now.` });
  assert.equal(glass.statusCode, 201, glass.body);
  await t.asSystem(async (ctx) => {
    await recordConsent(ctx, orgId, caseId, FULL_CONSENT as never);
    await referCase(ctx, orgId, caseId, (await getCaseRow(ctx.db, orgId, caseId)).version);
  });
  await close(orgId, caseId);
  const admin = await members.signIn('admin');
  const reference = (await t.database.db.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow()).reference;
  assert.equal((await admin.request('POST', `${base(orgId)}/cases/${caseId}/erasure`, { confirmReference: reference })).statusCode, 204);
  const grants = await admin.request('GET', `${base(orgId)}/cases/${caseId}/emergency-access`);
  assert.equal(grants.statusCode, 200, grants.body);
  assert.deepEqual(plantedIn(grants.body), []);
});
